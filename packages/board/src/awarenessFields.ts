/**
 * The fields a Dorfplatz client publishes in its y-protocols awareness state:
 *
 * - `presence`: tldraw's instance presence record (cursor, selection, viewport, whom one
 *   follows), or null while the editor has none; other clients turn it into collaborator
 *   cursors.
 * - `user`: `{ id, name, color, role }`, for presence lists that do not need tldraw.
 *
 * Awareness states come from other browsers, so readers validate what they find here.
 */

export const PRESENCE_FIELD = 'presence'
export const USER_FIELD = 'user'

/** Used where a user has not picked a colour; the same fallback tldraw's presence uses. */
export const FALLBACK_USER_COLOR = '#FF0000'

export interface AwarenessUser {
  id: string
  name: string
  color: string
  /** The role the client says it has (e.g. 'facilitator'); '' when it publishes none. Not a credential. */
  role: string
}

/** The `user` field of an awareness state, or null when it is missing or malformed. */
export function readAwarenessUser(state: unknown): AwarenessUser | null {
  if (typeof state !== 'object' || state === null) return null
  const user: unknown = (state as Record<string, unknown>)[USER_FIELD]
  if (typeof user !== 'object' || user === null) return null
  const { id, name, color, role } = user as Record<string, unknown>
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null
  return { id, name, color, role: typeof role === 'string' ? role : '' }
}
