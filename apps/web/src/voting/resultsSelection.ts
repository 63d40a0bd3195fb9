/**
 * Which round's results a person sees. When the facilitator reveals a round, everyone sees its
 * results until they close them; from then on the latest results stay one click away, and any
 * earlier round can be chosen. While a round is open, voting takes the place of results.
 */
import type { VotingRound } from '@dorfplatz/board'

export interface ResultsChoice {
  /** The round the person picked, and which round was the latest revealed one when they did. */
  chosen: { roundId: string; latestId: string } | null
  /** The latest revealed round whose results the person closed. */
  dismissedId: string | null
}

/** Rounds with results, newest first. */
export function revealedRounds(rounds: readonly VotingRound[]): VotingRound[] {
  return rounds.filter((round) => round.status === 'revealed').reverse()
}

/**
 * The round whose results to show, or null. A choice made before a newer round was revealed
 * no longer counts: the new results come first.
 */
export function roundToShow(rounds: readonly VotingRound[], choice: ResultsChoice): VotingRound | null {
  if (rounds.some((round) => round.status === 'open')) return null
  const revealed = revealedRounds(rounds)
  const latest = revealed[0]
  if (!latest) return null
  const { chosen, dismissedId } = choice
  if (chosen && chosen.latestId === latest.id) {
    const picked = revealed.find((round) => round.id === chosen.roundId)
    if (picked) return picked
  }
  // The round revealed last opens by itself; once closed, it stays closed.
  return latest.id !== dismissedId ? latest : null
}
