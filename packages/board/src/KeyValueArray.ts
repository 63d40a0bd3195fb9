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
import type * as Y from 'yjs'

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

export class KeyValueArray<T> {
  /** The current entry of every key. Entries are compared by identity to detect changes. */
  readonly map = new Map<string, KeyValueEntry<T>>()
  readonly doc: Y.Doc
  private readonly readonly: boolean
  private readonly listeners = new Set<KeyValueChangeListener<T>>()

  constructor(
    readonly yarray: Y.Array<KeyValueEntry<T>>,
    { readonly = false }: KeyValueArrayOptions = {},
  ) {
    if (!yarray.doc) throw new Error('KeyValueArray: the array must belong to a Y.Doc')
    this.doc = yarray.doc
    this.readonly = readonly
    const values: unknown[] = yarray.toArray()
    const superseded: number[] = []
    for (let index = values.length - 1; index >= 0; index--) {
      const value = values[index]
      if (!isEntry(value)) {
        if (!isYjsType(value)) superseded.push(index)
      } else if (this.map.has(value.key)) superseded.push(index)
      else this.map.set(value.key, value as KeyValueEntry<T>)
    }
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

  private readonly onArrayChange = (event: Y.YArrayEvent<KeyValueEntry<T>>, transaction: Y.Transaction): void => {
    const touched = new Set<string>()
    let malformedAdded = false
    for (const items of [event.changes.added, event.changes.deleted]) {
      for (const item of items) {
        for (const value of item.content.getContent() as unknown[]) {
          if (isEntry(value)) touched.add(value.key)
          else if (items === event.changes.added) malformedAdded = true
        }
      }
    }
    if (touched.size === 0 && !malformedAdded) return

    // The map is a function of the array alone (the rightmost well-formed entry of each key),
    // so every client that has seen the same updates has the same map, whatever the order
    // in which they arrived. Only keys with added or deleted entries can have changed.
    const values: unknown[] = this.yarray.toArray()
    const winners = new Map<string, KeyValueEntry<T>>()
    const superseded: number[] = []
    for (let index = values.length - 1; index >= 0; index--) {
      const value = values[index]
      if (!isEntry(value)) {
        if (malformedAdded && !isYjsType(value)) superseded.push(index)
      } else if (touched.has(value.key)) {
        if (winners.has(value.key)) superseded.push(index)
        else winners.set(value.key, value as KeyValueEntry<T>)
      }
    }

    const changes = new Map<string, KeyValueChange<T>>()
    for (const key of touched) {
      const before = this.map.get(key)
      const after = winners.get(key)
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

    // Runs as its own transaction after this one; every writer deletes the same entries, and
    // deleting an entry twice is harmless.
    this.deleteIndices(superseded)
    if (changes.size > 0) for (const listener of [...this.listeners]) listener(changes, transaction)
  }

  /** Deletes array entries by index; `indices` must be in descending order. */
  private deleteIndices(indices: number[]): void {
    if (this.readonly || indices.length === 0) return
    this.doc.transact(() => {
      for (const index of indices) this.yarray.delete(index, 1)
    })
  }
}
