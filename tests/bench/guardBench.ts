/**
 * What the server's update check costs: the time `checkClientUpdate` takes for a participant's
 * typical edit (moving a note, which in the key-value layout inserts a new entry and deletes the
 * old one) on boards of growing size with a template on them, and for the cleanup of a
 * template part after a facilitator moved it (the check's slow path: it scans the records);
 * and what noting an edit for the board's history costs (HistoryRecorder), with the row it stores.
 */
import * as Y from 'yjs'
import { checkCommentEntry, getRecordsArray, getRecordsMap, initBoardDoc, KeyValueArray, readBoardRecords, type KeyValueChange } from '@dorfplatz/board'
import { testNote, updateFrom } from '@dorfplatz/board/testing'
import { buildTemplateRecords, getTemplate, isStructureShape } from '@dorfplatz/templates'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { checkIncomingRecord, isServerSchema } from '../../apps/server/src/sync/boardRecordCheck.ts'
import { checkClientUpdate, type GuardContext } from '../../apps/server/src/sync/updateGuard.ts'
import { HistoryRecorder } from '../../apps/server/src/sync/HistoryRecorder.ts'
import { historyRowData } from '../../apps/server/src/storage/HistoryLog.ts'

export interface GuardBenchResult {
  notes: number
  noteMoveMicros: number
  structureCleanupMicros: number
  /** What the history costs per accepted edit: noting a note's new text (finding its zone), in a row of its own. */
  historyMicros: number
  /** The stored row of that edit, in bytes of JSON. */
  historyRowBytes: number
}

function microsPer(iterations: number, run: (i: number) => void): number {
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) run(i)
  return Math.round(Number(process.hrtime.bigint() - started) / 1000 / iterations)
}

export function runGuardBench(notes: number, iterations = 2000): GuardBenchResult {
  const doc = new Y.Doc()
  initBoardDoc(doc, { title: 'Messung', pageName: 'Seite 1' })
  const matrix = getTemplate('priority-matrix')
  // Written as raw entries: a writable key-value view on this doc would clean up the duplicate
  // entry pushed below before the benchmark's client could.
  const instance = { instanceId: 'm', templateId: matrix.id, x: 0, y: 0, pageId: 'page:page', frameId: 'shape:matrix', locale: 'de' as const }
  const entries: Array<{ key: string; val: TLRecord }> = buildTemplateRecords(matrix, instance).map((shape) => ({ key: shape.id, val: shape }))
  for (let i = 0; i < notes; i++) {
    const note = testNote(`n${i}`, `Notiz ${i}`, { x: (i % 40) * 220, y: 1400 + Math.floor(i / 40) * 220 })
    entries.push({ key: note.id, val: note })
  }
  getRecordsArray(doc).push(entries)
  const view = new KeyValueArray<TLRecord>(getRecordsArray(doc), { readonly: true })
  const participant: GuardContext = {
    role: 'participant',
    currentRecord: (key) => view.get(key),
    checkRecord: (key, value) => checkIncomingRecord(doc, key, value),
    isAcceptedSchema: isServerSchema,
    checkComment: (key, value) => checkCommentEntry(doc, key, value),
  }

  const move = updateFrom(doc, (copy) => {
    const note = getRecordsMap(copy).get('shape:n0') as TLShape
    getRecordsMap(copy).set('shape:n0', { ...note, x: note.x + 50 })
  })
  const noteMoveMicros = microsPer(iterations, () => checkClientUpdate(doc, move, participant))

  // Each edit in a minute of its own: every one makes a new row (the dearer case; within a minute it merges).
  const history = new HistoryRecorder(doc)
  const note = view.get('shape:n0') as TLShape
  const edit = new Map<string, KeyValueChange<TLRecord>>([['shape:n0', { action: 'update', oldValue: note, newValue: testNote('n0', 'Geändert', { x: note.x, y: note.y }) }]])
  const author = { name: 'Bürgermeisterin Weber', color: '#2f6db5', role: 'participant' } as const
  let historyRowBytes = 0
  const historyMicros = microsPer(iterations, (i) => {
    history.record(edit, author, view, () => null, i * 60_000)
    historyRowBytes = historyRowData(history.take()[0]!).length
  })

  // A facilitator moves a template part without removing the old entry; a participant's client cleans it up.
  const [partId, part] = [...readBoardRecords(doc)].find(([, value]) => isStructureShape(value as TLRecord))!
  getRecordsArray(doc).push([{ key: partId, val: { ...(part as TLRecord), x: 10 } as TLRecord }])
  const cleanup = updateFrom(doc, (copy) => {
    const array = getRecordsArray(copy)
    const index = array.toArray().findIndex((entry) => entry.key === partId)
    array.delete(index, 1)
  })
  const structureCleanupMicros = microsPer(Math.max(50, iterations / 10), () => checkClientUpdate(doc, cleanup, participant))
  view.destroy()
  doc.destroy()
  return { notes, noteMoveMicros, structureCleanupMicros, historyMicros, historyRowBytes }
}
