/**
 * A revealed round's results as the results panel lists them: only notes that got a dot, most
 * dots first, with shared ranks for equal counts ("1, 2, 2, 4") and each note's share of the
 * winner's dots for the bar behind it.
 */
import type { VoteResult } from '@dorfplatz/board'

export interface RankedResult {
  rank: number
  shapeId: string
  votes: number
  text: string
  /** votes / the most votes any note got, in (0, 1]. */
  ofTop: number
}

export function rankResults(results: readonly VoteResult[]): RankedResult[] {
  // Stable: equal counts keep the server's order, which is the board's.
  const voted = results.filter((result) => result.votes > 0).sort((a, b) => b.votes - a.votes)
  const top = voted[0]?.votes ?? 0
  const ranked: RankedResult[] = []
  voted.forEach((result, index) => {
    const previous = ranked[index - 1]
    const rank = previous && previous.votes === result.votes ? previous.rank : index + 1
    ranked.push({ rank, shapeId: result.shapeId, votes: result.votes, text: result.text, ofTop: result.votes / top })
  })
  return ranked
}
