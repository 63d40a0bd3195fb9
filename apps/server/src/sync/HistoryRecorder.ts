/**
 * What a room keeps of the changes it accepts, for the board's history (Verlauf): per person and
 * minute, which shapes they added, edited, moved into another zone, deleted or brought back, and
 * the deleted shapes as they were, so that a facilitator can restore them. The room hands it each
 * change of the records with the person behind it, and takes the rows to store every few
 * seconds (see Room). Nothing here reaches the shared document.
 *
 * Bounded: at most HISTORY_ITEMS_PER_KIND items of each kind per row (the counts stay exact), and
 * at most MAX_DELETED_BYTES of deleted shapes per row (beyond that a deletion is counted and
 * listed, but cannot be restored). Moving a shape within its zone, and changes to anything but
 * shapes, are not history. Template structure is the template's, not a person's writing.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { isAuthoredRecord, readTemplateInstances, richTextToPlain, type AuthorStamp, type KeyValueChange } from '@dorfplatz/board'
import {
  HISTORY_ITEMS_PER_KIND,
  HISTORY_TEXT_LENGTH,
  type HistoryChanges,
  type HistoryItem,
  type HistoryMove,
  type HistoryShapeKind,
  type HistoryZone,
} from '@dorfplatz/protocol'
import { currentTemplateInstances, findZone, isStructureShape, shapePagePoint, shapeToPage, type RecordLookup } from '@dorfplatz/templates'
import type * as Y from 'yjs'
import type { DeletedShape, NewHistoryRow } from '../storage/HistoryLog.ts'

/** Deleted shapes kept per row for restoring, in bytes of JSON. */
export const MAX_DELETED_BYTES = 512 * 1024

const MINUTE = 60_000

type Kind = keyof HistoryChanges['counts']

interface Bucket {
  row: NewHistoryRow
  /** Shapes already counted, per kind: a note edited thirty times in a minute is one item. */
  seen: Record<Kind, Set<string>>
  deletedBytes: number
}

export function emptyHistoryChanges(): HistoryChanges {
  return { added: [], edited: [], moved: [], deleted: [], restored: [], counts: { added: 0, edited: 0, moved: 0, deleted: 0, restored: 0 } }
}

function shapeKind(shape: TLShape): HistoryShapeKind {
  return shape.type === 'note' ? 'note' : shape.type === 'text' ? 'text' : 'shape'
}

function shapeText(shape: TLShape): string {
  const richText = (shape.props as { richText?: unknown }).richText
  if (richText === undefined) return ''
  return richTextToPlain(richText).replace(/\s+/g, ' ').trim().slice(0, HISTORY_TEXT_LENGTH)
}

function sameZone(a: HistoryZone | null, b: HistoryZone | null): boolean {
  return a === b || (a !== null && b !== null && a.instanceId === b.instanceId && a.zoneId === b.zoneId)
}

/** Whether only where the shape lies changed (position, parent, stacking order), not what it is. */
function onlyPlaceChanged(before: TLShape, after: TLShape): boolean {
  const place = new Set(['x', 'y', 'index', 'parentId', 'rotation'])
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const key of keys) {
    if (place.has(key)) continue
    if (JSON.stringify((before as unknown as Record<string, unknown>)[key]) !== JSON.stringify((after as unknown as Record<string, unknown>)[key])) return false
  }
  return true
}

export class HistoryRecorder {
  private readonly buckets = new Map<string, Bucket>()

  constructor(private readonly doc: Y.Doc) {}

  get hasPending(): boolean {
    return this.buckets.size > 0
  }

  /**
   * Notes the shapes among `changes` as `actor`'s, at `now`. `records` answers for the board as
   * it is after the change; `authorsOf` gives a shape's entry in the authors root (kept with a
   * deleted shape, so that it comes back with its author).
   */
  record(changes: ReadonlyMap<string, KeyValueChange<TLRecord>>, actor: AuthorStamp, records: RecordLookup, authorsOf: (id: string) => unknown, now: number): void {
    let zones: ((shape: TLShape) => HistoryZone | null) | undefined
    const zoneOf = (shape: TLShape) => (zones ??= this.zoneFinder(records))(shape)
    for (const [id, change] of changes) {
      if (change.action === 'add') {
        const shape = change.newValue
        if (!isPersonsShape(shape)) continue
        this.add(actor, now, 'added', { shapeId: id, kind: shapeKind(shape), text: shapeText(shape), zone: zoneOf(shape) })
      } else if (change.action === 'delete') {
        const shape = change.oldValue
        if (!isPersonsShape(shape)) continue
        const item: HistoryItem = { shapeId: id, kind: shapeKind(shape), text: shapeText(shape), zone: zoneOf(shape) }
        const placed = shapeToPage(shape, { x: 0, y: 0 }, records)
        const deleted: DeletedShape = {
          shapeId: id,
          record: shape,
          authors: authorsOf(id) ?? null,
          page: placed.pageId === null ? null : { pageId: placed.pageId, x: placed.x, y: placed.y },
        }
        this.add(actor, now, 'deleted', item, deleted)
      } else {
        const before = change.oldValue
        const after = change.newValue
        if (!isPersonsShape(after) || !isPersonsShape(before)) continue
        const item: HistoryItem = { shapeId: id, kind: shapeKind(after), text: shapeText(after), zone: zoneOf(after) }
        if (onlyPlaceChanged(before, after)) {
          const from = zoneOf(before)
          if (!sameZone(from, item.zone)) this.add(actor, now, 'moved', { ...item, from })
        } else this.add(actor, now, 'edited', item)
      }
    }
  }

