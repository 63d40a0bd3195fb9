/**
 * Decides, before a client's update is applied, whether it may be applied at all. Yjs has no
 * schema and no permissions: an applied update cannot be taken back, only covered by a new
 * change, and a hostile one can make every later reader recurse or spin. So the server decodes
 * each update and looks at every inserted and deleted item before Yjs integrates any of it:
 *
 * - Shape of the update, checked on its bytes before Yjs decodes it (checkUpdateShape): at most
 *   MAX_UPDATE_STRUCTS structs, MAX_UPDATE_VALUES inserted values and MAX_UPDATE_DELETE_RANGES
 *   deleted ranges, sorted and apart; only plain values; no nested types.
 * - Only the document's known roots: `records` (an array of plain `{ key, val }` entries, each
 *   a valid board record, see validateBoardRecord) and `meta.schema`. No nested Yjs types from
 *   clients: a deep chain of them makes every Yjs peer recurse once per level when it is deleted
 *   or collected. (The server's own `meta.templates` is one level deep.)
 * - `comments` holds plain JSON entries (threads and comments), checked by `context.checkComment`
 *   (shape, limits, a comment never changes, a thread stays on its note). Only a facilitator
 *   deletes an entry; others may only replace one (a thread marked "erledigt").
 * - The facilitation roots (timer, follow-me, freeze, voting), the authors root (who wrote what)
 *   and the rest of `meta` are written by the server only (4403).
 * - Template structure (records whose `meta.dorfplatz.role` is `structure`) belongs to the
 *   facilitators: a participant may not create, change or delete it. Deleting a superseded
 *   entry of such a record stays allowed (every writable client removes older entries of a key
 *   once a newer one arrives) as long as the record itself survives.
 *
 * Every item is traced to its root through the document and through the update, iteratively and
 * once, so the work grows with the update's size and never faster. An item whose origin is in
 * neither is left for the caller's missing-dependency check.
 */
import * as Y from 'yjs'
import { AUTHORS_KEY, COMMENT_AUTHORS_KEY, COMMENTS_KEY, META_KEY, type CommentVerdict, MetaKey, RECORDS_KEY, SERVER_OWNED_ROOTS } from '@dorfplatz/board'
import { isStructureShape } from '@dorfplatz/templates'
import type { Role } from '@dorfplatz/protocol'
import { checkUpdateShape } from './checkUpdateShape.ts'
import { badMessage, forbidden } from './ProtocolError.ts'

/** Where an item lives: the root it hangs on, its key there (null for array entries), and whether it sits inside a type below it. */
interface Place {
  root: string
  key: string | null
  nested: boolean
}

/** `gc`: next to collected content, so Yjs drops it; `missing`: depends on what the server lacks. */
type Resolved = Place | 'gc' | 'missing'

/** What the guard needs to know about the board beyond the document itself. */
export interface GuardContext {
  /** Only facilitators and participants get here; viewers never write. */
  role: Exclude<Role, 'viewer'>
  /** The current value of a record, or undefined. */
  currentRecord(key: string): unknown
  /** Why `value` may not be stored as the record `key`, or null when it may. */
  checkRecord(key: string, value: unknown): string | null
  /** Whether `value` may be written as the board's schema. */
  isAcceptedSchema(value: unknown): boolean
  /** Whether this socket may store `value` as the entry `key` of the comments root (see @dorfplatz/board's comments.ts). */
  checkComment(key: string, value: unknown): CommentVerdict
  /** Why this socket may not write the valid record `value` as `key` (a claim only the server makes), or null. 4403. */
  checkClaim?(key: string, value: unknown): string | null
}

export function isProtectedRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && isStructureShape(value as { meta?: unknown })
}

function entryOf(value: unknown): { key: string; val: unknown } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const { key, val } = value as { key?: unknown; val?: unknown }
  return typeof key === 'string' ? { key, val } : null
}

/** The item of `list` (sorted by clock) that holds `clock`, by binary search. */
function itemAt(list: readonly Y.Item[], clock: number): Y.Item | undefined {
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const item = list[middle]!
    if (clock < item.id.clock) high = middle - 1
    else if (clock >= item.id.clock + item.length) low = middle + 1
    else return item
  }
  return undefined
}

type DeleteRanges = Map<number, Array<{ clock: number; len: number }>>

