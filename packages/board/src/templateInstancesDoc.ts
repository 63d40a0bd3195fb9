/**
 * A board's template instances in its document (`meta.templates`, see templateInstances.ts):
 * reading them, and adding a template with its records.
 */
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { getMeta, getRecordsArray, MetaKey, type RecordEntry } from './boardDocument.ts'
import { parseTemplateInstance, type TemplateInstance } from './templateInstances.ts'

/**
 * The board's template instances in the order they were added. Every client may write the
 * document, so entries that do not describe an instance (or name a template this version does
 * not know) are skipped; of two entries with one instance id the later one counts.
 */
export function readTemplateInstances(doc: Y.Doc): TemplateInstance[] {
  const stored = getMeta(doc).get(MetaKey.TEMPLATES)
  const values: unknown[] = stored instanceof Y.Array ? stored.toArray() : []
  const byId = new Map<string, TemplateInstance>()
  for (const value of values) {
    const instance = parseTemplateInstance(value)
    if (!instance) continue
    // Re-inserted so that the list stays in the order of the counting entries.
    byId.delete(instance.instanceId)
    byId.set(instance.instanceId, instance)
  }
  return [...byId.values()]
}

/**
 * The board's list of template instances, created when the board has none yet (in the caller's
 * transaction; see addTemplateToDoc for why the server is the one that creates it).
 */
export function templateInstancesArray(doc: Y.Doc): Y.Array<TemplateInstance> {
  const meta = getMeta(doc)
  const stored = meta.get(MetaKey.TEMPLATES)
  if (stored instanceof Y.Array) return stored as Y.Array<TemplateInstance>
  const created = new Y.Array<TemplateInstance>()
  meta.set(MetaKey.TEMPLATES, created)
  return created
}

/**
 * Adds a template's records and its instance to the board in one transaction, so that every
 * client sees the whole template or none of it. Works on a doc with or without a KeyValueArray
 * attached (the server has none): the records are appended as `{ key, val }` entries, which a
 * KeyValueArray reads as ordinary writes.
 *
 * The `templates` array is created on first use. Two clients that both create it at the same
 * moment would keep only one of the two arrays, which is why templates are meant to be added by
 * the server, which holds the one writable copy of a board.
 */
export function addTemplateToDoc(doc: Y.Doc, instance: TemplateInstance, records: readonly TLRecord[]): void {
  const checked = parseTemplateInstance(instance)
  if (!checked) throw new Error('addTemplateToDoc: not a valid template instance')
  if (readTemplateInstances(doc).some((existing) => existing.instanceId === checked.instanceId)) {
    throw new Error(`addTemplateToDoc: the board already holds template instance ${checked.instanceId}`)
  }
  if (!records.some((record) => record.id === checked.frameId)) {
    throw new Error('addTemplateToDoc: the records do not include the instance frame')
  }
  doc.transact(() => {
    templateInstancesArray(doc).push([checked])
    getRecordsArray(doc).push(records.map((record): RecordEntry => ({ key: record.id, val: record })))
  })
}
