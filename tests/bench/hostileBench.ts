/**
 * What the server's checks cost for the worst message of each kind a participant may send, next
 * to the limit measured in the same run: Yjs merely decoding and applying an honest update of the
 * same size. Each check must stay within a small factor of that, and grow linearly with the size.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { checkCommentEntry, getRecordsArray, getRecordsMap, initBoardDoc, KeyValueArray } from '@dorfplatz/board'
import { testNote, updateFrom } from '@dorfplatz/board/testing'
import { MAX_AWARENESS_STATE_BYTES, MAX_UPDATE_DELETE_RANGES, MAX_UPDATE_STRUCTS } from '@dorfplatz/protocol'
import type { TLRecord } from '@tldraw/tlschema'
import { checkIncomingRecord, isServerSchema } from '../../apps/server/src/sync/boardRecordCheck.ts'
import { readAwarenessUpdate } from '../../apps/server/src/sync/syncMessages.ts'
import { checkClientUpdate, type GuardContext } from '../../apps/server/src/sync/updateGuard.ts'

export interface HostileBenchRow {
  kind: string
  bytes: number
  /** Time of the server's checks for one such message (refused or accepted, as it comes). */
  checkMs: number
  /** Yjs decoding and applying an honest update of about the same size, in the same run. */
  honestApplyMs: number
}

function millisPer(iterations: number, run: () => void): number {
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) run()
  return Math.round(Number(process.hrtime.bigint() - started) / 1e4 / iterations) / 100
}

/** An honest update of at least `bytes`: notes written by one client, as a day offline makes them. */
function honestUpdateOf(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const records = getRecordsMap(doc)
  let written = 0
  for (let n = 0; ; n++) {
    const note = testNote(`honest-${n}`, `Eine ehrliche Notiz Nummer ${n} mit etwas mehr Text darin`)
    records.set(note.id, note)
    written += 420
    if (written >= bytes) break
  }
  return Y.encodeStateAsUpdate(doc)
}

function honestApplyMs(bytes: number): number {
  const update = honestUpdateOf(bytes)
  return millisPer(5, () => {
    const doc = new Y.Doc()
    Y.decodeUpdate(update)
    Y.applyUpdate(doc, update)
    doc.destroy()
  })
}

/** The board the checks run against: a seeded board with 1,000 notes. */
function benchBoard(): { doc: Y.Doc; context: GuardContext } {
  const doc = new Y.Doc()
  initBoardDoc(doc, { title: 'Messung', pageName: 'Seite 1' })
  getRecordsArray(doc).push(Array.from({ length: 1000 }, (_, n) => testNote(`n${n}`, `Notiz ${n}`)).map((note) => ({ key: note.id, val: note as TLRecord })))
  const view = new KeyValueArray<TLRecord>(getRecordsArray(doc), { readonly: true })
  const context: GuardContext = {
    role: 'participant',
    currentRecord: (key) => view.get(key),
    checkRecord: (key, value) => checkIncomingRecord(doc, key, value),
    isAcceptedSchema: isServerSchema,
    checkComment: (key, value) => checkCommentEntry(doc, key, value),
  }
  return { doc, context }
}

function checkMs(doc: Y.Doc, context: GuardContext, update: Uint8Array): number {
  return millisPer(5, () => {
    try {
      checkClientUpdate(doc, update, context)
    } catch {
      // Refused, as it should be; the time is what counts here.
    }
  })
}

