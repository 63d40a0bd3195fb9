/**
 * Calls to the Dorfplatz HTTP API on the page's own origin. Every function
 * either returns the typed body or throws an ApiRequestError.
 */
import type { BoardInfo, ClientConfig, CreatedBoard, CreateBoardRequest } from '@dorfplatz/protocol'
import { ApiRequestError, isApiError } from './ApiRequestError.ts'

/** Statuses with which a proxy in front of Dorfplatz reports that Dorfplatz itself did not answer. */
const GATEWAY_STATUSES = new Set([502, 503, 504])

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      // Tokens travel in the Authorization header; no cookie is ever needed.
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch (error) {
    throw new ApiRequestError(0, error instanceof Error ? error.message : String(error))
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  if (!response.ok) {
    if (isApiError(body)) throw new ApiRequestError(response.status, body.message)
    // A reverse proxy (or the dev server) answers for a server that is down.
    if (GATEWAY_STATUSES.has(response.status)) throw new ApiRequestError(0, response.statusText)
    // No message of ours: the caller shows a generic text with the status.
    throw new ApiRequestError(response.status, '')
  }
  return body as T
}

function bearer(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {}
}

export function fetchClientConfig(): Promise<ClientConfig> {
  return request<ClientConfig>('/api/config')
}

export function createBoard(title: string, adminToken?: string): Promise<CreatedBoard> {
  const body: CreateBoardRequest = { title }
  return request<CreatedBoard>('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(adminToken) },
    body: JSON.stringify(body),
  })
}

export function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  return request<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, {
    headers: bearer(token),
  })
}
