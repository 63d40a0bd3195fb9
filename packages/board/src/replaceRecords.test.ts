import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsArray, getRecordsMap, readBoardRecords } from './boardDocument.ts'
import { replaceBoardRecords } from './replaceRecords.ts'
import { testNote } from './testing/testNote.ts'

function syncedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update))
  return [a, b]
}

describe('replaceBoardRecords', () => {
  it('writes what differs, deletes what is missing, and leaves the rest alone', () => {
    const doc = new Y.Doc()
    const kept = testNote('kept', 'bleibt')
    const changed = testNote('changed', 'alt')
    const extra = testNote('extra', 'kommt weg')
    getRecordsArray(doc).push([
      { key: kept.id, val: kept },
      { key: changed.id, val: changed },
      { key: extra.id, val: extra },
      // A superseded entry of `changed`, as a client that has not cleaned up yet leaves it.
      { key: changed.id, val: { ...changed, x: 99 } },
    ])
    const before = getRecordsArray(doc).toArray()[0]
    const restored = testNote('changed', 'wiederhergestellt')
    const added = testNote('added', 'neu')
    const result = replaceBoardRecords(
      doc,
      new Map<string, unknown>([
        [kept.id, kept],
        [restored.id, restored],
        [added.id, added],
      ]),
    )
    expect(result).toEqual({ written: 2, deleted: 1 })
    expect(readBoardRecords(doc)).toEqual(
      new Map<string, unknown>([
        [kept.id, kept],
        [restored.id, restored],
        [added.id, added],
      ]),
    )
    // Exactly one entry per key remains, and the untouched record kept its entry.
    expect(getRecordsArray(doc).length).toBe(3)
    expect(getRecordsArray(doc).toArray()[0]).toBe(before)
  })

  it('converges on the target while another client edits at the same time', () => {
    const [server, client] = syncedPair()
    const records = getRecordsMap(client)
    const note = testNote('n', 'Stand 1')
    records.set(note.id, note)
    const snapshot = readBoardRecords(server)
    records.set('shape:later', testNote('later', 'nach dem Stand'))
    records.set(note.id, { ...note, x: 500 })
    expect(replaceBoardRecords(server, snapshot)).toEqual({ written: 1, deleted: 1 })
    expect(readBoardRecords(client)).toEqual(snapshot)
    expect(readBoardRecords(server)).toEqual(snapshot)
  })

  it('changes nothing when the board already equals the target', () => {
    const doc = new Y.Doc()
    const note = testNote('n')
    getRecordsArray(doc).push([{ key: note.id, val: note }])
    let updates = 0
    doc.on('update', () => updates++)
    expect(replaceBoardRecords(doc, readBoardRecords(doc))).toEqual({ written: 0, deleted: 0 })
    expect(updates).toBe(0)
  })
})
