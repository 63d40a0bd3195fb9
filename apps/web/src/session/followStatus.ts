/** Where a person stands in a facilitator's presentation ("Folgen lassen"), from what tldraw does. */

/**
 * - `following`: this view follows the presenter's (or is about to).
 * - `waiting`: the presenter's view has not arrived yet (they are reconnecting, say).
 * - `stepped-out`: the person left the presentation and looks around on their own.
 */
export type FollowStatus = 'following' | 'waiting' | 'stepped-out'

export interface FollowFacts {
  presenterId: string
  /** Whom tldraw follows right now. */
  followingUserId: string | null
  /** The person left this presentation (button, panning or zooming). */
  steppedOut: boolean
  /** The presenter's presence (their view) is here. */
  presenterPresent: boolean
}

/** What tldraw does decides first: following the presenter through tldraw's own menu counts too. */
export function followStatus({ presenterId, followingUserId, steppedOut, presenterPresent }: FollowFacts): FollowStatus {
  if (followingUserId === presenterId) return 'following'
  if (steppedOut) return 'stepped-out'
  return presenterPresent ? 'following' : 'waiting'
}
