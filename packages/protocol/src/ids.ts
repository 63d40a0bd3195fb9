/**
 * Shapes of board ids and tokens. Both are checked before any lookup so that
 * junk never reaches storage or the WebSocket upgrade.
 */

/** A board id: 16 characters of base64url (96 random bits). */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/

/** A link token: 43 characters of base64url (256 random bits). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value)
}

export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value)
}

/** The path of the sync endpoint; the room is the board id: `/sync/<boardId>?token=…`. */
export const SYNC_PATH = '/sync'

/** The accessibility statement (Erklärung zur Barrierefreiheit), a page of the web app; German in both languages, like the projector view. */
export const ACCESSIBILITY_PATH = '/barrierefreiheit'

/** Where a board's link points in the web app; the token travels in the fragment so it never reaches logs or Referer headers. */
export function boardPath(boardId: string, token: string): string {
  return `/b/${boardId}#token=${token}`
}
