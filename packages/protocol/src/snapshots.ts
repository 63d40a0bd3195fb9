/**
 * Snapshots, exports, the results report and import: the API shapes. Every route takes the
 * facilitator link's token as `Authorization: Bearer <token>`.
 *
 * - `GET /api/boards/:id/snapshots` lists a board's snapshots, newest first.
 * - `POST /api/boards/:id/snapshots` `{ name }` saves the board as it is now.
 * - `GET /api/boards/:id/snapshots/:snapshotId/file` is the snapshot as a `.tldr` file.
 * - `GET /api/boards/:id/snapshots/:snapshotId/thumbnail` is a small SVG sketch of it.
 * - `POST /api/boards/:id/snapshots/:snapshotId/restore` (`?locale=en`) applies the snapshot to
 *   the live board as a new change, after saving the live board as an automatic snapshot named
 *   in `locale`.
 * - `GET /api/boards/:id/file` is the live board as a `.tldr` file.
 * - `GET /api/boards/:id/report.md` and `report.csv` are the results report (Ergebnisprotokoll).
 * - `POST /api/boards/:id/import` (`?locale=en`) takes a `.tldr` file and adds its pages to the
 *   board, their names marked as imported in `locale`.
 */
import { LOCALES, type Locale } from './locales.ts'

export const MAX_SNAPSHOT_NAME_LENGTH = 120

/** Largest `.tldr` file the import takes: a board with many images, not a flood. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

/**
 * - `manual`: saved by a facilitator.
 * - `last-left`: saved when the last person left a board that had changed.
 * - `before-restore`: the live board just before a restore, so the restore can be undone.
 */
export type SnapshotKind = 'manual' | 'last-left' | 'before-restore'

export interface SnapshotInfo {
  id: string
  name: string
  kind: SnapshotKind
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface CreateSnapshotRequest {
  name: string
}

/** Languages of the texts the server writes: the report, automatic snapshot names, imported page names. German by default. */
/** The languages a route writes its texts in (report, automatic names): the one list of locales. */
export const API_LOCALES = LOCALES
export type ApiLocale = Locale

/** What an import added to the board. */
export interface ImportResult {
  pages: number
  shapes: number
  /** The first page the import added, to show it. */
  firstPageId: string | null
}
