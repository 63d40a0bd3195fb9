/**
 * How the projector view gets its link's token without showing it on the wall: the facilitator's
 * tab puts its token into its sessionStorage and opens the view with `window.open`, which gives
 * the new window a copy of the opener's sessionStorage (browsers do not copy it for `noopener`
 * windows, so the view is opened without). The view keeps it there, so a reload works too. The
 * projector's address bar thus holds no secret; a link with `#token=…` (a guest link) works as well.
 */
import { isToken } from '@dorfplatz/protocol'

const KEY_PREFIX = 'dorfplatz.projectorToken.'

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/** Called by the facilitator's tab right before it opens the projector view. */
export function handOverProjectorToken(boardId: string, token: string): void {
  try {
    sessionStore()?.setItem(KEY_PREFIX + boardId, token)
  } catch {
    // A full or disabled storage: the view then asks for a link.
  }
}

/** The token handed over for the projector view of `boardId`, if this window got one. */
export function handedOverProjectorToken(boardId: string): string | null {
  let handedOver: string | null
  try {
    handedOver = sessionStore()?.getItem(KEY_PREFIX + boardId) ?? null
  } catch {
    return null
  }
  return isToken(handedOver) ? handedOver : null
}
