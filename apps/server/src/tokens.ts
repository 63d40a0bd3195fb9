/** Random ids and link tokens, and the hash under which a token is stored. */
import crypto from 'node:crypto'

/** 96 random bits as 16 base64url characters (see BOARD_ID_PATTERN). */
export function newBoardId(): string {
  return crypto.randomBytes(12).toString('base64url')
}

/** 256 random bits as 43 base64url characters (see TOKEN_PATTERN). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** Tokens are long random secrets, so one unsalted SHA-256 is enough to keep a stolen database from yielding working links. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** Compares secrets in constant time. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest()
  const hb = crypto.createHash('sha256').update(b).digest()
  return crypto.timingSafeEqual(ha, hb)
}
