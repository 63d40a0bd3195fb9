/**
 * Decides, before a client's update is applied, whether its sender may make it. Yjs has no
 * permissions: an applied update cannot be taken back, only covered by a new change. So the
 * server decodes each update and looks at where every inserted and deleted item would land:
 *
 * - The facilitation roots (timer, follow-me, freeze, voting) and the board's `meta` map are
 *   written by the server only. The one exception is `meta.schema`, which a newer client
 *   writes when it upgrades an older board (Room.guardSchema checks the value).
 * - Template structure (records whose `meta.dorfplatz.role` is `structure`) belongs to the
 *   facilitators: a participant may not create, change or delete it. Deleting a superseded
 *   entry of such a record stays allowed (every writable client removes older entries of a
 *   key once a newer one arrives) as long as the record itself survives.
 *
 * Items are traced to their root through the document and through the update itself; an item
 * whose origin is in neither is left for the caller's missing-dependency check.
 */
import * as Y from 'yjs'
import { META_KEY, MetaKey, RECORDS_KEY, SERVER_OWNED_ROOTS } from '@dorfplatz/board'
import { isStructureShape } from '@dorfplatz/templates'
import type { Role } from '@dorfplatz/protocol'
import { forbidden } from './ProtocolError.ts'

/** Where an item lives: its root's name, how deep below the root, and (for map entries) the key in the root. */
interface Place {
  root: string
  depth: number
  key: string | null
}

type Found = { kind: 'doc'; item: Y.Item } | { kind: 'update'; item: Y.Item } | { kind: 'gc' } | { kind: 'missing' }

type Resolved = Place | 'gc' | 'missing'

/** What the guard needs to know about the board's records beyond the document itself. */
export interface RecordsView {
  /** The current value of a record, or undefined. */
  get(key: string): unknown
}

export function isProtectedRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && isStructureShape(value as { meta?: unknown })
}

function entryOf(value: unknown): { key: string; val: unknown } | null {
  if (typeof value !== 'object' || value === null) return null
  const { key, val } = value as { key?: unknown; val?: unknown }
  return typeof key === 'string' ? { key, val } : null
}

/**
 * Throws a 4403 ProtocolError if a client with `role` may not make `update` to `doc`.
 * Only facilitators and participants get here; viewers never write.
 */
