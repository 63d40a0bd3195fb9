/**
 * Makes a board's records equal to a given set, as one new change: records that differ or are
 * missing are written, records that are not in the set are deleted, the rest is left alone.
 * This is how a snapshot is restored: connected clients see the difference arrive like any
 * edit, and nothing already in the document's history is rewritten.
 */
import { equalityDeep } from 'lib0/function'
import type * as Y from 'yjs'
import { getRecordsArray, readBoardRecords, type RecordEntry } from './boardDocument.ts'
import type { TemplateInstance } from './templateInstances.ts'
import { readTemplateInstances, templateInstancesArray } from './templateInstancesDoc.ts'

export interface ReplaceResult {
  written: number
  deleted: number
}

export function replaceBoardRecords(doc: Y.Doc, target: ReadonlyMap<string, unknown>, origin: unknown = null): ReplaceResult {
  const array = getRecordsArray(doc)
  const live = readBoardRecords(doc)
  /** Every position that holds an entry for a key (superseded ones too). */
  const positions = new Map<string, number[]>()
  array.toArray().forEach((entry: unknown, index) => {
    const key = typeof entry === 'object' && entry !== null ? (entry as { key?: unknown }).key : undefined
    if (typeof key !== 'string') return
    const list = positions.get(key)
    if (list) list.push(index)
    else positions.set(key, [index])
  })
  const doomed: number[] = []
  const written: RecordEntry[] = []
  for (const [key, value] of target) {
    if (live.has(key) && equalityDeep(live.get(key), value)) continue
    doomed.push(...(positions.get(key) ?? []))
    written.push({ key, val: value } as RecordEntry)
  }
  let deleted = 0
  for (const key of live.keys()) {
    if (target.has(key)) continue
    doomed.push(...(positions.get(key) ?? []))
    deleted++
  }
  if (doomed.length === 0 && written.length === 0) return { written: 0, deleted: 0 }
  doc.transact(() => {
    // From the end, one run of neighbouring positions at a time, so earlier positions stay valid.
    doomed.sort((a, b) => b - a)
    let index = 0
    while (index < doomed.length) {
      let start = doomed[index]!
      let length = 1
      while (index + length < doomed.length && doomed[index + length] === start - 1) {
        start--
        length++
      }
      array.delete(start, length)
      index += length
    }
    if (written.length > 0) array.push(written)
  }, origin)
  return { written: written.length, deleted }
}

/** Adds the template instances the board does not hold yet (by instance id), keeping the others. */
export function addMissingTemplateInstances(doc: Y.Doc, instances: readonly TemplateInstance[]): number {
  const known = new Set(readTemplateInstances(doc).map((instance) => instance.instanceId))
  const missing = instances.filter((instance) => !known.has(instance.instanceId))
  if (missing.length === 0) return 0
  doc.transact(() => templateInstancesArray(doc).push(missing))
  return missing.length
}
