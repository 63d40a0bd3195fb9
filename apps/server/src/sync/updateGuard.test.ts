import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import {
  FacilitationKey,
  getAuthorsMap,
  getFacilitationMap,
  getMeta,
  getRecordsArray,
  getRecordsMap,
  initBoardDoc,
  KeyValueArray,
  MetaKey,
  readBoardRecords,
} from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { buildTemplateRecords, getTemplate, isStructureShape } from '@dorfplatz/templates'
import { CloseCode } from '@dorfplatz/protocol'
import { checkIncomingRecord, isServerSchema, serverSchemaJson } from './boardRecordCheck.ts'
import { ProtocolError } from './ProtocolError.ts'
import { checkClientUpdate } from './updateGuard.ts'

/** A board as the server has it: seeded, with a SWOT template and one note. */
function serverBoard(): Y.Doc {
  const doc = new Y.Doc()
  initBoardDoc(doc, { title: 'Prüfung', pageName: 'Seite 1' })
  const swot = getTemplate('swot')
  const instance = { instanceId: 's', templateId: swot.id, x: 0, y: 0, pageId: 'page:page', frameId: 'shape:swot', locale: 'de' as const }
  const entries = [...buildTemplateRecords(swot, instance), testNote('n', 'Notiz')].map((record) => ({ key: record.id, val: record as TLRecord }))
  getRecordsArray(doc).push(entries)
  getAuthorsMap(doc).set('shape:n', { createdBy: { name: 'Anna', color: '#2f6db5', role: 'participant' }, changedBy: { name: 'Anna', color: '#2f6db5', role: 'participant' }, changedAt: 1 })
  return doc
}

/** The update `change` makes on a client's copy of `board`. */
function updateOf(board: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(board))
  const before = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, before)
}

/** The close code the guard refuses `change` with for `role`, or 'accepted'. */
function verdict(board: Y.Doc, role: 'facilitator' | 'participant', change: (doc: Y.Doc) => void): number | 'accepted' {
  const records = new KeyValueArray<TLRecord>(getRecordsArray(board), { readonly: true })
  try {
    checkClientUpdate(board, updateOf(board, change), {
      role,
      currentRecord: (key) => records.get(key),
      checkRecord: (key, value) => checkIncomingRecord(board, key, value),
      isAcceptedSchema: isServerSchema,
      checkComment: () => null,
    })
    return 'accepted'
  } catch (error) {
    if (error instanceof ProtocolError) return error.code
    throw error
  } finally {
    records.destroy()
  }
}

const structureIdOf = (board: Y.Doc) => [...readBoardRecords(board)].find(([, value]) => isStructureShape(value as TLRecord))![0]