/** Whether `clock` lies in one of `ranges` (sorted and apart, see checkUpdateShape), by binary search. */
function inRanges(ranges: ReadonlyArray<{ clock: number; len: number }>, clock: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const range = ranges[middle]!
    if (clock < range.clock) high = middle - 1
    else if (clock >= range.clock + range.len) low = middle + 1
    else return true
  }
  return false
}

/**
 * Throws a ProtocolError (4400 for what no board holds, 4403 for what this role may not write)
 * unless a client with `context.role` may apply `update` to `doc`. Also refuses malformed updates.
 */
export function checkClientUpdate(doc: Y.Doc, update: Uint8Array, context: GuardContext): void {
  // The cheap pass first: most of what no client may send is refused before Yjs builds any objects.
  checkUpdateShape(update)
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: { clients: DeleteRanges } }
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded
  } catch {
    throw badMessage('malformed Yjs update')
  }
  const { structs, ds } = decoded

  const store = doc.store
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    let list = byClient.get(struct.id.client)
    if (!list) byClient.set(struct.id.client, (list = []))
    list.push(struct)
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)

  const typePlaces = new Map<Y.AbstractType<unknown>, Resolved>()
  /** Where a type lies: a root (the name under which the document shares it), or inside another type. */
  const placeOfType = (type: Y.AbstractType<unknown>): Resolved => {
    let place = typePlaces.get(type)
    if (place !== undefined) return place
    // Walks up iteratively: only boards written before nested types were refused can be deep.
    const path: Y.AbstractType<unknown>[] = []
    let current = type
    while (current._item !== null) {
      path.push(current)
      const parent = current._item.parent
      if (!(parent instanceof Y.AbstractType)) {
        place = 'gc'
        break
      }
      current = parent
    }
    if (place === undefined) {
      const top = path.length > 0 ? path[path.length - 1]!._item! : null
      place = { root: Y.findRootTypeKey(current), key: top?.parentSub ?? null, nested: path.length > 0 }
    }
    typePlaces.set(type, place)
    for (const below of path) typePlaces.set(below, place)
    return place
  }

  const placeOfDocItem = (item: Y.Item): Resolved => {
    const parent = item.parent
    if (!(parent instanceof Y.AbstractType)) return 'gc'
    const place = placeOfType(parent)
    if (typeof place === 'string' || place.nested) return place
    return { root: place.root, key: item.parentSub, nested: false }
  }

  const memo = new Map<Y.Item, Resolved>()
  /**
   * Follows an item's parent (when the update names one) or else its origin, through the update
   * and into the document, to the first item whose place is known; iteratively, and each item once.
   */
  const placeOfUpdateItem = (start: Y.Item): Resolved => {
    const chain: Array<{ item: Y.Item; viaParent: boolean }> = []
    let current = start
    let place: Resolved
    for (;;) {
      const known = memo.get(current)
      if (known !== undefined) {
        place = known
        break
      }
      const parent = current.parent as unknown
      if (typeof parent === 'string') {
        place = { root: parent, key: current.parentSub, nested: false }
        break
      }
      const viaParent = parent instanceof Y.ID
      const next: Y.ID | null = viaParent ? (parent as Y.ID) : (current.origin ?? current.rightOrigin)
      if (next === null) {
        place = 'missing'
        break
      }
      if (next.clock < Y.getState(store, next.client)) {
        const struct = Y.getItem(store, next) as Y.Item | Y.GC
        const found = struct instanceof Y.Item ? placeOfDocItem(struct) : 'gc'
        place = viaParent && typeof found !== 'string' ? { ...found, nested: true } : found
        break
      }
      const following = itemAt(byClient.get(next.client) ?? [], next.clock)
      // A chain longer than the update goes round in a circle: no honest encoder makes one.
      if (following === undefined || chain.length > structs.length) {
        place = 'missing'
        break
      }
      chain.push({ item: current, viaParent })
      current = following
    }
    memo.set(current, place)
    let nestedBelow = false
    for (let index = chain.length - 1; index >= 0; index--) {
      const link = chain[index]!
      if (link.viaParent) nestedBelow = true
      memo.set(link.item, nestedBelow && typeof place !== 'string' ? { ...place, nested: true } : place)
    }
    return memo.get(start)!
  }

  const checkRoot = (place: Place): void => {
    if (place.root === AUTHORS_KEY || place.root === COMMENT_AUTHORS_KEY) throw forbidden('who wrote what is written by the server only')
    if (SERVER_OWNED_ROOTS.includes(place.root)) throw forbidden('facilitation state is written by the server only')
    if (place.root === META_KEY) {
      if (place.nested || place.key !== MetaKey.SCHEMA) throw forbidden('board settings are written by the server only')
      return
    }
    if (place.root === COMMENTS_KEY) {
      if (place.nested || place.key === null) throw badMessage('comments are plain entries of a map')
      return
    }
    if (place.root !== RECORDS_KEY) throw badMessage(`a board has no part called ${JSON.stringify(place.root.slice(0, 40))}`)
    if (place.nested) throw badMessage('board records hold no nested types')
    if (place.key !== null) throw badMessage('board records are entries of an array')
  }

  /** Keys of the comments root this update writes: replacing an entry deletes the one before. */
  const writtenCommentKeys = new Set<string>()

  // -- Insertions -------------------------------------------------------------------------
  for (const list of byClient.values()) {
    for (const item of list) {
      const place = placeOfUpdateItem(item)
      if (place === 'gc' || place === 'missing') continue
      checkRoot(place)
      const content = item.content
      if (content instanceof Y.ContentDeleted) continue
      if (place.root === META_KEY) {
        if (!(content instanceof Y.ContentAny) || !content.arr.every(context.isAcceptedSchema)) {
          throw forbidden('the board schema may only be set to this server’s version')
        }
        continue
      }
      if (place.root === COMMENTS_KEY) {
        if (!(content instanceof Y.ContentAny)) throw badMessage('comments are plain values')
        for (const value of content.arr) {
          const verdict = context.checkComment(place.key!, value)
          if (verdict?.kind === 'malformed') throw badMessage(`invalid comment: ${verdict.reason}`)
          if (verdict?.kind === 'forbidden') throw forbidden(verdict.reason)
        }
        writtenCommentKeys.add(place.key!)
        continue
      }
      if (!(content instanceof Y.ContentAny)) throw badMessage('board entries are plain values')
      for (const value of content.arr) {
        const entry = entryOf(value)
        if (!entry) throw badMessage('a board record entry must be { key, val }')
        const problem = context.checkRecord(entry.key, entry.val)
        if (problem !== null) throw badMessage(`invalid record: ${problem}`)
        const claim = context.checkClaim?.(entry.key, entry.val) ?? null
        if (claim !== null) throw forbidden(claim)
        if (context.role === 'facilitator') continue
        if (isProtectedRecord(entry.val) || isProtectedRecord(context.currentRecord(entry.key))) {
          throw forbidden('template structure may only be changed by a facilitator')
        }
      }
    }
  }

  // -- Deletions --------------------------------------------------------------------------
  const deletedItems = new Set<Y.Item>()
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
        const place = placeOfDocItem(struct)
        if (place === 'gc' || place === 'missing') continue
        checkRoot(place)
        // Deleting a nested type recurses through everything below it, in every peer.
        if (struct.content instanceof Y.ContentType) throw badMessage('nested types are not deleted by clients')
        deletedItems.add(struct)
        if (context.role === 'facilitator') continue
        if (place.root === COMMENTS_KEY) {
          if (!writtenCommentKeys.has(place.key!)) throw forbidden('comments are removed by a facilitator only')
          continue
        }
        if (place.root !== RECORDS_KEY) continue
        const entries = struct.content.getContent()
        const from = Math.max(0, clock - struct.id.clock)
        const to = Math.min(entries.length, end - struct.id.clock)
        for (let offset = from; offset < to; offset++) {
          const entry = entryOf(entries[offset])
          if (entry && isProtectedRecord(entry.val)) {
            protectedDeletions.set(entry.key, (protectedDeletions.get(entry.key) ?? 0) + 1)
          }
        }
      }
    }
  }
  if (protectedDeletions.size > 0 && !protectedRecordsSurvive(doc, protectedDeletions, deletedItems, ds)) {
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
  ds: { clients: DeleteRanges },
): boolean {
  const remaining = new Map<string, number>()
  const isDeletedByUpdate = (item: Y.Item, offset: number): boolean =>
    deletedItems.has(item) && inRanges(ds.clients.get(item.id.client) ?? [], item.id.clock + offset)
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
