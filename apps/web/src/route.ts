/**
 * The pages of the client, read from the path. Links between pages are
 * plain full navigations, so no router library is needed: `/` is the start
 * page, `/b/<boardId>` a board (its token stays in the fragment),
 * `/b/<boardId>/projektor` the board's projector view and `/barrierefreiheit` the
 * accessibility statement.
 */
import { ACCESSIBILITY_PATH } from '@dorfplatz/protocol'

export type Route =
  | { page: 'start' }
  | { page: 'board'; boardId: string }
  | { page: 'projector'; boardId: string }
  | { page: 'accessibility' }
  | { page: 'not-found' }

/** The path segment of the projector view; German like the room it is shown in, and the same in English. */
export const PROJECTOR_SEGMENT = 'projektor'

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'start' }
  if (pathname === ACCESSIBILITY_PATH || pathname === `${ACCESSIBILITY_PATH}/`) return { page: 'accessibility' }
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname)
  if (board?.[1]) return { page: 'board', boardId: decodeURIComponent(board[1]) }
  const projector = new RegExp(`^/b/([^/]+)/${PROJECTOR_SEGMENT}/?$`).exec(pathname)
  if (projector?.[1]) return { page: 'projector', boardId: decodeURIComponent(projector[1]) }
  return { page: 'not-found' }
}

/** The path of a board's projector view; the token is handed over apart from it (see projectorToken.ts). */
export function projectorPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}/${PROJECTOR_SEGMENT}`
}