  /** Notes that `actor` brought `shapes` back from the history. */
  recordRestored(shapes: readonly TLShape[], actor: AuthorStamp, records: RecordLookup, now: number): void {
    const zoneOf = this.zoneFinder(records)
    for (const shape of shapes) this.add(actor, now, 'restored', { shapeId: shape.id, kind: shapeKind(shape), text: shapeText(shape), zone: zoneOf(shape) })
  }

  /** The rows gathered since the last call, to be stored; forgets them. */
  take(): NewHistoryRow[] {
    const rows = [...this.buckets.values()].map((bucket) => bucket.row)
    this.buckets.clear()
    return rows
  }

  private zoneFinder(records: RecordLookup): (shape: TLShape) => HistoryZone | null {
    const instances = currentTemplateInstances(readTemplateInstances(this.doc), records)
    return (shape) => {
      if (instances.length === 0) return null
      const pageId = shapeToPage(shape, { x: 0, y: 0 }, records).pageId
      const found = pageId === null ? undefined : findZone(instances, pageId, shapePagePoint(shape, records))
      return found ? { instanceId: found.instance.instanceId, templateId: found.instance.templateId, zoneId: found.zone.id } : null
    }
  }

  private add(actor: AuthorStamp, now: number, kind: 'moved', item: HistoryMove): void
  private add(actor: AuthorStamp, now: number, kind: Exclude<Kind, 'moved'>, item: HistoryItem, deleted?: DeletedShape): void
  private add(actor: AuthorStamp, now: number, kind: Kind, item: HistoryItem, deleted?: DeletedShape): void {
    const bucket = this.bucket(actor, now)
    const { changes } = bucket.row
    if ((kind === 'edited' || kind === 'moved') && bucket.seen.added.has(item.shapeId)) {
      // Writing into a note just added, or placing it, is part of adding it.
      const index = changes.added.findIndex((other) => other.shapeId === item.shapeId)
      if (index >= 0) changes.added[index] = { shapeId: item.shapeId, kind: item.kind, text: item.text, zone: item.zone }
      return
    }
    const list = changes[kind] as HistoryItem[]
    const seen = bucket.seen[kind]
    if (seen.has(item.shapeId)) {
      // The same shape again within the minute: its latest text and zone win, and a shape moved
      // twice keeps where it came from first.
      const index = list.findIndex((other) => other.shapeId === item.shapeId)
      if (index >= 0) list[index] = kind === 'moved' ? ({ ...item, from: (list[index] as HistoryMove).from } as HistoryMove) : item
    } else {
      seen.add(item.shapeId)
      changes.counts[kind]++
      if (list.length < HISTORY_ITEMS_PER_KIND) list.push(item)
    }
    if (deleted) {
      const bytes = JSON.stringify(deleted).length
      if (bucket.deletedBytes + bytes <= MAX_DELETED_BYTES) {
        bucket.deletedBytes += bytes
        bucket.row.deletedShapes.push(deleted)
      }
    }
  }

  private bucket(actor: AuthorStamp, now: number): Bucket {
    const at = now - (now % MINUTE)
    const key = JSON.stringify([at, actor.role, actor.name, actor.color])
    let bucket = this.buckets.get(key)
    if (!bucket) {
      bucket = {
        row: { at, actor: { name: actor.name, color: actor.color, role: actor.role }, changes: emptyHistoryChanges(), deletedShapes: [] },
        seen: { added: new Set(), edited: new Set(), moved: new Set(), deleted: new Set(), restored: new Set() },
        deletedBytes: 0,
      }
      this.buckets.set(key, bucket)
    }
    return bucket
  }
}

function isPersonsShape(value: unknown): value is TLShape {
  return isAuthoredRecord(value) && !isStructureShape(value as TLShape)
}