describe('checkClientUpdate', () => {
  it('accepts notes written, changed and deleted, by participants and facilitators alike', () => {
    const board = serverBoard()
    for (const role of ['participant', 'facilitator'] as const) {
      expect(verdict(board, role, (doc) => getRecordsMap(doc).set('shape:new', testNote('new', 'Neu')))).toBe('accepted')
      expect(verdict(board, role, (doc) => getRecordsMap(doc).set('shape:n', testNote('n', 'Geändert')))).toBe('accepted')
      expect(verdict(board, role, (doc) => getRecordsMap(doc).delete('shape:n'))).toBe('accepted')
    }
  })

  it('accepts the board schema set to the server’s own, and refuses any other (4403)', () => {
    const board = serverBoard()
    expect(verdict(board, 'participant', (doc) => getMeta(doc).set(MetaKey.SCHEMA, serverSchemaJson()))).toBe('accepted')
    expect(verdict(board, 'facilitator', (doc) => getMeta(doc).set(MetaKey.SCHEMA, { schemaVersion: 99 }))).toBe(CloseCode.FORBIDDEN)
  })

  it('refuses the server’s own parts to everyone (4403): facilitation, voting rounds, authors, title, templates', () => {
    const board = serverBoard()
    const writes: Array<(doc: Y.Doc) => void> = [
      (doc) => getFacilitationMap(doc).set(FacilitationKey.FREEZE, { since: 1, name: 'x' }),
      (doc) => doc.getMap('votingRounds').set('r', { id: 'r' }),
      (doc) => getAuthorsMap(doc).set('shape:n', { changedBy: { name: 'Falsch', color: '#000000', role: 'facilitator' }, changedAt: 2 }),
      (doc) => getAuthorsMap(doc).delete('shape:n'),
      (doc) => getMeta(doc).set(MetaKey.TITLE, 'Gekapert'),
      (doc) => getMeta(doc).delete(MetaKey.TITLE),
    ]
    for (const write of writes) {
      expect(verdict(board, 'facilitator', write)).toBe(CloseCode.FORBIDDEN)
      expect(verdict(board, 'participant', write)).toBe(CloseCode.FORBIDDEN)
    }
  })

  it('refuses parts no board has, nested types and records as map entries (4400)', () => {
    const board = serverBoard()
    const writes: Array<(doc: Y.Doc) => void> = [
      (doc) => doc.getMap('other').set('x', 1),
      (doc) => doc.getArray('records').push([new Y.Map()]),
      (doc) => doc.getMap('records').set('shape:x', { key: 'shape:x', val: testNote('x') }),
      (doc) => doc.getText('records').insert(0, 'Text'),
    ]
    for (const write of writes) expect(verdict(board, 'facilitator', write)).toBe(CloseCode.BAD_MESSAGE)
  })

  it('refuses records that fail the checks (4400)', () => {
    const board = serverBoard()
    const invalid = { ...testNote('bad', 'x'), props: null } as unknown as TLRecord
    expect(verdict(board, 'facilitator', (doc) => getRecordsArray(doc).push([{ key: 'shape:bad', val: invalid }]))).toBe(CloseCode.BAD_MESSAGE)
    expect(verdict(board, 'facilitator', (doc) => (getRecordsArray(doc) as Y.Array<unknown>).push(['kein Eintrag']))).toBe(CloseCode.BAD_MESSAGE)
    expect(verdict(board, 'facilitator', (doc) => getRecordsArray(doc).push([{ key: 'shape:other', val: testNote('n') }]))).toBe(
      CloseCode.BAD_MESSAGE,
    )
  })

  it('lets facilitators change template structure, and refuses participants creating, changing or deleting it (4403)', () => {
    const board = serverBoard()
    const partId = structureIdOf(board)
    const move = (doc: Y.Doc) => {
      const part = getRecordsMap(doc).get(partId) as TLRecord & { x: number }
      getRecordsMap(doc).set(partId, { ...part, x: part.x + 10 } as TLRecord)
    }
    const forge = (doc: Y.Doc) => {
      const part = getRecordsMap(doc).get(partId) as TLRecord
      getRecordsMap(doc).set('shape:forged', { ...part, id: 'shape:forged' } as TLRecord)
    }
    const remove = (doc: Y.Doc) => getRecordsMap(doc).delete(partId)
    for (const change of [move, forge, remove]) {
      expect(verdict(board, 'facilitator', change)).toBe('accepted')
      expect(verdict(board, 'participant', change)).toBe(CloseCode.FORBIDDEN)
    }
  })

  it('lets a participant’s client clean up a superseded entry of template structure, as long as the part survives', () => {
    const board = serverBoard()
    const partId = structureIdOf(board)
    const part = readBoardRecords(board).get(partId) as TLRecord & { x: number }
    // A facilitator's newer entry, without the old one removed yet.
    getRecordsArray(board).push([{ key: partId, val: { ...part, x: part.x + 50 } as TLRecord }])
    const entries = () => getRecordsArray(board).toArray()
    const oldIndex = entries().findIndex((entry) => entry.key === partId)
    expect(verdict(board, 'participant', (doc) => getRecordsArray(doc).delete(oldIndex, 1))).toBe('accepted')
    // Deleting both entries deletes the part: refused.
    expect(
      verdict(board, 'participant', (doc) => {
        const array = getRecordsArray(doc)
        const indices = array.toArray().flatMap((entry, index) => (entry.key === partId ? [index] : []))
        for (const index of indices.reverse()) array.delete(index, 1)
      }),
    ).toBe(CloseCode.FORBIDDEN)
  })

  it('traces items placed next to other items of the same update to their root', () => {
    const board = serverBoard()
    // Many entries pushed one after another: each but the first sits next to the one before.
    expect(
      verdict(board, 'participant', (doc) => {
        for (let n = 0; n < 50; n++) getRecordsArray(doc).push([{ key: `shape:c${n}`, val: testNote(`c${n}`) }])
      }),
    ).toBe('accepted')
    // The same chain in the facilitation map: every item of it is refused with its root's rule.
    expect(
      verdict(board, 'participant', (doc) => {
        for (let n = 0; n < 50; n++) getFacilitationMap(doc).set('timer', { status: 'paused', durationMs: n, remainingMs: n })
      }),
    ).toBe(CloseCode.FORBIDDEN)
  })

  it('leaves an update whose items depend on what the server lacks to the caller (applied, they would stay pending)', () => {
    const board = serverBoard()
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(board))
    getRecordsMap(elsewhere).set('shape:never', testNote('never'))
    const before = Y.encodeStateVector(elsewhere)
    getRecordsMap(elsewhere).set('shape:after', testNote('after'))
    const orphan = Y.encodeStateAsUpdate(elsewhere, before)
    const records = new KeyValueArray<TLRecord>(getRecordsArray(board), { readonly: true })
    expect(() =>
      checkClientUpdate(board, orphan, {
        role: 'participant',
        currentRecord: (key) => records.get(key),
        checkRecord: (key, value) => checkIncomingRecord(board, key, value),
        isAcceptedSchema: isServerSchema,
        checkComment: () => null,
      }),
    ).not.toThrow()
  })
})
