/**
 * The board's history as people read it: the stored rows (see storage/HistoryLog.ts) merged per
 * person and minute, newest first, with names only for those who may see them, and which deleted
 * shapes of each entry can be brought back.
 */
import type { HistoryChanges, HistoryEntryInfo, HistoryItem, HistoryMove } from '@dorfplatz/protocol'
import type { DeletedShape, StoredHistoryRow } from '../storage/HistoryLog.ts'

type Kind = keyof HistoryChanges['counts']
const KINDS: readonly Kind[] = ['added', 'edited', 'moved', 'deleted', 'restored']

/** One person's minute: the rows a room stored of it, in order. */
export interface HistoryGroup {
  id: string
  rows: StoredHistoryRow[]
}

const personMinute = (row: StoredHistoryRow) => JSON.stringify([row.at, row.actor.role, row.actor.name, row.actor.color])

/** Rows of the same person and minute together, named by the first row's id; oldest first. */
export function groupHistoryRows(rows: readonly StoredHistoryRow[]): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>()
  for (const row of rows) {
    const key = personMinute(row)
    const group = groups.get(key)
    if (group) group.rows.push(row)
    else groups.set(key, { id: String(row.id), rows: [row] })
  }
  return [...groups.values()]
}

function mergeChanges(rows: readonly StoredHistoryRow[]): HistoryChanges {
  if (rows.length === 1) return rows[0]!.changes
  const merged: HistoryChanges = { added: [], edited: [], moved: [], deleted: [], restored: [], counts: { added: 0, edited: 0, moved: 0, deleted: 0, restored: 0 } }
  for (const kind of KINDS) {
    const byShape = new Map<string, HistoryItem>()
    let count = 0
    for (const { changes } of rows) {
      count += changes.counts[kind] ?? 0
      for (const item of changes[kind] ?? []) {
        // The same shape in two rows of the minute is one change; a shape moved twice keeps where it came from first.
        const earlier = byShape.get(item.shapeId)
        if (earlier) count--
        byShape.set(item.shapeId, kind === 'moved' && earlier ? ({ ...item, from: (earlier as HistoryMove).from } as HistoryMove) : item)
      }
    }
    ;(merged[kind] as HistoryItem[]) = [...byShape.values()]
    merged.counts[kind] = count
  }
  return merged
}

/** The deleted shapes of a group that are not on the board now, each once. */
export function restorableShapes(group: HistoryGroup, isOnBoard: (shapeId: string) => boolean): DeletedShape[] {
  const shapes = new Map<string, DeletedShape>()
  for (const row of group.rows) for (const shape of row.deletedShapes) if (!isOnBoard(shape.shapeId)) shapes.set(shape.shapeId, shape)
  return [...shapes.values()]
}

/** The history as a facilitator (`names`) or a participant reads it, newest first. */
export function historyEntries(rows: readonly StoredHistoryRow[], isOnBoard: (shapeId: string) => boolean, names: boolean): HistoryEntryInfo[] {
  return groupHistoryRows(rows)
    .map((group): HistoryEntryInfo => {
      const first = group.rows[0]!
      return {
        id: group.id,
        at: first.at,
        actor: names ? first.actor : null,
        changes: mergeChanges(group.rows),
        restorable: names ? restorableShapes(group, isOnBoard).map((shape) => shape.shapeId) : [],
      }
    })
    .reverse()
}