export function runHostileBench(): HostileBenchRow[] {
  const { doc, context } = benchBoard()
  const rows: HostileBenchRow[] = []
  const add = (kind: string, bytes: number, ms: number) => rows.push({ kind, bytes, checkMs: ms, honestApplyMs: honestApplyMs(bytes) })
  const addUpdate = (kind: string, update: Uint8Array) => add(kind, update.byteLength, checkMs(doc, context, update))

  // Valid notes filling a large offline answer: every one is validated, then accepted.
  addUpdate('valid notes, 1 MB (accepted)', updateFrom(doc, (copy) => {
    const records = getRecordsMap(copy)
    for (let n = 0; n < 2500; n++) records.set(`shape:offline-${n}`, testNote(`offline-${n}`, `Offline geschrieben ${n} mit etwas Text`))
  }))
  // 20,000 nested maps: refused at the first nested item.
  addUpdate('20,000 nested maps', updateFrom(doc, (copy) => {
    let map = copy.getMap<unknown>('unused')
    copy.transact(() => {
      for (let level = 0; level < 20_000; level++) {
        const next = new Y.Map<unknown>()
        map.set('k', next)
        map = next
      }
    })
  }))
  // The largest number of structs, each a separate client: decoded, counted, refused.
  const structs = encoding.createEncoder()
  encoding.writeVarUint(structs, MAX_UPDATE_STRUCTS + 1)
  for (let client = MAX_UPDATE_STRUCTS + 1; client >= 1; client--) {
    encoding.writeVarUint(structs, 1)
    encoding.writeVarUint(structs, client + 1_000_000)
    encoding.writeVarUint(structs, 0)
    encoding.writeUint8(structs, 8)
    encoding.writeVarUint(structs, 1)
    encoding.writeVarString(structs, 'records')
    encoding.writeVarUint(structs, 1)
    encoding.writeAny(structs, 1)
  }
  encoding.writeVarUint(structs, 0)
  addUpdate(`${MAX_UPDATE_STRUCTS + 1} structs`, encoding.toUint8Array(structs))
  // Each item's origin is the next one in the update: a chain as long as the update, resolved once each.
  const chainLength = MAX_UPDATE_STRUCTS - 1
  const chain = encoding.createEncoder()
  encoding.writeVarUint(chain, chainLength)
  for (let n = chainLength; n >= 1; n--) {
    encoding.writeVarUint(chain, 1)
    encoding.writeVarUint(chain, 2_000_000 + n)
    encoding.writeVarUint(chain, 0)
    if (n < chainLength) {
      encoding.writeUint8(chain, 8 | 0x80)
      encoding.writeVarUint(chain, 2_000_000 + n + 1)
      encoding.writeVarUint(chain, 0)
    } else {
      encoding.writeUint8(chain, 8)
      encoding.writeVarUint(chain, 1)
      encoding.writeVarString(chain, 'records')
    }
    encoding.writeVarUint(chain, 1)
    encoding.writeAny(chain, { key: `shape:c${n}`, val: null })
  }
  encoding.writeVarUint(chain, 0)
  addUpdate(`a chain of ${chainLength} origins`, encoding.toUint8Array(chain))
  // The most delete ranges, sorted and apart, over the board's own items: each looked at once.
  const deletes = encoding.createEncoder()
  encoding.writeVarUint(deletes, 0)
  encoding.writeVarUint(deletes, 1)
  encoding.writeVarUint(deletes, doc.clientID)
  encoding.writeVarUint(deletes, MAX_UPDATE_DELETE_RANGES)
  for (let range = 0; range < MAX_UPDATE_DELETE_RANGES; range++) {
    encoding.writeVarUint(deletes, range * 2)
    encoding.writeVarUint(deletes, 1)
  }
  addUpdate(`${MAX_UPDATE_DELETE_RANGES} delete ranges`, encoding.toUint8Array(deletes))
  // A record as deep as JSON allows within a message: refused before any validator recurses.
  addUpdate('a record nested 5,000 levels', updateFrom(doc, (copy) => {
    let deep: unknown = 'unten'
    for (let level = 0; level < 5_000; level++) deep = [deep]
    getRecordsArray(copy).push([{ key: 'shape:deep', val: { ...testNote('deep'), meta: { deep } } as TLRecord }])
  }))
  // Presence as deep as its size limit allows.
  const levels = Math.floor((MAX_AWARENESS_STATE_BYTES - 20) / 2)
  const presence = encoding.createEncoder()
  encoding.writeVarUint(presence, 1)
  encoding.writeVarUint(presence, 1)
  encoding.writeVarUint(presence, 1)
  encoding.writeVarString(presence, `{"c":${'['.repeat(levels)}${']'.repeat(levels)}}`)
  const presenceUpdate = encoding.toUint8Array(presence)
  add(`presence nested ${levels} levels`, presenceUpdate.byteLength, millisPer(20, () => {
    try {
      readAwarenessUpdate(presenceUpdate)
    } catch {
      // Refused.
    }
  }))
  doc.destroy()
  return rows
}
