/**
 * A revealed round's results as the results panel lists them: only notes that got a dot, ranked
 * by the board's one rule (`rankByVotes`: most dots first, equal counts share a rank, "1, 1, 3"),
 * and each note's share of the winner's dots for the bar behind it.
 */
import { rankByVotes, type VoteResult } from '@dorfplatz/board'

export interface RankedResult {
  rank: number
  shapeId: string
  votes: number
  text: string
  /** votes / the most votes any note got, in (0, 1]. */
  ofTop: number
}

export function rankResults(results: readonly VoteResult[]): RankedResult[] {
  // Equal counts keep the server's order, which is the board's.
  const ranked = rankByVotes(results.filter((result) => result.votes > 0))
  const top = ranked[0]?.item.votes ?? 0
  return ranked.map(({ rank, item }) => ({ rank, shapeId: item.shapeId, votes: item.votes, text: item.text, ofTop: item.votes / top }))
}
