/**
 * A key-value map stored as `{ key, val }` entries in a Y.Array: the layout of y-utility's
 * YKeyValue, which tools using YKeyValue read and write interchangeably. Of several entries
 * for one key the rightmost wins; writing a key deletes its older entries and appends a new
 * one, so overwrites leave mergeable tombstones instead of the ever-growing history a Y.Map
 * keeps (see docGrowth.ts).
 *
 * It exists instead of YKeyValue itself for two reasons that matter on a shared board:
 * - YKeyValue throws on an entry that is not `{ key, val }` (one `null` pushed by any client
 *   makes every later update throw inside Yjs and keeps the document from loading at all);
 *   here such entries are ignored, and writers delete them.
 * - YKeyValue deletes superseded entries whenever it sees them, which is a document update;
 *   a viewer may not send any, so a read-only instance here never writes.
 */
import * as Y from 'yjs'

export interface KeyValueEntry<T> {
  key: string
  val: T
}

/** One changed key, as YKeyValue reports it. */
export type KeyValueChange<T> =
  | { action: 'add'; newValue: T }
  | { action: 'update'; oldValue: T; newValue: T }
  | { action: 'delete'; oldValue: T }

export type KeyValueChangeListener<T> = (changes: Map<string, KeyValueChange<T>>, transaction: Y.Transaction) => void

export interface KeyValueArrayOptions {
  /** Never write: no cleanup of superseded entries, and `set`/`delete` throw. */
  readonly?: boolean
}

/**
 * Whether a value is a Yjs type. A board never holds one in its records (the server refuses
 * them), but one written before that may be deeply nested, and deleting it would make every
 * peer recurse once per level; such entries are ignored and left alone.
 */
function isYjsType(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '_map' in value && '_start' in value
}

function isEntry(value: unknown): value is KeyValueEntry<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string'
}

/**
 * One live value of the array, by the Yjs id of its slot: ids stay put when Yjs splits or
 * merges the items that hold values, item objects do not.
 */
interface Slot {
  client: number
  clock: number
}

interface EntrySlot<T> extends Slot {
  entry: KeyValueEntry<T>
}

function slotName({ client, clock }: Slot): string {
  return `${client}:${clock}`
}

function sameSlot(a: Slot, b: Slot): boolean {
  return a.client === b.client && a.clock === b.clock
}

/**
 * The item walks of one observer call: short walks from the items concerned while they add up
 * to less than a pass over the array, then that one pass (the index of every live item), so
 * that many duplicates arriving at once cost no more than reading the array did.
 */
interface Walk {
  hopsLeft: number
  indices?: Map<Y.Item, number>
}

/** The item walks one observer call may take before it reads the whole array once instead. */
const MIN_WALK_HOPS = 1024

export class KeyValueArray<T> {
  /** The current entry of every key. Entries are compared by identity to detect changes. */
  readonly map = new Map<string, KeyValueEntry<T>>()
  readonly doc: Y.Doc
  private readonly readonly: boolean
  private readonly listeners = new Set<KeyValueChangeListener<T>>()
  /**
   * Every live entry of every key: one slot, or several while concurrent writes of the key
   * are not cleaned up yet (always, for a read-only instance). Lets the observer find a
   * key's current entry without reading the array.
   */
  private readonly slots = new Map<string, EntrySlot<T> | Array<EntrySlot<T>>>()
  /** Live values that are neither entries nor Yjs types: what a writer deletes. */
  private readonly malformed = new Map<string, Slot>()

  constructor(
    readonly yarray: Y.Array<KeyValueEntry<T>>,
    { readonly = false }: KeyValueArrayOptions = {},
  ) {
    if (!yarray.doc) throw new Error('KeyValueArray: the array must belong to a Y.Doc')
    this.doc = yarray.doc
    this.readonly = readonly
    const items: Y.Item[] = []
    for (let item = yarray._start; item !== null; item = item.right) {
      if (!item.deleted && item.countable) items.push(item)
    }
    // From the right, where each key's current entry is.
    const superseded: number[] = []
    let index = yarray.length
    for (let itemIndex = items.length - 1; itemIndex >= 0; itemIndex--) {
      const { id, content } = items[itemIndex]!
      const values = content.getContent() as unknown[]
      for (let offset = values.length - 1; offset >= 0; offset--) {
        index--
        const value = values[offset]
        if (!isEntry(value)) {
          if (isYjsType(value)) continue
          superseded.push(index)
          if (readonly) {
            const slot: Slot = { client: id.client, clock: id.clock + offset }
            this.malformed.set(slotName(slot), slot)
          }
          continue
        }
        const entry = value as KeyValueEntry<T>
        const current = !this.map.has(entry.key)
        if (current) this.map.set(entry.key, entry)
        else superseded.push(index)
        if (current || readonly) this.addSlot(entry.key, { client: id.client, clock: id.clock + offset, entry })
      }
    }
    // Deleted before observing, so the slots above leave these out (unless read-only: then
    // nothing is deleted and everything stays).
    this.deleteIndices(superseded)
    yarray.observe(this.onArrayChange)
  }

  get(key: string): T | undefined {
    return this.map.get(key)?.val
  }

