/**
 * The two pages of the client, read from the path. Links between pages are
 * plain full navigations, so no router library is needed: `/` is the start
 * page, `/b/<boardId>` a board (its token stays in the fragment).
 */
export type Route = { page: 'start' } | { page: 'board'; boardId: string } | { page: 'not-found' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'start' }
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname)
  if (board?.[1]) return { page: 'board', boardId: decodeURIComponent(board[1]) }
  return { page: 'not-found' }
}
