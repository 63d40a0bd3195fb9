/**
 * "Seit Ihrem letzten Besuch": what others changed on a board while this browser was away.
 *
 * The browser keeps its copy of the board (see LocalBoardCopy), so the copy it opens with is
 * exactly what it saw last. Everything the server then sends in the first sync is what changed
 * since; this module turns those changes into the list people see: shapes added or changed, and
 * how many were removed. The browser's own edits never arrive from the server, so they never count.
 */
import { isStructureShape, readStructureMeta } from '@dorfplatz/templates'
import type { TLRecord } from 'tldraw'

export type VisitChangeKind = 'added' | 'changed'

export interface VisitChanges {
  /** When this browser last saw the board before the changes, in ms since the epoch; null if unknown. */
  since: number | null
  /** Changed shapes by id. A template counts once, by its frame. */
  shapes: Readonly<Record<string, VisitChangeKind>>
  /** How many shapes (templates counted once) were removed. */
  removed: number
}

export const NO_VISIT_CHANGES: VisitChanges = { since: null, shapes: {}, removed: 0 }

/** A shape worth pointing at: anything people add, and a template by its frame, not each of its parts. */
function isListedShape(record: TLRecord | undefined): boolean {
  if (!record || record.typeName !== 'shape') return false
  if (!isStructureShape(record)) return true
  return readStructureMeta(record)?.part === 'frame'
}

/** Compared as JSON: records are plain data, and the sync hands over new objects even for equal values. */
function sameRecord(a: TLRecord, b: TLRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The changes between `before` (each touched record as the browser had it; undefined if it did
 * not exist) and `now` (the same record after the sync).
 */
export function collectVisitChanges(
  before: ReadonlyMap<string, TLRecord | undefined>,
  now: (id: string) => TLRecord | undefined,
  since: number | null,
): VisitChanges {
  const shapes: Record<string, VisitChangeKind> = {}
  let removed = 0
  for (const [id, old] of before) {
    const current = now(id)
    if (current === undefined) {
      if (isListedShape(old)) removed++
    } else if (isListedShape(current)) {
      if (old === undefined) shapes[id] = 'added'
      else if (!sameRecord(old, current)) shapes[id] = 'changed'
    }
  }
  return { since, shapes, removed }
}

/**
 * Changes not yet dismissed, joined with new ones: the list stays until the person dismisses it,
 * across reloads. `since` stays the older date; a shape added earlier and changed since stays
 * "added".
 */
export function mergeVisitChanges(earlier: VisitChanges, later: VisitChanges): VisitChanges {
  const shapes: Record<string, VisitChangeKind> = { ...later.shapes }
  for (const [id, kind] of Object.entries(earlier.shapes)) if (kind === 'added' || !(id in shapes)) shapes[id] = kind
  return {
    since: earlier.since ?? later.since,
    shapes,
    removed: earlier.removed + later.removed,
  }
}

export function hasVisitChanges(changes: VisitChanges): boolean {
  return changes.removed > 0 || Object.keys(changes.shapes).length > 0
}

/** Reads stored changes back; anything malformed (an older format, a hand-edited store) counts as none. */
export function parseVisitChanges(value: unknown): VisitChanges {
  if (typeof value !== 'object' || value === null) return NO_VISIT_CHANGES
  const { since, shapes, removed } = value as Record<string, unknown>
  if (typeof shapes !== 'object' || shapes === null) return NO_VISIT_CHANGES
  const kept: Record<string, VisitChangeKind> = {}
  for (const [id, kind] of Object.entries(shapes)) if (kind === 'added' || kind === 'changed') kept[id] = kind
  return {
    since: typeof since === 'number' && Number.isFinite(since) ? since : null,
    shapes: kept,
    removed: typeof removed === 'number' && Number.isInteger(removed) && removed > 0 ? removed : 0,
  }
}
