import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { bindStoreToDoc, createBoardSchema, getRecordsMap } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { applyRandomEdit } from '@dorfplatz/board/testing/randomBoardOps'
import { createTestStore } from '@dorfplatz/board/testing/store'
import { CloseCode } from '@dorfplatz/protocol'
import { checkUpdateShape } from './checkUpdateShape.ts'
import { ProtocolError } from './ProtocolError.ts'

function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  change(doc)
  return Y.encodeStateAsUpdate(doc)
}

function refusal(update: Uint8Array): string | null {
  try {
    checkUpdateShape(update)
    return null
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError)
    expect((error as ProtocolError).code).toBe(CloseCode.BAD_MESSAGE)
    return (error as Error).message
  }
}

describe('checkUpdateShape', () => {
  it('passes every update honest board clients make, in one piece and as a day offline', () => {
    const schema = createBoardSchema()
    const random = prng.create(7)
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const store = createTestStore(schema)
    bindStoreToDoc(store, doc)
    for (let serial = 0; serial < 300; serial++) applyRandomEdit(random, store, 1, serial)
    expect(updates.length).toBeGreaterThan(100)
    for (const update of updates) expect(refusal(update)).toBeNull()
    expect(refusal(Y.encodeStateAsUpdate(doc))).toBeNull()
    expect(refusal(Y.mergeUpdates(updates))).toBeNull()
  })

  it('reads values nested as deep as the bytes allow without recursing', () => {
    let deep: unknown = 'unten'
    for (let level = 0; level < 3000; level++) deep = level % 2 ? [deep, 1.5, 2n, true, null] : { inner: deep, text: 'ä', bytes: new Uint8Array([1, 2]) }
    expect(refusal(updateOf((doc) => doc.getArray('records').push([{ key: 'x', val: deep }])))).toBeNull()
  })

  it('refuses every kind of content but plain values, and nested types', () => {
    expect(refusal(updateOf((doc) => doc.getText('records').insert(0, 'Text')))).toMatch(/plain values/)
    expect(refusal(updateOf((doc) => doc.getArray('records').push([new Y.Map()])))).toMatch(/plain values/)
    expect(refusal(updateOf((doc) => doc.getArray('records').push([new Uint8Array([1])])))).toMatch(/plain values/)
    expect(refusal(updateOf((doc) => doc.getXmlFragment('x').insert(0, [new Y.XmlElement('p')])))).toMatch(/plain values/)
  })

  it('passes deleted runs, and refuses delete sets out of order or overlapping', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    for (let n = 0; n < 5; n++) records.set(`shape:${n}`, testNote(`${n}`, `${n}`))
    records.delete('shape:2')
    expect(refusal(Y.encodeStateAsUpdate(doc))).toBeNull()

    const deleteSet = (ranges: Array<[number, number]>) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, 42)
      encoding.writeVarUint(encoder, ranges.length)
      for (const [clock, length] of ranges) {
        encoding.writeVarUint(encoder, clock)
        encoding.writeVarUint(encoder, length)
      }
      return encoding.toUint8Array(encoder)
    }
    expect(refusal(deleteSet([[0, 2], [5, 1]]))).toBeNull()
    expect(refusal(deleteSet([[0, 5], [3, 1]]))).toMatch(/overlapping/)
    expect(refusal(deleteSet([[5, 1], [0, 1]]))).toMatch(/overlapping/)
    expect(refusal(deleteSet([[0, 0]]))).toMatch(/overlapping/)
  })

  it('refuses truncated and garbage updates as malformed', () => {
    const update = updateOf((doc) => getRecordsMap(doc).set('shape:a', testNote('a')))
    for (let end = 1; end < update.length; end += 7) expect(refusal(update.slice(0, end))).toBe('malformed Yjs update')
    expect(refusal(new Uint8Array([5, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1]))).toBe('malformed Yjs update')
  })
})
