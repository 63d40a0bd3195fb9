import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  getMeta,
  getRecordsArray,
  getRecordsMap,
  MetaKey,
  readBoardRecords,
  readBoardSchema,
  readBoardTitle,
} from './boardDocument.ts'
import { testNote } from './testing/testNote.ts'

describe('the board document', () => {
  it('has one records map per doc', () => {
    const doc = new Y.Doc()
    expect(getRecordsMap(doc)).toBe(getRecordsMap(doc))
    expect(getRecordsMap(doc)).not.toBe(getRecordsMap(new Y.Doc()))
  })

  it('reads records as the map does, without attaching to the doc: the rightmost entry wins, junk is ignored', () => {
    const doc = new Y.Doc()
    const older = testNote('a', 'alt')
    const newer = testNote('a', 'neu')
    getRecordsArray(doc).push([
      { key: older.id, val: older },
      null as never,
      { key: newer.id, val: newer },
      { key: 'shape:b', val: testNote('b') },
    ])
    expect(Object.fromEntries(readBoardRecords(doc))).toEqual({ [newer.id]: newer, 'shape:b': testNote('b') })
    expect(Object.fromEntries(readBoardRecords(doc))).toEqual(
      Object.fromEntries([...getRecordsMap(doc).map].map(([id, entry]) => [id, entry.val])),
    )
  })

  it('reads an empty title and no schema from a doc nobody seeded, and ignores malformed ones', () => {
    const doc = new Y.Doc()
    expect(readBoardTitle(doc)).toBe('')
    expect(readBoardSchema(doc)).toBeNull()
    getMeta(doc).set(MetaKey.TITLE, 42)
    getMeta(doc).set(MetaKey.SCHEMA, 'v2')
    expect(readBoardTitle(doc)).toBe('')
    expect(readBoardSchema(doc)).toBeNull()
  })
})
