import * as prng from 'lib0/prng'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { KeyValueArray, type KeyValueChange, type KeyValueEntry } from './KeyValueArray.ts'
import { TestNetwork } from './testing/TestNetwork.ts'

function entriesOf(map: { map: Map<string, { val: unknown }> }): Record<string, unknown> {
  return Object.fromEntries([...map.map].map(([key, entry]) => [key, entry.val]))
}

function arrayOf(doc: Y.Doc): Y.Array<KeyValueEntry<unknown>> {
  return doc.getArray<KeyValueEntry<unknown>>('records')
}


function valuesOf(map: KeyValueArray<unknown>): Map<string, unknown> {
  return new Map([...map.map].map(([key, entry]) => [key, entry.val]))
}

/** The map the slow way: the rightmost well-formed entry of each key, from the whole array. */
function rightmostEntries(yarray: Y.Array<unknown>): Map<string, unknown> {
  const entries = new Map<string, unknown>()
  for (const value of yarray.toArray()) {
    if (typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string') {
      entries.set((value as { key: string }).key, value)
    }
  }
  return entries
}

/** Keys whose entry in `map` is not the identical object the slow way finds. */
function divergingKeys(map: KeyValueArray<unknown>): string[] {
  const expected = rightmostEntries(map.yarray as Y.Array<unknown>)
  const keys = new Set([...expected.keys(), ...map.map.keys()])
  return [...keys].filter((key) => map.map.get(key) !== expected.get(key))
}

/** A map kept only from a KeyValueArray's change events, checking that each one fits what came before. */
function followChanges(map: KeyValueArray<unknown>): { values: Map<string, unknown>; problems: string[] } {
  const values = valuesOf(map)
  const problems: string[] = []
  map.on('change', (changes, transaction) => {
    if (changes.size === 0) problems.push('empty change event')
    if (transaction.doc !== map.doc) problems.push('foreign transaction')
    for (const [key, change] of changes) {
      const known = values.has(key)
      if (change.action === 'add') {
        if (known) problems.push(`add of known key ${key}`)
        values.set(key, change.newValue)
      } else if (change.action === 'update') {
        if (!known || values.get(key) !== change.oldValue) problems.push(`update of ${key} from a value it did not have`)
        if (change.oldValue === change.newValue) problems.push(`update of ${key} that changes nothing`)
        values.set(key, change.newValue)
      } else {
        if (!known || values.get(key) !== change.oldValue) problems.push(`delete of ${key} with a value it did not have`)
        values.delete(key)
      }
    }
  })
  return { values, problems }
}

/**
 * Counts reads of `left` and `right` on the array's present items while `counting()` is true:
 * how many items a piece of code walks.
 */
function countHops(yarray: Y.Array<unknown>, counting: () => boolean): { hops: number } {
  const counter = { hops: 0 }
  const items: Y.Item[] = []
  for (let item = yarray._start; item !== null; item = item.right) items.push(item)
  for (const item of items) {
    for (const side of ['left', 'right'] as const) {
      let neighbour = item[side]
      Object.defineProperty(item, side, {
        configurable: true,
        get: () => {
          if (counting()) counter.hops++
          return neighbour
        },
        set: (value: Y.Item | null) => {
          neighbour = value
        },
      })
    }
  }
  return counter
}

/**
 * A KeyValueArray on `yarray` whose observer's item reads are counted (see countHops): counting
 * starts when a change reaches the array and stops once the KeyValueArray has seen it.
 * `uncounted(run)` runs code whose reads do not count.
 */
function countedKeyValueArray<T>(yarray: Y.Array<KeyValueEntry<T>>, readonly: boolean) {
  let counting = false
  yarray.observe(() => {
    counting = true
  })
  const map = new KeyValueArray(yarray, { readonly })
  yarray.observe(() => {
    counting = false
  })
  const counter = countHops(yarray as Y.Array<unknown>, () => counting)
  const uncounted = (run: () => void) => {
    const wasCounting = counting
    counting = false
    try {
      run()
    } finally {
      counting = wasCounting
    }
  }
  return { map, counter, uncounted }
}

