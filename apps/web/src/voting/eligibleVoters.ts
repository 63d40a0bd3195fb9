/**
 * How many people present may vote: for the facilitator's "5 von 12 haben abgestimmt". Each
 * browser votes under one key, so a person counts once however many tabs they have open;
 * guests (viewers) do not vote.
 */
import type { Peer } from '@dorfplatz/board'

const VOTING_ROLES: ReadonlySet<string> = new Set(['facilitator', 'participant'])

export function eligibleVoters(peers: readonly Peer[]): number {
  return new Set(peers.filter((peer) => VOTING_ROLES.has(peer.role)).map((peer) => peer.userId)).size
}

/**
 * The "of" in "5 of 12": the people present who may vote, and never fewer than have voted
 * (someone who voted may have left since).
 */
export function votersOutOf(voters: number, peers: readonly Peer[]): number {
  return Math.max(voters, eligibleVoters(peers))
}
