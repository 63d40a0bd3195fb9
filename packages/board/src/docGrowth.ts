/**
 * Measures how a board document grows when records are overwritten, for the two layouts that
 * come into question: YKeyValue's layout over a Y.Array (what boards use, through
 * KeyValueArray) and a plain Y.Map. Used by
 * the tests and by `pnpm bench`.
 *
 * What it shows (Yjs 13.6): every overwrite leaves a tombstone, and tombstones only stay
 * small where they merge into runs, i.e. where one client wrote them one after another.
 * - One client overwriting one record: neither layout grows (Y.Map's tombstones merge too).
 * - One client overwriting several records in turn (dragging a selection, a template being
 *   filled in): the key-value layout stays flat, Y.Map grows by about 9 bytes per overwrite.
 * - Several clients whose writes interleave: both grow by about 9 bytes per overwrite,
 *   because tombstones of different clients cannot merge.
 * So the key-value layout costs about the same as a Y.Map where writers interleave, and far
 * less in the common single-writer bursts.
 */
import * as Y from 'yjs'
import { KeyValueArray } from './KeyValueArray.ts'

export interface DocGrowthOptions {
  /** How many distinct records the document holds. */
  records: number
  /** How many times every record is overwritten after it was created. */
  overwrites: number
  /** How many clients take turns writing, one write each (default 1). */
  writers?: number
}

export interface DocGrowth {
  /** Encoded document size with the key-value layout boards use. */
  keyValueBytes: number
  /** Encoded document size with a plain Y.Map. */
  mapBytes: number
}

/** A record the size of a typical sticky note; only `x` changes between writes. */
function noteRecord(index: number, revision: number): Record<string, unknown> {
  return {
    id: `shape:note-${index}`,
    typeName: 'shape',
    type: 'note',
    parentId: 'page:page',
    index: 'a1',
    x: 100 + revision,
    y: 200 + index,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      textLastEditedBy: null,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Idee ${index}` }] }] },
    },
  }
}

/** Docs that pass every update to each other at once, as clients of one room do. */
function connectedDocs(count: number): Y.Doc[] {
  const docs = Array.from({ length: count }, () => new Y.Doc())
  const relayed = Symbol('relayed')
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === relayed) return
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, relayed)
    })
  }
  return docs
}

export function measureDocGrowth({ records, overwrites, writers = 1 }: DocGrowthOptions): DocGrowth {
  const keyValueDocs = connectedDocs(writers)
  const keyValues = keyValueDocs.map((doc) => new KeyValueArray<Record<string, unknown>>(doc.getArray('records')))
  const mapDocs = connectedDocs(writers)
  const maps = mapDocs.map((doc) => doc.getMap<Record<string, unknown>>('records'))

  let write = 0
  for (let revision = 0; revision <= overwrites; revision++) {
    for (let index = 0; index < records; index++) {
      // One transaction per write, as each user edit is one.
      const record = noteRecord(index, revision)
      keyValues[write % writers]?.set(String(record.id), record)
      maps[write % writers]?.set(String(record.id), record)
      write++
    }
  }

  const [keyValueDoc] = keyValueDocs
  const [mapDoc] = mapDocs
  const growth = {
    keyValueBytes: keyValueDoc ? Y.encodeStateAsUpdate(keyValueDoc).byteLength : 0,
    mapBytes: mapDoc ? Y.encodeStateAsUpdate(mapDoc).byteLength : 0,
  }
  for (const doc of [...keyValueDocs, ...mapDocs]) doc.destroy()
  return growth
}
