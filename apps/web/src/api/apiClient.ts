/**
 * Calls to the Dorfplatz HTTP API on the page's own origin. Every function
 * either returns the typed body or throws an ApiRequestError.
 */
import type { BoardInfo, ClientConfig, CreatedBoard, CreateBoardRequest, Role } from '@dorfplatz/protocol'
import type { BoardTemplateId, TemplateInstance } from '@dorfplatz/templates'
import type { Language } from '../i18n/i18n.ts'
import { ApiRequestError, isApiError, readReason } from './ApiRequestError.ts'

/** One board of the server's list, as only an admin sees it. */
export interface BoardSummary {
  id: string
  title: string
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface CreateBoardOptions {
  title: string
  /** Templates to build into the new board, side by side in this order. */
  templates?: readonly BoardTemplateId[]
  /** Language of the templates' texts and the first page's name. */
  locale?: Language
  adminToken?: string
}

/** A replaced link: the old one stops working at once. */
export interface RotatedLink {
  token: string
  link: string
}

/** Statuses with which a proxy in front of Dorfplatz reports that Dorfplatz itself did not answer. */
const GATEWAY_STATUSES = new Set([502, 503, 504])

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
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
    const retryAfter = Number(response.headers.get('retry-after'))
    if (isApiError(body)) {
      throw new ApiRequestError(response.status, body.message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null, readReason(body))
    }
    // A reverse proxy (or the dev server) answers for a server that is down.
    if (GATEWAY_STATUSES.has(response.status)) throw new ApiRequestError(0, response.statusText)
    // No message of ours: the caller shows a generic text with the status.
    throw new ApiRequestError(response.status, '')
  }
  return body as T
}

export function bearer(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {}
}

export function fetchClientConfig(): Promise<ClientConfig> {
  return request<ClientConfig>('/api/config')
}

export function postJson<T>(path: string, body: unknown, token: string | undefined): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  })
}

export function createBoard({ title, templates, locale, adminToken }: CreateBoardOptions): Promise<CreatedBoard> {
  const body: CreateBoardRequest & { templates?: BoardTemplateId[]; locale?: Language } = { title }
  if (templates && templates.length > 0) body.templates = [...templates]
  if (locale) body.locale = locale
  return postJson<CreatedBoard>('/api/boards', body, adminToken)
}

/** Every board on the server, newest first. 401 for a wrong key, 404 where the server has no admin key at all. */
export async function listBoards(adminToken: string): Promise<BoardSummary[]> {
  const { boards } = await request<{ boards: BoardSummary[] }>('/api/boards', { headers: bearer(adminToken) })
  return boards
}

/** Builds a template into a live board; only a facilitator token may. Connected clients receive it through sync. */
export async function addTemplateToBoard(
  boardId: string,
  facilitatorToken: string,
  templateId: BoardTemplateId,
  locale: Language,
): Promise<TemplateInstance> {
  const { instance } = await postJson<{ instance: TemplateInstance }>(
    `/api/boards/${encodeURIComponent(boardId)}/templates`,
    { templateId, locale },
    facilitatorToken,
  )
  return instance
}

/** Replaces a board's facilitator link, with the admin key or the current facilitator token. */
export function rotateFacilitatorLink(boardId: string, token: string): Promise<RotatedLink> {
  return rotateLink(boardId, 'facilitator', token)
}

/** Replaces one role's link of a board, with the admin key or a facilitator token; its open sockets close with 4401. */
export function rotateLink(boardId: string, role: Role, token: string): Promise<RotatedLink> {
  return postJson<RotatedLink>(`/api/boards/${encodeURIComponent(boardId)}/links/${role}/rotate`, {}, token)
}

/** Deletes the board with everything of it; only a facilitator token (or the admin key) may. Its open sockets close with 4404. */
export async function deleteBoard(boardId: string, token: string): Promise<void> {
  await request<undefined>(`/api/boards/${encodeURIComponent(boardId)}`, { method: 'DELETE', headers: bearer(token) })
}

export function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  return request<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, {
    headers: bearer(token),
  })
}