  has(key: string): boolean {
    return this.map.has(key)
  }

  /** Same signature as YKeyValue's `on('change', …)`. */
  on(_event: 'change', listener: KeyValueChangeListener<T>): void {
    this.listeners.add(listener)
  }

  off(_event: 'change', listener: KeyValueChangeListener<T>): void {
    this.listeners.delete(listener)
  }

  set(key: string, val: T): void {
    this.write([[key, val]], [])
  }

  delete(key: string): void {
    this.write([], [key])
  }

  /**
   * Sets and deletes many keys in one transaction and one pass over the array. `map` and the
   * change listeners see the result when the outermost transaction ends, as with Y types.
   */
  write(puts: Iterable<readonly [string, T]>, removals: Iterable<string>): void {
    if (this.readonly) throw new Error('KeyValueArray: this instance is read-only')
    const entries = [...puts].map(([key, val]): KeyValueEntry<T> => ({ key, val }))
    const keys = new Set([...entries.map((entry) => entry.key), ...removals])
    if (keys.size === 0) return
    this.doc.transact(() => {
      const values: unknown[] = this.yarray.toArray()
      const stale: number[] = []
      values.forEach((value, index) => {
        // Every entry of the key goes, not just the current one: an older duplicate left behind
        // would become the value again once the current entry is deleted.
        if (isEntry(value) && keys.has(value.key)) stale.push(index)
      })
      this.deleteIndices(stale.reverse())
      if (entries.length > 0) this.yarray.push(entries)
    })
  }

  /** Stops observing the array. Only needed for instances that do not live as long as their doc. */
  destroy(): void {
    this.yarray.unobserve(this.onArrayChange)
    this.listeners.clear()
  }

