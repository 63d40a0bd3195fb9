/**
 * The line a carried note shows on the new board: where it came from, and its rank and votes
 * there ("aus Workshop 1, Rang 2 (5 Punkte)"), from the mark only the server writes. On a note
 * too narrow for that (the board zoomed out), the short form keeps what weighs: "Rang 2 · 5 Punkte".
 */
import type { CarriedFrom } from '@dorfplatz/board'
import type { TFunction } from 'i18next'

export function carriedFromLine(mark: CarriedFrom, t: TFunction<'translation'>, { compact = false }: { compact?: boolean } = {}): string {
  if (compact && mark.votes !== undefined) {
    return mark.rank !== undefined ? t('carriedFrom.compactRank', { rank: mark.rank, count: mark.votes }) : t('carriedFrom.compactVotes', { count: mark.votes })
  }
  const from = mark.rank !== undefined ? t('carriedFrom.fromRank', { title: mark.boardTitle, rank: mark.rank }) : t('carriedFrom.from', { title: mark.boardTitle })
  return mark.votes !== undefined ? t('carriedFrom.withVotes', { from, count: mark.votes }) : from
}
