/**
 * The one ranking rule for notes by votes, used by the results panel on the board, the PDF and
 * the Ergebnisprotokoll alike: most votes first, and standard competition ranking ("1, 1, 3"),
 * where notes with equal votes share a rank and the next rank counts every note before it.
 */

export interface Ranked<T> {
  /** 1 for the most votes; equal votes share a rank. */
  rank: number
  item: T
}

/**
 * `items` ordered by votes, most first, each with its rank. Equal votes keep the order
 * `compareTies` gives them, or the given order without it (the sort is stable).
 */
export function rankByVotes<T extends { votes: number }>(
  items: readonly T[],
  compareTies?: (a: T, b: T) => number,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => b.votes - a.votes || (compareTies?.(a, b) ?? 0))
  const ranked: Ranked<T>[] = []
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1]
    ranked.push({ rank: previous && previous.item.votes === item.votes ? previous.rank : index + 1, item })
  })
  return ranked
}
