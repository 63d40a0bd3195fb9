/**
 * Series of boards and results that carry forward: the API's shapes for a board's series
 * (`/api/boards/:id/series`) and for starting the next workshop's board from this one
 * (`POST /api/boards/:id/carry-forward`).
 */
import type { CreatedBoard } from './api.ts'

/** Longest name of a series. */
export const MAX_SERIES_NAME_LENGTH = 120
/** Most "Übernahmen" one new board may start with. */
export const MAX_CARRY_ITEMS = 20
/** Most notes of a revealed round's top that one Übernahme may carry. */
export const MAX_CARRY_TOP = 20

/** One board of a series, as anyone with a link of one of its boards may see it: never a token. */
export interface SeriesBoard {
  id: string
  title: string
  position: number
  createdAt: number
}

export interface BoardSeries {
  id: string
  name: string
  boards: SeriesBoard[]
}

export interface SeriesAnswer {
  series: BoardSeries | null
}

/**
 * `PUT /api/boards/:id/series`: name (create or rename) the board's series, or join the series of
 * another board, proven by that board's facilitator token (a new series named after that board,
 * or `name`, when it is in none).
 */
export type PutSeriesRequest = { name: string } | { joinBoardId: string; joinToken: string; name?: string }

/** What an Übernahme carries: the notes of one zone of a template on the board, or the top N of a revealed voting round. */
export type CarrySource =
  | { kind: 'zone'; instanceId: string; zoneId: string }
  | { kind: 'round'; roundId: string; top: number }

export interface CarryItem {
  source: CarrySource
  /** A zone of one of the new board's templates: its index in `templates`, and the zone's id. */
  target: { template: number; zoneId: string }
}

export interface CarryForwardRequest {
  title: string
  templates: string[]
  locale?: string
  /** Put the new board into the source board's series (a new one, named `seriesName` or after the source board, when it has none); true unless said otherwise. */
  series?: boolean
  seriesName?: string
  carry: CarryItem[]
}

export interface CarryForwardResult extends CreatedBoard {
  /** How many notes were carried over. */
  carried: number
  series: BoardSeries | null
}
