/**
 * WebSocket close codes of the Dorfplatz sync endpoint. A client reads these
 * to tell the user why the connection ended and whether reconnecting helps.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnecting later helps. */
  GOING_AWAY: 1001,
  /**
   * The board cannot be served now: its stored data cannot be read, or it keeps failing. Every
   * other board goes on; the operator finds the reason in the log, and reconnecting later helps.
   */
  BOARD_UNAVAILABLE: 1011,
  /** A message could not be decoded (not y-websocket, or a malformed Yjs update). */
  BAD_MESSAGE: 4400,
  /** No token, or a token that is unknown, revoked or not for this board. */
  UNAUTHORIZED: 4401,
  /** The token's role may not do this (for example, a viewer writing to the document). */
  FORBIDDEN: 4403,
  /** No board with this id. */
  NO_SUCH_BOARD: 4404,
  /** A message exceeded MAX_MESSAGE_BYTES. */
  MESSAGE_TOO_LARGE: 4413,
  /** Too many connections to one board, or too many messages per second from one socket. */
  TOO_MANY: 4429,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Close codes after which reconnecting with the same link cannot succeed. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.UNAUTHORIZED,
  CloseCode.FORBIDDEN,
  CloseCode.NO_SUCH_BOARD,
])
