/**
 * The voting results the PDF carries: each note's dots in all revealed rounds (the badge on the
 * note, the same total as the Ergebnisprotokoll's zone tables), and one ranked list per revealed
 * round after the board's pages, ranked by the board's one rule, as in the report and on the board.
 */
import { rankByVotes, type VotingRound } from '@dorfplatz/board'
import type { BoardPdfList } from './BoardPdfWriter.ts'

/** Dots per note over every revealed round, by shape id. */
export function noteVoteTotals(rounds: readonly VotingRound[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const round of rounds) {
    if (round.status !== 'revealed') continue
    for (const { shapeId, votes } of round.results ?? []) totals.set(shapeId, (totals.get(shapeId) ?? 0) + votes)
  }
  return totals
}

/** The words of a results list, in the language of the page. */
export interface ResultListWords {
  /** The page's name, e.g. "Ergebnis: Was packen wir zuerst an?". */
  name: (round: VotingRound) => string
  /** The line above the list, e.g. "25.11.2026, 14:30 · 5 Punkte von 3 Personen". */
  intro: (round: VotingRound) => string
  /** A note's dots, e.g. "3 Punkte". */
  votes: (count: number) => string
  /** For a note without text. */
  noText: string
  /** For a round in which no note got a dot. */
  empty: string
}

/** One list per revealed round, oldest first: rank, the note's text when it was revealed, its dots. */
export function roundResultLists(rounds: readonly VotingRound[], words: ResultListWords): BoardPdfList[] {
  return rounds
    .filter((round) => round.status === 'revealed')
    .map((round) => ({
      name: words.name(round),
      intro: words.intro(round),
      // Equal counts keep the server's order, as in the results panel and the report.
      rows: rankByVotes((round.results ?? []).filter((result) => result.votes > 0)).map(({ rank, item }) => ({
        rank: `${rank}.`,
        text: item.text.trim() || words.noText,
        value: words.votes(item.votes),
      })),
      empty: words.empty,
    }))
}
