/**
 * Keeps a tldraw store and a board's Y.Doc in step: the doc is the shared truth, the store is
 * what this client's editor shows and edits. Call it once the doc holds the server's state
 * (the provider's first `sync`), so that the store is replaced by the board rather than the
 * other way round.
 */
import type { RecordsDiff, SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { equalityDeep } from 'lib0/function'
import type * as Y from 'yjs'
import { getMeta, getRecordsArray, getRecordsMap, MetaKey } from './boardDocument.ts'
import { compareSchema, type SchemaComparison } from './compareSchema.ts'
import { createWarnOnce } from './createWarnOnce.ts'
import { KeyValueArray, type KeyValueChange } from './KeyValueArray.ts'
import { BOARD_RECORD_TYPES, validateBoardRecord, validateBoardRecords } from './validateBoardRecord.ts'

/**
 * - `synced`: the store mirrors the board.
 * - `newer-schema`: the board was written by a newer tldraw schema than this client's. The store
 *   shows what this client can read of it, and nothing is ever written to the doc; the app
 *   should ask the user to reload.
 */
export type BoardStatus = 'synced' | 'newer-schema'

export interface BindStoreToDocOptions {
  /** Never write to the doc (viewers). Edits made in the store anyway stay local. */
  readonly?: boolean
  /** Called once with the initial status before bindStoreToDoc returns, then on every change. */
  onStatus?: (status: BoardStatus) => void
  /**
   * Called when a local edit made a record the server would refuse (too large, a picture from
   * another site, …; see validateBoardRecord). The edit is not written to the doc, and the store
   * goes back to the board's version of the record.
   */
  onRefused?: (record: TLRecord, reason: string) => void
  /**
   * Which of the store's board records this doc holds (by default all of them). Two bindings
   * can share one store this way: the board's document and a private space of "Stilles
   * Brainstorming", each writing and replacing only the records it owns.
   */
  owns?: (record: TLRecord) => boolean
}

export interface BoardBinding {
  readonly status: BoardStatus
  dispose(): void
}

function isBoardRecord(record: TLRecord): boolean {
  return BOARD_RECORD_TYPES.has(record.typeName)
}

export function bindStoreToDoc(
  store: TLStore,
  doc: Y.Doc,
  { readonly = false, onStatus, onRefused, owns = isBoardRecord }: BindStoreToDocOptions = {},
): BoardBinding {
  const isOwned = (record: TLRecord): boolean => isBoardRecord(record) && owns(record)
  const schema = store.schema
  const currentSchema = schema.serialize()
  // A read-only client must not even send the cleanup deletions a writable map makes.
  const records = readonly ? new KeyValueArray<TLRecord>(getRecordsArray(doc), { readonly: true }) : getRecordsMap(doc)
  const meta = getMeta(doc)
  const warn = createWarnOnce('board binding')
  // Tags the transactions of this binding, so that their change events are not applied back
  // to the store they came from; an object, so no other code can use the same origin by accident.
  const origin = { source: 'dorfplatz-board-binding' }

  let status: BoardStatus = 'synced'
  let disposed = false

  let lastStoredSchema: unknown
  let lastComparison: SchemaComparison = 'same'
  /** Compares the doc's current schema with ours, once per distinct schema value. */
  const readDocSchema = (): { stored: unknown; comparison: SchemaComparison } => {
    const stored = meta.get(MetaKey.SCHEMA)
    if (stored !== lastStoredSchema) {
      lastStoredSchema = stored
      // A doc without a schema has only ever been written by clients of this code; its
      // records are taken to be in the current schema, which is written down on first write.
      lastComparison = stored === undefined ? 'same' : compareSchema(currentSchema, stored)
    }
    if (lastComparison === 'newer') status = 'newer-schema'
    return { stored, comparison: lastComparison }
  }
  /** The schema to migrate incoming records from, or null when they are current (or unreadable). */
  const migrationSource = (): SerializedSchema | null => {
    const { stored, comparison } = readDocSchema()
    return comparison === 'older' ? (stored as SerializedSchema) : null
  }
  const mayWrite = (): boolean => !readonly && !disposed && status === 'synced'

  const writeToDoc = (write: () => void): void => {
    doc.transact(write, origin)
  }

  // -- Local edits to the doc ----------------------------------------------------------------
  //
  // tldraw delivers store history once per animation frame, so remote changes may have been
  // merged into the store between a user's edit and this listener. Writing each touched
  // record's current value from the store (rather than the diff's `to` value) keeps such a
  // late write from overwriting a newer remote value in the doc and leaving the store behind.
  const onLocalChanges = ({ changes }: { changes: RecordsDiff<TLRecord> }): void => {
    if (!mayWrite()) return
    const touched = new Map<TLRecord['id'], TLRecord>()
    for (const record of Object.values(changes.added)) touched.set(record.id, record)
    for (const [, record] of Object.values(changes.updated)) touched.set(record.id, record)
    for (const record of Object.values(changes.removed)) touched.set(record.id, record)
    const puts: Array<[string, TLRecord]> = []
    const removals: string[] = []
    const refused: Array<{ record: TLRecord; reason: string }> = []
    for (const [id, touchedRecord] of touched) {
      if (!isOwned(touchedRecord)) continue
      const record = store.get(id)
      if (record) {
        if (!isOwned(record)) continue
        const stored = records.get(id)
        if (stored === record || equalityDeep(stored, record)) continue
        // The server checks every record the same way and closes the socket of a client that
        // sends one it refuses; such an edit stays out of the doc.
        const check = validateBoardRecord(schema, record, id)
        if (check.ok) puts.push([id, record])
        else refused.push({ record, reason: check.reason })
      } else if (records.has(id)) {
        removals.push(id)
      }
    }
    if (puts.length > 0 || removals.length > 0) writeToDoc(() => records.write(puts, removals))
    if (refused.length > 0) undoRefused(refused)
  }

  /** Puts the board's version of refused records back into the store (or removes new ones), and tells the app. */
  const undoRefused = (refused: Array<{ record: TLRecord; reason: string }>): void => {
    const from = migrationSource()
    store.mergeRemoteChanges(() => {
      for (const { record } of refused) {
        const stored = records.get(record.id)
        const check = stored === undefined ? null : validateBoardRecord(schema, stored, record.id, from)
        if (check?.ok) store.put([check.record])
        else store.remove([record.id])
      }
    })
    for (const { record, reason } of refused) {
      warn(`kept a change to ${JSON.stringify(record.id)} off the board: ${reason}`)
      onRefused?.(record, reason)
    }
  }
  // Registered before the initial load, so that the records tldraw's integrity checker adds
  // after it (a page, if the board had none) reach the doc as well.
  const stopListening = store.listen(onLocalChanges, { source: 'user', scope: 'document' })

  // -- Remote changes to the store -----------------------------------------------------------
  const onRemoteChanges = (changes: Map<string, KeyValueChange<unknown>>, transaction: Y.Transaction): void => {
    if (disposed || transaction.origin === origin) return
    // Read at event time: a transaction that upgrades the doc changes schema and records together.
    const from = migrationSource()
    const puts: TLRecord[] = []
    const removals: TLRecord['id'][] = []
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        const existing = store.get(id as TLRecord['id'])
        if (existing && isOwned(existing)) removals.push(existing.id)
        continue
      }
      const check = validateBoardRecord(schema, change.newValue, id, from)
      // An invalid value leaves the store's previous version of the record in place.
      if (check.ok) puts.push(check.record)
      else warn(`skipped record ${JSON.stringify(id)} from the board: ${check.reason}`)
    }
    if (puts.length > 0 || removals.length > 0) {
      try {
        store.mergeRemoteChanges(() => {
          if (removals.length > 0) store.remove(removals)
          if (puts.length > 0) store.put(puts)
        })
      } catch (error) {
        // This runs inside Yjs's observer calls: throwing here would break the provider's
        // message handling, so a failure costs this batch but never the connection.
        warn(`could not apply a remote change: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    notifyIfStatusChanged()
  }

  const onMetaChange = (event: Y.YMapEvent<unknown>): void => {
    if (disposed || !event.keysChanged.has(MetaKey.SCHEMA)) return
    readDocSchema()
    notifyIfStatusChanged()
  }

  let reportedStatus: BoardStatus | null = null
  const notifyIfStatusChanged = (): void => {
    if (status === reportedStatus) return
    reportedStatus = status
    onStatus?.(status)
  }

  // -- Initial load --------------------------------------------------------------------------
  const { stored: storedSchema, comparison } = readDocSchema()
  const stored = new Map<string, unknown>()
  for (const [id, entry] of records.map) stored.set(id, entry.val)

  if (stored.size === 0) {
    // Only a doc nobody seeded gets here; the server seeds every board it creates.
    if (mayWrite()) {
      writeToDoc(() => {
        meta.set(MetaKey.SCHEMA, currentSchema)
        const seed = store.allRecords().filter(isOwned)
        records.write(
          seed.map((record) => [record.id, record]),
          [],
        )
      })
    }
  } else {
    const from = comparison === 'older' ? (storedSchema as SerializedSchema) : null
    const { records: loaded, rejected } = validateBoardRecords(schema, stored, from)
    for (const [id, reason] of rejected) {
      warn(`skipped record ${JSON.stringify(id)} from the board: ${reason}`)
    }
    store.mergeRemoteChanges(() => {
      const local = store.allRecords().filter((record) => isOwned(record) && !loaded.has(record.id))
      if (local.length > 0) store.remove(local.map((record) => record.id))
      store.put([...loaded.values()])
    })
    if (mayWrite() && (from || storedSchema === undefined)) {
      // Upgrade the doc in one transaction, schema first: clients of this version then read
      // the migrated records as current, and older clients see a newer schema and stop writing.
      writeToDoc(() => {
        meta.set(MetaKey.SCHEMA, currentSchema)
        const migrated = [...loaded].filter(([id, record]) => !equalityDeep(stored.get(id), record))
        records.write(migrated, [])
      })
    }
  }

  records.on('change', onRemoteChanges)
  meta.observe(onMetaChange)
  notifyIfStatusChanged()

  return {
    get status() {
      return status
    },
    dispose() {
      if (disposed) return
      disposed = true
      records.off('change', onRemoteChanges)
      if (readonly) records.destroy()
      meta.unobserve(onMetaChange)
      stopListening()
    },
  }
}