export function checkClientUpdate(doc: Y.Doc, update: Uint8Array, role: Role, records: RecordsView): void {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    let list = byClient.get(struct.id.client)
    if (!list) byClient.set(struct.id.client, (list = []))
    list.push(struct)
  }

  const find = (id: Y.ID): Found => {
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, id)
      return struct instanceof Y.Item ? { kind: 'doc', item: struct } : { kind: 'gc' }
    }
    const list = byClient.get(id.client)
    const item = list?.find((candidate) => candidate.id.clock <= id.clock && id.clock < candidate.id.clock + candidate.length)
    return item ? { kind: 'update', item } : { kind: 'missing' }
  }

  const placeOfDocItem = (item: Y.Item): Resolved => {
    let top = item
    let depth = 0
    for (;;) {
      const parent = top.parent
      if (!(parent instanceof Y.AbstractType)) return 'gc'
      if (parent._item === null) return { root: Y.findRootTypeKey(parent), depth, key: top.parentSub }
      top = parent._item
      depth++
    }
  }

  const memo = new Map<Y.Item, Resolved>()
  const placeOfUpdateItem = (item: Y.Item, seen = 0): Resolved => {
    const cached = memo.get(item)
    if (cached !== undefined) return cached
    // A chain longer than the update cannot be honest; treat it as unresolvable.
    if (seen > structs.length) return 'missing'
    let place: Resolved
    const parent = item.parent as unknown
    if (typeof parent === 'string') {
      place = { root: parent, depth: 0, key: item.parentSub }
    } else if (parent instanceof Y.ID) {
      const container = placeOf(find(parent), seen + 1)
      // Inside a nested type: the key that counts is the one the outermost type hangs on.
      place = typeof container === 'string' ? container : { root: container.root, depth: container.depth + 1, key: container.key }
    } else {
      const neighbour = item.origin ?? item.rightOrigin
      place = neighbour ? placeOf(find(neighbour), seen + 1) : 'missing'
    }
    memo.set(item, place)
    return place
  }

  function placeOf(found: Found, seen: number): Resolved {
    switch (found.kind) {
      case 'doc':
        return placeOfDocItem(found.item)
      case 'update':
        return placeOfUpdateItem(found.item, seen)
      default:
        return found.kind
    }
  }

  const checkPlace = (place: Place): void => {
    if (SERVER_OWNED_ROOTS.includes(place.root)) throw forbidden('facilitation state is written by the server only')
    if (place.root === META_KEY && !(place.depth === 0 && place.key === MetaKey.SCHEMA)) {
      throw forbidden('board settings are written by the server only')
    }
    if (place.root === RECORDS_KEY && place.depth > 0) throw forbidden('board records are plain entries')
  }

  // -- Insertions -------------------------------------------------------------------------
  for (const item of byClient.values()) {
    for (const struct of item) {
      const place = placeOfUpdateItem(struct)
      if (typeof place === 'string') continue
      checkPlace(place)
      if (place.root !== RECORDS_KEY || role === 'facilitator') continue
      for (const value of struct.content.getContent()) {
        const entry = entryOf(value)
        if (!entry) continue
        if (isProtectedRecord(entry.val) || isProtectedRecord(records.get(entry.key))) {
          throw forbidden('template structure may only be changed by a facilitator')
        }
      }
    }
  }

  // -- Deletions --------------------------------------------------------------------------
  const deletedIds = new Set<Y.Item>()
  const protectedDeletions = new Map<string, number>()
  for (const [client, ranges] of ds.clients) {
    const clientStructs = store.clients.get(client)
    if (!clientStructs) continue
    const known = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known)
      if (clock >= end) continue
      let index = Y.findIndexSS(clientStructs, clock)
      for (; index < clientStructs.length; index++) {
        const struct = clientStructs[index]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        deletedIds.add(struct)
        const place = placeOfDocItem(struct)
        if (typeof place === 'string') continue
        checkPlace(place)
        if (place.root !== RECORDS_KEY || role === 'facilitator') continue
        const values = struct.content.getContent()
        const from = Math.max(0, clock - struct.id.clock)
        const to = Math.min(values.length, end - struct.id.clock)
        for (let offset = from; offset < to; offset++) {
          const entry = entryOf(values[offset])
          if (entry && isProtectedRecord(entry.val)) {
            protectedDeletions.set(entry.key, (protectedDeletions.get(entry.key) ?? 0) + 1)
          }
        }
      }
    }
  }
  if (protectedDeletions.size > 0 && !protectedRecordsSurvive(doc, protectedDeletions, deletedIds, ds)) {
    throw forbidden('template structure may only be deleted by a facilitator')
  }
}

/**
 * Whether every protected key that loses entries keeps at least one entry that this update
 * does not delete: then the deletion only cleans up superseded entries.
 */
function protectedRecordsSurvive(
  doc: Y.Doc,
  deletions: Map<string, number>,
  deletedItems: Set<Y.Item>,
  ds: { clients: Map<number, Array<{ clock: number; len: number }>> },
): boolean {
  const remaining = new Map<string, number>()
  const isDeletedByUpdate = (item: Y.Item, offset: number): boolean => {
    if (!deletedItems.has(item)) return false
    const clock = item.id.clock + offset
    return (ds.clients.get(item.id.client) ?? []).some((range) => range.clock <= clock && clock < range.clock + range.len)
  }
  let item = doc.getArray(RECORDS_KEY)._start
  while (item !== null) {
    if (!item.deleted && item.countable) {
      const values = item.content.getContent()
      values.forEach((value, offset) => {
        const entry = entryOf(value)
        if (entry && deletions.has(entry.key) && !isDeletedByUpdate(item!, offset)) {
          remaining.set(entry.key, (remaining.get(entry.key) ?? 0) + 1)
        }
      })
    }
    item = item.right
  }
  return [...deletions.keys()].every((key) => (remaining.get(key) ?? 0) > 0)
}
