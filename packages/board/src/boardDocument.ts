/**
 * The layout of a board's Y.Doc, one per board:
 *
 * - `records` (Y.Array in y-utility's YKeyValue layout, used through KeyValueArray): one
 *   `{ key, val }` entry per tldraw document-scope record (document, page, shape, binding,
 *   asset); `key` is the record id, `val` the whole record as JSON. An overwrite appends the
 *   new entry and deletes the old one, so the document does not grow with every edit the way
 *   a Y.Map does (see docGrowth.ts).
 * - `meta` (Y.Map): `schema` is tldraw's serialized schema the records are written in, so that
 *   an older client can refuse to write into a newer board; `title` is the board title;
 *   `templates` lists the workshop templates placed on the board (see templateInstances.ts).
 *
 * Session state (instance, camera, pointer) and presence never enter the document.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { KeyValueArray, type KeyValueEntry } from './KeyValueArray.ts'

export const RECORDS_KEY = 'records'
export const META_KEY = 'meta'

/** Field names inside the `meta` map. */
export const MetaKey = {
  SCHEMA: 'schema',
  TITLE: 'title',
  TEMPLATES: 'templates',
} as const

/** One entry of the `records` array. */
export type RecordEntry = KeyValueEntry<TLRecord>

export function getRecordsArray(doc: Y.Doc): Y.Array<RecordEntry> {
  return doc.getArray<RecordEntry>(RECORDS_KEY)
}

// A writable KeyValueArray observes its array and deletes superseded entries on every change;
// two of them on one doc would both do that work and keep two caches, so each doc gets one.
const recordsMaps = new WeakMap<Y.Doc, KeyValueArray<TLRecord>>()

/**
 * The board's records as a writable key-value map, observing the doc for the doc's lifetime.
 * Its cleanup of superseded entries writes to the doc, so it is not for clients that may not
 * write (bindStoreToDoc makes its own read-only view for them) nor for the server, which reads
 * with {@link readBoardRecords}.
 */
export function getRecordsMap(doc: Y.Doc): KeyValueArray<TLRecord> {
  let map = recordsMaps.get(doc)
  if (!map) {
    map = new KeyValueArray<TLRecord>(getRecordsArray(doc))
    recordsMaps.set(doc, map)
  }
  return map
}

export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY)
}

/** The board title, or '' when the document has none yet. */
export function readBoardTitle(doc: Y.Doc): string {
  const title = getMeta(doc).get(MetaKey.TITLE)
  return typeof title === 'string' ? title : ''
}

/** The serialized tldraw schema the records are written in, or null when there is none. */
export function readBoardSchema(doc: Y.Doc): SerializedSchema | null {
  const schema = getMeta(doc).get(MetaKey.SCHEMA)
  return typeof schema === 'object' && schema !== null ? (schema as SerializedSchema) : null
}

/**
 * The stored record values by id, read without attaching an observer. The values are
 * unvalidated and in the document's schema version (see {@link readBoardSchema}).
 * Follows the layout's rule: of several entries for one key, the rightmost wins; entries
 * that are not `{ key, val }` are ignored.
 */
export function readBoardRecords(doc: Y.Doc): Map<string, unknown> {
  const entries: unknown[] = getRecordsArray(doc).toArray()
  const winners = new Map<string, number>()
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]
    if (typeof entry !== 'object' || entry === null) continue
    const { key } = entry as { key?: unknown }
    if (typeof key === 'string' && !winners.has(key)) winners.set(key, index)
  }
  // In document order, so that exports list records in a stable, familiar order.
  const records = new Map<string, unknown>()
  for (const [key, index] of [...winners].sort((a, b) => a[1] - b[1])) {
    records.set(key, (entries[index] as { val?: unknown }).val)
  }
  return records
}
