/**
 * Series of boards ("Digitale Kommune 2027"): the workshops of one seminar series, in order. A
 * board belongs to at most one series; a series lives as long as it has a board. One of the
 * storage concerns (see BoardStorage); its contract suite is apps/server/test/storage/
 * seriesStoreContract.ts.
 */

export interface StoredSeriesBoard {
  id: string
  title: string
  /** 1, 2, 3 … in the order the boards joined; gaps stay where a board left. */
  position: number
  createdAt: number
}

export interface StoredSeries {
  id: string
  name: string
  createdAt: number
  /** Its boards, by position. */
  boards: StoredSeriesBoard[]
}

/** A board's membership as a backup carries it (see BoardTransfer). */
export interface SeriesMembership {
  seriesId: string
  name: string
  createdAt: number
  position: number
}

export interface SeriesStore {
  /** The series board `boardId` belongs to, or null. */
  seriesOf(boardId: string): Promise<StoredSeries | null>
  /**
   * Starts series `seriesId` named `name` with board `boardId` as its first board; the board
   * leaves the series it was in (a series left without boards goes).
   */
  createSeries(seriesId: string, name: string, boardId: string, now: number): Promise<void>
  /** Renames a series; false when there is no such series. */
  renameSeries(seriesId: string, name: string): Promise<boolean>
  /**
   * Puts board `boardId` last into series `seriesId` (leaving the one it was in); nothing changes
   * when it is in that series already. False when there is no such series.
   */
  joinSeries(boardId: string, seriesId: string): Promise<boolean>
  /** Takes the board out of its series (a series left without boards goes); false when it was in none. */
  leaveSeries(boardId: string): Promise<boolean>
}
