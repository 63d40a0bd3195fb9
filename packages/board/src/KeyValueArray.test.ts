import * as prng from 'lib0/prng'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { KeyValueArray, type KeyValueChange, type KeyValueEntry } from './KeyValueArray.ts'
import { TestNetwork } from './testing/TestNetwork.ts'

function entriesOf(map: { map: Map<string, { val: unknown }> }): Record<string, unknown> {
  return Object.fromEntries([...map.map].map(([key, entry]) => [key, entry.val]))
}

function arrayOf(doc: Y.Doc): Y.Array<KeyValueEntry<unknown>> {
  return doc.getArray<KeyValueEntry<unknown>>('records')
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
})
