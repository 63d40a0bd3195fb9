/**
 * The board domain's own error: what went wrong, as a kind the caller can act on, with a message
 * written for the person who asked. The HTTP layer maps kinds to status codes in one place
 * (app.ts); nothing here knows about HTTP.
 */

/**
 * - `conflict`: the request does not fit the board's state now (a second round while one is open).
 * - `invalid`: the request names something the board does not have, or brings something unusable.
 * - `not-found`: the thing asked about does not exist on this board.
 */
export type BoardErrorKind = 'conflict' | 'invalid' | 'not-found'

export class BoardError extends Error {
  constructor(
    readonly kind: BoardErrorKind,
    message: string,
    /** The reason in German and English, where the caller shows it to people as it is (a refused template file). */
    readonly reason?: { de: string; en: string },
  ) {
    super(message)
  }
}

export const conflict = (message: string) => new BoardError('conflict', message)
export const invalid = (message: string) => new BoardError('invalid', message)
export const notFound = (message: string) => new BoardError('not-found', message)
