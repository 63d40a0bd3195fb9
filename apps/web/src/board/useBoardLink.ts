/**
 * Asks the server what a board link opens, from the board id in the path and
 * the token in the fragment. A result belongs to one request, so a new link or
 * a retry shows "loading" again instead of the previous board. When the server
 * cannot be reached, a link this browser opened before opens as it did then: the
 * board itself comes from the browser's copy, and the server checks the link
 * again as soon as it is back.
 */
import { isBoardId, isToken, type BoardInfo, type ClientConfig } from '@dorfplatz/protocol'
import { useCallback, useEffect, useState } from 'react'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { fetchBoardInfo, fetchClientConfig } from '../api/apiClient.ts'
import { findRecentBoard, forgetToken, rememberBoard } from '../storage/recentBoards.ts'
import { loadRememberedClientConfig, rememberClientConfig } from '../storage/rememberedConfig.ts'
import { readBoardToken } from './readBoardToken.ts'

export type LoadResult =
  | { status: 'ready'; info: BoardInfo; config: ClientConfig; token: string }
  | { status: 'invalid-link' }
  | { status: 'not-found' }
  | { status: 'unreachable' }
  | { status: 'failed'; httpStatus: number; message: string }

export type LoadState = { status: 'loading' } | LoadResult

export function useHashToken(): string | null {
  const [token, setToken] = useState(() => readBoardToken(window.location.hash))
  useEffect(() => {
    // Pasting another link to the same board changes only the fragment.
    const onHashChange = () => setToken(readBoardToken(window.location.hash))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  return token
}

function resultOf(error: unknown): LoadResult {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return { status: 'invalid-link' }
    if (error.status === 404) return { status: 'not-found' }
    // A reverse proxy in front of a server that is down or restarting answers 502–504.
    if (error.isNetworkError || [502, 503, 504].includes(error.status)) return { status: 'unreachable' }
    return { status: 'failed', httpStatus: error.status, message: error.message }
  }
  return { status: 'failed', httpStatus: 0, message: '' }
}

/** A link this browser opened before, as it opened then, for opening the board without the server. */
function openedBefore(boardId: string, token: string): LoadResult | null {
  const known = findRecentBoard(boardId, token)
  const config = loadRememberedClientConfig()
  if (!known || !config) return null
  return { status: 'ready', info: { id: known.id, title: known.title, role: known.role }, config, token }
}

type LinkAnswer = [BoardInfo, ClientConfig]

/** The check a page load started before the board page's code arrived, until the page takes it. */
let earlyCheck: { request: string; answer: Promise<LinkAnswer> } | null = null

function askServer(boardId: string, token: string): Promise<LinkAnswer> {
  return Promise.all([fetchBoardInfo(boardId, token), fetchClientConfig()])
}

/**
 * Starts the link check as the page loads, beside the download of the board page's code (2 MB,
 * with tldraw), so that the answer is there when the page asks instead of after it has loaded.
 */
export function checkBoardLinkEarly(boardId: string, token: string | null): void {
  if (!isBoardId(boardId) || token === null || !isToken(token)) return
  const answer = askServer(boardId, token)
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  answer.catch(() => undefined)
  earlyCheck = { request: `${boardId}#${token}#0`, answer }
}

function takeAnswer(request: string, boardId: string, token: string): Promise<LinkAnswer> {
  const early = earlyCheck
  earlyCheck = null
  return early?.request === request ? early.answer : askServer(boardId, token)
}

export function useBoardLink(boardId: string, token: string | null): { state: LoadState; retry: () => void } {
  const [attempt, setAttempt] = useState(0)
  const request = `${boardId}#${token ?? ''}#${attempt}`
  const [result, setResult] = useState<{ request: string; result: LoadResult } | null>(null)
  const linkIsWellFormed = isBoardId(boardId) && token !== null && isToken(token)

  useEffect(() => {
    if (!linkIsWellFormed || token === null) return
    let cancelled = false
    takeAnswer(request, boardId, token).then(
      ([info, config]) => {
        if (cancelled) return
        rememberBoard({ id: info.id, title: info.title, role: info.role, token })
        rememberClientConfig(config)
        setResult({ request, result: { status: 'ready', info, config, token } })
      },
      (error: unknown) => {
        if (cancelled) return
        const next = resultOf(error)
        if (next.status === 'invalid-link') forgetToken(boardId, token)
        setResult({ request, result: (next.status === 'unreachable' && openedBefore(boardId, token)) || next })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, request, linkIsWellFormed])

  const retry = useCallback(() => setAttempt((value) => value + 1), [])
  if (!isBoardId(boardId)) return { state: { status: 'not-found' }, retry }
  if (!linkIsWellFormed) return { state: { status: 'invalid-link' }, retry }
  return { state: result?.request === request ? result.result : { status: 'loading' }, retry }
}
