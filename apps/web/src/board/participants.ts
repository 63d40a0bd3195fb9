/**
 * Who is on the board, one entry per person for the participants panel: the same person in
 * two tabs (same user id, same role) counts once, the own entry comes first, then
 * facilitators, participants and guests, each by name; and whom each one follows, by name.
 */
import type { Peer } from '@dorfplatz/board'
import { isRole, ROLES } from '@dorfplatz/protocol'

export interface Participant {
  /** Stable across renders: the user id and role. */
  key: string
  name: string
  color: string
  /** The role the server stamped on the connection; '' when unknown. */
  role: string
  isSelf: boolean
  /** The name of the person this one follows, or '' when they follow nobody (or nobody present). */
  followingName: string
}

export interface ParticipantSources {
  peers: readonly Peer[]
  /** Whom each awareness client follows: tldraw's `followingUserId` (a `user:` record id), by client id. */
  followingByClient: ReadonlyMap<number, string | null>
  /** The `user:` record id tldraw uses for a peer's user id. */
  recordIdOf: (userId: string) => string
}

/** Where a role sorts among people: facilitators, participants, guests, then anything unknown. */
export function roleRank(role: string): number {
  const index = isRole(role) ? ROLES.indexOf(role) : -1
  return index === -1 ? ROLES.length : index
}

export function listParticipants({ peers, followingByClient, recordIdOf }: ParticipantSources): Participant[] {
  const nameByRecordId = new Map<string, string>()
  for (const peer of peers) {
    const recordId = recordIdOf(peer.userId)
    // One's own name wins over a stale one from another tab.
    if (peer.isSelf || !nameByRecordId.has(recordId)) nameByRecordId.set(recordId, peer.name)
  }

  const byKey = new Map<string, Participant>()
  for (const peer of peers) {
    const key = `${peer.userId}:${peer.role}`
    const existing = byKey.get(key)
    if (existing && (existing.isSelf || !peer.isSelf)) {
      // Another tab of the same person: it counts as following if any of their tabs does.
      if (!existing.followingName) existing.followingName = followingName(peer, followingByClient, nameByRecordId)
      continue
    }
    byKey.set(key, {
      key,
      name: peer.name,
      color: peer.color,
      role: peer.role,
      isSelf: peer.isSelf,
      followingName: followingName(peer, followingByClient, nameByRecordId) || existing?.followingName || '',
    })
  }

  return [...byKey.values()].sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      roleRank(a.role) - roleRank(b.role) ||
      a.name.localeCompare(b.name) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
}

function followingName(peer: Peer, followingByClient: ReadonlyMap<number, string | null>, names: ReadonlyMap<string, string>): string {
  const followed = followingByClient.get(peer.clientId)
  return followed ? (names.get(followed) ?? '') : ''
}
