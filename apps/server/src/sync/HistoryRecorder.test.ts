import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import type { AuthorStamp, KeyValueChange } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { HISTORY_ITEMS_PER_KIND } from '@dorfplatz/protocol'
import { HistoryRecorder, MAX_DELETED_BYTES } from './HistoryRecorder.ts'

const anna: AuthorStamp = { name: 'Anna', color: '#2f6db5', role: 'participant' }
const bernd: AuthorStamp = { name: 'Bernd', color: '#b52f4a', role: 'participant' }
const MINUTE = 60_000
const T0 = 100 * MINUTE

function recorder() {
  // A board without templates: no zones to find.
  const doc = new Y.Doc()
  const records = new Map<string, unknown>()
  const history = new HistoryRecorder(doc)
  const change = (changes: Array<[string, KeyValueChange<TLRecord>]>, actor: AuthorStamp = anna, now = T0) =>
    history.record(new Map(changes), actor, records, () => null, now)
  return { history, change }
}

describe('HistoryRecorder', () => {
  it('counts writing into a note just added as adding it, and a change a minute later as an edit', () => {
    const { history, change } = recorder()
    change([['shape:a', { action: 'add', newValue: testNote('a', 'Glas') }]])
    change([['shape:a', { action: 'update', oldValue: testNote('a', 'Glas'), newValue: testNote('a', 'Glasfaser') }]], anna, T0 + 5000)
    change([['shape:a', { action: 'update', oldValue: testNote('a', 'Glasfaser'), newValue: testNote('a', 'Glasfaser 2028') }]], anna, T0 + MINUTE)
    const [first, second, ...rest] = history.take()
    expect(rest).toEqual([])
    expect(first!.changes.counts).toEqual({ added: 1, edited: 0, moved: 0, deleted: 0, restored: 0 })
    expect(first!.changes.added[0]!.text).toBe('Glasfaser')
    expect(second!.at).toBe(T0 + MINUTE)
    expect(second!.changes.counts.edited).toBe(1)
    expect(history.take()).toEqual([])
  })

  it('keeps one row per person and minute, and one item per shape however often it changed', () => {
    const { history, change } = recorder()
    for (let n = 0; n < 5; n++) {
      change([['shape:a', { action: 'update', oldValue: testNote('a', `${n}`), newValue: testNote('a', `${n + 1}`) }]], anna, T0 + n * 1000)
    }
    change([['shape:a', { action: 'delete', oldValue: testNote('a', '5') }]], bernd, T0 + 1000)
    const rows = history.take()
    expect(rows.map((row) => [row.actor.name, row.changes.counts.edited, row.changes.counts.deleted])).toEqual([
      ['Anna', 1, 0],
      ['Bernd', 0, 1],
    ])
    expect(rows[0]!.changes.edited[0]!.text).toBe('5')
    expect(rows[1]!.deletedShapes.map((shape) => shape.shapeId)).toEqual(['shape:a'])
  })

  it(`lists at most ${HISTORY_ITEMS_PER_KIND} shapes per kind with an exact count, and keeps deleted shapes up to MAX_DELETED_BYTES`, () => {
    const { history, change } = recorder()
    const many = 3 * HISTORY_ITEMS_PER_KIND
    const big = 'x'.repeat(Math.ceil(MAX_DELETED_BYTES / 50))
    change(Array.from({ length: many }, (_, n): [string, KeyValueChange<TLRecord>] => [`shape:n${n}`, { action: 'delete', oldValue: testNote(`n${n}`, big) }]))
    const [row] = history.take()
    expect(row!.changes.counts.deleted).toBe(many)
    expect(row!.changes.deleted).toHaveLength(HISTORY_ITEMS_PER_KIND)
    const kept = JSON.stringify(row!.deletedShapes).length
    expect(kept).toBeLessThanOrEqual(MAX_DELETED_BYTES + 1000)
    expect(row!.deletedShapes.length).toBeGreaterThan(10)
    expect(row!.deletedShapes.length).toBeLessThan(many)
  })

  it('leaves out what is not a person’s shape: pages, and changes of no shape at all', () => {
    const { history, change } = recorder()
    change([['page:x', { action: 'add', newValue: { id: 'page:x', typeName: 'page', name: 'Seite', index: 'a1', meta: {} } as unknown as TLRecord }]])
    expect(history.hasPending).toBe(false)
    expect(history.take()).toEqual([])
  })
})