  /**
   * Keeps `map` equal to the rightmost well-formed entry of each key, reading only the items
   * this transaction added or deleted (and, for a key with several live entries, the items
   * between them and the end of the array). Yjs's `event.changes` and `toArray()` would both
   * walk the whole array, tombstones included, on every change of one record.
   */
  private readonly onArrayChange = (event: Y.YArrayEvent<KeyValueEntry<T>>, transaction: Y.Transaction): void => {
    const touched = new Set<string>()
    let malformedAdded = false
    this.forEachAddedItem(transaction, (item) => {
      const values = item.content.getContent() as unknown[]
      for (let offset = 0; offset < values.length; offset++) {
        const value = values[offset]
        const slot: Slot = { client: item.id.client, clock: item.id.clock + offset }
        if (isEntry(value)) {
          this.addSlot(value.key, { ...slot, entry: value as KeyValueEntry<T> })
          touched.add(value.key)
        } else {
          malformedAdded = true
          if (!isYjsType(value)) this.malformed.set(slotName(slot), slot)
        }
      }
    })
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || struct.parent !== this.yarray || !struct.countable) return
      // An item added and deleted in this transaction is neither, as in Yjs's `event.changes`;
      // it is only known here if this instance was made inside the transaction, in between.
      const added = event.adds(struct)
      const values = struct.content.getContent() as unknown[]
      for (let offset = 0; offset < values.length; offset++) {
        const value = values[offset]
        const slot: Slot = { client: struct.id.client, clock: struct.id.clock + offset }
        if (isEntry(value)) {
          if (this.removeSlot(value.key, slot) || !added) touched.add(value.key)
        } else this.malformed.delete(slotName(slot))
      }
    })
    if (touched.size === 0 && !malformedAdded) return

    // The map is a function of the array alone (the rightmost well-formed entry of each key),
    // so every client that has seen the same updates has the same map, whatever the order
    // in which they arrived. Only keys with added or deleted entries can have changed.
    const superseded: Slot[] = []
    const walk: Walk = { hopsLeft: Math.max(MIN_WALK_HOPS, this.yarray.length) }
    const changes = new Map<string, KeyValueChange<T>>()
    for (const key of touched) {
      const slots = this.slots.get(key)
      let after: KeyValueEntry<T> | undefined
      if (slots === undefined) after = undefined
      else if (!Array.isArray(slots)) after = slots.entry
      else {
        const winner = this.rightmost(slots, walk)
        after = winner.entry
        for (const slot of slots) if (slot !== winner) superseded.push(slot)
      }
      const before = this.map.get(key)
      if (before === after) continue
      if (!after) {
        this.map.delete(key)
        if (before) changes.set(key, { action: 'delete', oldValue: before.val })
      } else {
        this.map.set(key, after)
        const change: KeyValueChange<T> = before
          ? { action: 'update', oldValue: before.val, newValue: after.val }
          : { action: 'add', newValue: after.val }
        changes.set(key, change)
      }
    }
    if (malformedAdded) superseded.push(...this.malformed.values())

    // Runs as its own transaction after this one; every writer deletes the same entries, and
    // deleting an entry twice is harmless.
    if (!this.readonly && superseded.length > 0) {
      this.deleteIndices(superseded.map((slot) => this.indexOf(slot, walk)).sort((a, b) => b - a))
    }
    if (changes.size > 0) for (const listener of [...this.listeners]) listener(changes, transaction)
  }

  /** The live items of this array that the transaction inserted, read from the doc's store by client and clock. */
  private forEachAddedItem(transaction: Y.Transaction, visit: (item: Y.Item) => void): void {
    for (const [client, afterClock] of transaction.afterState) {
      const beforeClock = transaction.beforeState.get(client) ?? 0
      if (afterClock <= beforeClock) continue
      const structs = this.doc.store.clients.get(client)
      if (!structs) continue
      for (let index = Y.findIndexSS(structs, beforeClock); index < structs.length; index++) {
        const struct = structs[index]!
        if (struct.id.clock >= afterClock) break
        if (struct instanceof Y.Item && struct.parent === this.yarray && !struct.deleted && struct.countable) visit(struct)
      }
    }
  }

  /**
   * Adds a live entry; one already known is replaced, not doubled (an instance made inside a
   * transaction sees that transaction's entries in its constructor and again as added).
   */
  private addSlot(key: string, slot: EntrySlot<T>): void {
    const slots = this.slots.get(key)
    if (slots === undefined || (!Array.isArray(slots) && sameSlot(slots, slot))) this.slots.set(key, slot)
    else if (!Array.isArray(slots)) this.slots.set(key, [slots, slot])
    else {
      const index = slots.findIndex((known) => sameSlot(known, slot))
      if (index === -1) slots.push(slot)
      else slots[index] = slot
    }
  }

  /** Forgets a live entry; false if it was not known. */
  private removeSlot(key: string, removed: Slot): boolean {
    const slots = this.slots.get(key)
    if (slots === undefined) return false
    if (!Array.isArray(slots)) {
      if (!sameSlot(slots, removed)) return false
      this.slots.delete(key)
      return true
    }
    const rest = slots.filter((slot) => !sameSlot(slot, removed))
    if (rest.length === slots.length) return false
    this.slots.set(key, rest.length === 1 ? rest[0]! : rest)
    return true
  }

  /** The item that holds a live slot now, and the slot's offset in it. */
  private locate({ client, clock }: Slot): { item: Y.Item; offset: number } {
    const item = Y.getItem(this.doc.store, Y.createID(client, clock))
    return { item, offset: clock - item.id.clock }
  }

  /**
   * The rightmost of several live entries of one key. Each candidate walks right in step with
   * the others; one that meets another candidate is not the rightmost, and the walk ends when
   * one candidate is left or one reaches the end. Two concurrent writes of a key both sit near
   * the end of the array, so this reads few items.
   */
  private rightmost(slots: Array<EntrySlot<T>>, walk: Walk): EntrySlot<T> {
    // Within one item, the higher offset is further right.
    const byItem = new Map<Y.Item, { slot: EntrySlot<T>; offset: number }>()
    for (const slot of slots) {
      const { item, offset } = this.locate(slot)
      const known = byItem.get(item)
      if (!known || known.offset < offset) byItem.set(item, { slot, offset })
    }
    const starts = [...byItem.keys()]
    const cursors: Array<Y.Item | null> = [...starts]
    let walking = starts.length
    while (walking > 1 && walk.hopsLeft > 0) {
      for (let index = 0; index < cursors.length; index++) {
        const cursor = cursors[index]
        if (!cursor) continue
        walk.hopsLeft--
        const next = cursor.right
        if (next === null) return byItem.get(starts[index]!)!.slot
        if (byItem.has(next)) {
          cursors[index] = null
          walking--
        } else cursors[index] = next
      }
    }
    if (walking === 1) return byItem.get(starts[cursors.findIndex((cursor) => cursor !== null)]!)!.slot
    const indices = this.indicesOf(walk)
    const rightmost = starts.reduce((best, item) => (indices.get(item)! > indices.get(best)! ? item : best))
    return byItem.get(rightmost)!.slot
  }

  /**
   * The array index of a live slot, counted from whichever end of the array is nearer: items
   * are walked outwards on both sides until one side runs out.
   */
  private indexOf(slot: Slot, walk: Walk): number {
    const { item, offset } = this.locate(slot)
    let left = item.left
    let right = item.right
    let before = offset
    let after = item.length - offset - 1
    while (walk.indices === undefined && walk.hopsLeft > 0) {
      if (left === null) return before
      if (right === null) return this.yarray.length - 1 - after
      walk.hopsLeft -= 2
      if (!left.deleted && left.countable) before += left.length
      if (!right.deleted && right.countable) after += right.length
      left = left.left
      right = right.right
    }
    return this.indicesOf(walk).get(item)! + offset
  }

  /** The index of the first value of every live item, from one pass over the array. */
  private indicesOf(walk: Walk): Map<Y.Item, number> {
    if (walk.indices) return walk.indices
    const indices = new Map<Y.Item, number>()
    let index = 0
    for (let item = this.yarray._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      indices.set(item, index)
      index += item.length
    }
    walk.indices = indices
    return indices
  }

  /** Deletes array entries by index; `indices` must be in descending order. */
  private deleteIndices(indices: number[]): void {
    if (this.readonly || indices.length === 0) return
    this.doc.transact(() => {
      for (const index of indices) this.yarray.delete(index, 1)
    })
  }
}
