/**
 * The board's history (Verlauf): what the server recorded of each accepted change, in storage,
 * never in the shared document. One of the storage concerns (see BoardStorage).
 *
 * Rows are written by the sync rooms, each holding one person's changes of one minute (several
 * rows of the same person and minute are possible: a room writes what it has every few seconds,
 * and readers merge them). Rows go with their board, and a board keeps its newest
 * MAX_HISTORY_ROWS only.
 */
import type { HistoryActor, HistoryChanges } from '@dorfplatz/protocol'

/** History rows kept per board; older ones are deleted as new ones are written. */
export const MAX_HISTORY_ROWS = 5000

/** A deleted shape as it was, so that it can be brought back. */
export interface DeletedShape {
  shapeId: string
  record: unknown
  /** Its entry in the authors root when it was deleted. */
  authors: unknown
  /** Where its top-left corner was on its page, for a parent that is gone by the time it comes back. */
  page: { pageId: string; x: number; y: number } | null
}

export interface NewHistoryRow {
  /** Start of the minute (ms since the epoch). */
  at: number
  actor: HistoryActor
  changes: HistoryChanges
  deletedShapes: DeletedShape[]
}

export interface StoredHistoryRow extends NewHistoryRow {
  id: number
}

export interface HistoryLog {
  /** Stores rows in one transaction, and trims the board's history to MAX_HISTORY_ROWS. */
  appendHistory(boardId: string, rows: readonly NewHistoryRow[]): Promise<void>
  /** The board's history rows, oldest first. */
  listHistory(boardId: string): Promise<StoredHistoryRow[]>
}

/** A row's columns: its minute, and the rest as one JSON text. */
export function historyRowData(row: NewHistoryRow): string {
  return JSON.stringify({ actor: row.actor, changes: row.changes, deletedShapes: row.deletedShapes })
}

/** A stored row read back; rows that cannot be read (damaged, or from a newer version) are left out by the caller. */
export function readHistoryRow(id: number, at: number, data: string): StoredHistoryRow | null {
  try {
    const { actor, changes, deletedShapes } = JSON.parse(data) as Partial<NewHistoryRow>
    if (!actor || !changes || !Array.isArray(deletedShapes)) return null
    return { id, at, actor, changes, deletedShapes }
  } catch {
    return null
  }
}