describe('KeyValueArray', () => {
  it('reports adds, updates and deletes like a map, and keeps one entry per key', () => {
    const doc = new Y.Doc()
    const map = new KeyValueArray<number>(doc.getArray('records'))
    const seen: Array<Map<string, KeyValueChange<number>>> = []
    map.on('change', (changes) => seen.push(changes))
    map.set('a', 1)
    map.set('a', 2)
    map.write(
      [
        ['b', 3],
        ['c', 4],
      ],
      ['a'],
    )
    expect(seen.map((changes) => Object.fromEntries(changes))).toEqual([
      { a: { action: 'add', newValue: 1 } },
      { a: { action: 'update', oldValue: 1, newValue: 2 } },
      { a: { action: 'delete', oldValue: 2 }, b: { action: 'add', newValue: 3 }, c: { action: 'add', newValue: 4 } },
    ])
    expect(entriesOf(map)).toEqual({ b: 3, c: 4 })
    expect(map.yarray.length).toBe(2)
  })

  it('reads and writes the layout of y-utility\'s YKeyValue', () => {
    const ours = new Y.Doc()
    const theirs = new Y.Doc()
    const map = new KeyValueArray<string>(ours.getArray('records'))
    const yKeyValue = new YKeyValue<string>(theirs.getArray('records'))
    map.set('a', 'ours')
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours))
    yKeyValue.set('a', 'theirs')
    yKeyValue.set('b', 'theirs')
    Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs))
    expect(entriesOf(map)).toEqual({ a: 'theirs', b: 'theirs' })
    map.delete('b')
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours))
    expect(entriesOf(yKeyValue)).toEqual({ a: 'theirs' })
  })

  it('ignores entries that are not { key, val } instead of throwing, and a writer deletes them', () => {
    const doc = new Y.Doc()
    const map = new KeyValueArray<number>(doc.getArray('records'))
    map.set('a', 1)
    const rogue = new Y.Doc()
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(doc))
    arrayOf(rogue).push([null as never, 'junk' as never, { key: 7 } as never, { key: 'b', val: 2 }])

    expect(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(rogue))).not.toThrow()
    expect(entriesOf(map)).toEqual({ a: 1, b: 2 })
    expect(map.yarray.length).toBe(2)

    // A board that already holds such entries still loads.
    const late = new Y.Doc()
    Y.applyUpdate(late, Y.encodeStateAsUpdate(rogue))
    expect(entriesOf(new KeyValueArray(arrayOf(late)))).toEqual({ a: 1, b: 2 })
  })

  it('never writes when read-only, even where a writer would clean up', () => {
    const base = new Y.Doc()
    new KeyValueArray<number>(arrayOf(base) as Y.Array<KeyValueEntry<number>>).set('k', 0)
    const state = Y.encodeStateAsUpdate(base)
    const [first, second, viewer] = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    for (const doc of [first, second, viewer]) Y.applyUpdate(doc, state)
    // Concurrent writes of one key leave two entries that writers clean up on receipt.
    new KeyValueArray<number>(arrayOf(first) as Y.Array<KeyValueEntry<number>>).set('k', 1)
    new KeyValueArray<number>(arrayOf(second) as Y.Array<KeyValueEntry<number>>).set('k', 2)

    const view = new KeyValueArray<number>(arrayOf(viewer) as Y.Array<KeyValueEntry<number>>, { readonly: true })
    const viewerStateBefore = Y.encodeStateVector(viewer)
    let ownUpdates = 0
    viewer.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'network') ownUpdates++
    })
    Y.applyUpdate(viewer, Y.encodeStateAsUpdate(first), 'network')
    Y.applyUpdate(viewer, Y.encodeStateAsUpdate(second), 'network')

    expect(ownUpdates).toBe(0)
    expect(Y.encodeStateVector(viewer)).not.toEqual(viewerStateBefore)
    expect(view.yarray.length).toBe(2)
    expect([1, 2]).toContain(view.get('k'))
    expect(() => view.set('k', 3)).toThrow(/read-only/)
  })

  it('converges on random concurrent writes delivered in random order', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = prng.create(seed)
      const network = new TestNetwork(random)
      const maps = Array.from({ length: 4 }, () => {
        const doc = new Y.Doc()
        network.connect(doc)
        return new KeyValueArray<number>(doc.getArray('records'))
      })
      for (let step = 0; step < 300; step++) {
        const map = prng.oneOf(random, maps)
        const key = `k${prng.int32(random, 0, 5)}`
        if (prng.int32(random, 0, 3) === 0) map.delete(key)
        else if (prng.bool(random)) map.set(key, step)
        else network.deliverSome(prng.int32(random, 1, 5))
      }
      network.deliverAll()
      const expected = entriesOf(maps[0]!)
      for (const map of maps) {
        expect(entriesOf(map)).toEqual(expected)
        // Writers leave exactly one entry per key once everything is delivered.
        expect(map.yarray.length).toBe(map.map.size)
      }
    }
  })
  it('keeps the array and map right when made inside a transaction that goes on changing the array', () => {
    const doc = new Y.Doc()
    const yarray = arrayOf(doc)
    let map: KeyValueArray<unknown> | undefined
    doc.transact(() => {
      yarray.push([{ key: 'a', val: 1 }])
      yarray.push([{ key: 'b', val: 2 }])
      map = new KeyValueArray(yarray)
      yarray.delete(0, 1)
      yarray.push([{ key: 'c', val: 3 }])
    })
    expect(divergingKeys(map!)).toEqual([])
    expect(entriesOf(map!)).toEqual({ b: 2, c: 3 })
    // Nothing of its own taken for a duplicate.
    expect(yarray.toArray()).toEqual([
      { key: 'b', val: 2 },
      { key: 'c', val: 3 },
    ])
    map!.set('b', 4)
    expect(entriesOf(map!)).toEqual({ b: 4, c: 3 })
    expect(yarray.length).toBe(2)
  })

  it('keeps the rightmost well-formed entry of each key on random writes, raw entries and deletes in random order', () => {
    const keys = ['a', 'b', 'c', 'd', 'e']
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const random = prng.create(seed)
      const network = new TestNetwork(random)
      const maps = Array.from({ length: 4 }, (_, index) => {
        const doc = new Y.Doc()
        network.connect(doc)
        // The last one reads like the server: it never writes, so duplicates and junk stay.
        return new KeyValueArray<unknown>(doc.getArray('records'), { readonly: index === 3 })
      })
      const followers = maps.map(followChanges)
      const writers = maps.slice(0, 3)
      let serial = 0
      const randomKey = (): string => prng.oneOf(random, keys)
      const check = (): void => {
        for (const [index, map] of maps.entries()) {
          expect(divergingKeys(map), `seed ${seed}, doc ${index}`).toEqual([])
          expect(followers[index]!.problems).toEqual([])
          expect(followers[index]!.values).toEqual(valuesOf(map))
        }
      }
      for (let step = 0; step < 250; step++) {
        const map = prng.oneOf(random, writers)
        const raw = map.yarray as Y.Array<unknown>
        switch (prng.int32(random, 0, 8)) {
          case 0:
            map.set(randomKey(), serial++)
            break
          case 1:
            // Several puts and removals in one transaction, removals of missing keys among them.
            map.write(
              Array.from({ length: prng.int32(random, 1, 3) }, () => [randomKey(), serial++] as const),
              [randomKey(), 'missing'],
            )
            break
          case 2:
            map.delete(prng.bool(random) ? randomKey() : 'missing')
            break
          case 3:
            // Another client's raw entries, duplicates of one key in one item, and junk.
            raw.push([{ key: randomKey(), val: serial++ }, { key: 'a', val: serial++ }, { key: 'a', val: serial++ }])
            if (prng.bool(random)) raw.push([null, 'junk', { key: 7 }])
            break
          case 4:
            // An entry inserted to the left of others: the rightmost must still win.
            raw.insert(prng.int32(random, 0, raw.length), [{ key: randomKey(), val: serial++ }])
            break
          case 5:
            // A raw delete that may bring an older duplicate back into effect.
            if (raw.length > 0) raw.delete(prng.int32(random, 0, raw.length - 1), 1)
            break
          case 6:
            map.doc.transact(() => {
              map.set(randomKey(), serial++)
              raw.push([{ key: randomKey(), val: serial++ }])
              map.delete(randomKey())
              map.set(randomKey(), serial++)
            })
            break
          default:
            network.deliverSome(prng.int32(random, 1, 6))
        }
        check()
      }
      network.deliverAll()
      check()
      const expected = entriesOf(maps[0]!)
      for (const map of maps) expect(entriesOf(map)).toEqual(expected)
      // Writers leave exactly one entry per key and no junk once everything is delivered.
      for (const map of maps) expect(map.yarray.length).toBe(map.map.size)
    }
  })

  it('reads only the changed entries of a large array on an edit of one key', () => {
    const ENTRIES = 5000
    const origin = new Y.Doc()
    const originArray = origin.getArray<KeyValueEntry<number>>('records')
    // One item per entry, as on a board written over time by many clients.
    for (let i = 0; i < ENTRIES; i++) originArray.insert(0, [{ key: `k${i}`, val: i }])
    const state = Y.encodeStateAsUpdate(origin)

    for (const readonly of [false, true]) {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const yarray = doc.getArray<KeyValueEntry<number>>('records')
      const { map, counter } = countedKeyValueArray(yarray, readonly)
      const toArray = vi.spyOn(yarray, 'toArray')
      const changes = vi.spyOn(Y.YEvent.prototype, 'changes', 'get')
      const seen: Array<Map<string, KeyValueChange<number>>> = []
      map.on('change', (changed) => seen.push(changed))

      const remote = new Y.Doc()
      Y.applyUpdate(remote, state)
      const remoteMap = new KeyValueArray<number>(remote.getArray('records'))
      const before = Y.encodeStateVector(remote)
      remoteMap.set('k2500', -1)
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, before))

      expect(seen.map((changed) => Object.fromEntries(changed))).toEqual([{ k2500: { action: 'update', oldValue: 2500, newValue: -1 } }])
      expect(toArray).not.toHaveBeenCalled()
      expect(changes).not.toHaveBeenCalled()
      expect(counter.hops).toBeLessThan(10)
      changes.mockRestore()
    }
  })

  it('reads the array about once, not once per key, when duplicates of many keys arrive together', () => {
    const ENTRIES = 3000
    const origin = new Y.Doc()
    const originArray = origin.getArray<KeyValueEntry<number>>('records')
    // One item per entry, k2999 first and k0 last, then as many entries of other keys after them.
    for (let i = 0; i < ENTRIES; i++) originArray.insert(0, [{ key: `k${i}`, val: i }])
    for (let i = 0; i < ENTRIES; i++) originArray.insert(ENTRIES, [{ key: `other${i}`, val: i }])
    const state = Y.encodeStateAsUpdate(origin)

    for (const placement of ['left', 'right', 'mirror'] as const) {
      // Another client writes a second entry of every key k…, each in an item of its own: just
      // left of the current one (it loses), just right (it wins), or far from it.
      const rogue = new Y.Doc()
      Y.applyUpdate(rogue, state)
      const rogueArray = rogue.getArray<KeyValueEntry<number>>('records')
      const before = Y.encodeStateVector(rogue)
      rogue.transact(() => {
        // From the right, so that the entry at `position` has not moved yet.
        for (let position = ENTRIES - 1; position >= 0; position--) {
          const key = placement === 'mirror' ? position : ENTRIES - 1 - position
          rogueArray.insert(placement === 'left' ? position : position + 1, [{ key: `k${key}`, val: -key }])
        }
      })
      const duplicates = Y.encodeStateAsUpdate(rogue, before)

      for (const readonly of [false, true]) {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, state)
        const yarray = doc.getArray<KeyValueEntry<number>>('records')
        const { map, counter, uncounted } = countedKeyValueArray(yarray, readonly)
        // Yjs's own search for an index when the writer deletes the losing entries is not counted.
        const yjsDelete = yarray.delete.bind(yarray)
        vi.spyOn(yarray, 'delete').mockImplementation((index, length) => uncounted(() => yjsDelete(index, length)))
        Y.applyUpdate(doc, duplicates)

        expect(divergingKeys(map as KeyValueArray<unknown>), `${placement}, read-only ${readonly}`).toEqual([])
        if (placement !== 'mirror') expect(map.get('k7')).toBe(placement === 'left' ? 7 : -7)
        expect(yarray.length).toBe(readonly ? 3 * ENTRIES : 2 * ENTRIES)
        // The array has 2 * ENTRIES items that are counted: a few passes over it, not one per key.
        expect(counter.hops, `${placement}, read-only ${readonly}`).toBeLessThan(10 * ENTRIES)
      }
    }
  })

  it('finds the rightmost of concurrent writes of one key by walking only the items between them and the end', () => {
    const ENTRIES = 5000
    const origin = new Y.Doc()
    const originArray = origin.getArray<KeyValueEntry<number>>('records')
    for (let i = 0; i < ENTRIES; i++) originArray.insert(0, [{ key: `k${i}`, val: i }])
    const state = Y.encodeStateAsUpdate(origin)
    const [first, second, viewer] = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    for (const doc of [first, second, viewer]) Y.applyUpdate(doc, state)
    const firstUpdate = (() => {
      const before = Y.encodeStateVector(first)
      new KeyValueArray<number>(first.getArray('records')).set('k10', -1)
      return Y.encodeStateAsUpdate(first, before)
    })()
    const secondUpdate = (() => {
      const before = Y.encodeStateVector(second)
      new KeyValueArray<number>(second.getArray('records')).set('k10', -2)
      return Y.encodeStateAsUpdate(second, before)
    })()

    const yarray = viewer.getArray<KeyValueEntry<number>>('records')
    const { map: view, counter } = countedKeyValueArray(yarray, true)
    Y.applyUpdate(viewer, firstUpdate)
    Y.applyUpdate(viewer, secondUpdate)

    expect(divergingKeys(view as KeyValueArray<unknown>)).toEqual([])
    expect([-1, -2]).toContain(view.get('k10'))
    expect(yarray.length).toBe(ENTRIES + 1)
    expect(counter.hops).toBeLessThan(10)
  })
})
