/**
 * Adds the pages of a `.tldr` file (made in tldraw or exported from a Dorfplatz board) to a
 * board, as one change. Every record gets a new id, so an import never overwrites what the
 * board has, and the same file can be imported twice; references between the file's records
 * (parents, bindings, assets) follow the new ids. The imported pages go after the board's own.
 * Template marks are dropped: an imported template is drawing, not a template of this board.
 */
import crypto from 'node:crypto'
import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import { getRecordsArray, readBoardRecords, readTldrFile, type RecordEntry } from '@dorfplatz/board'
import { STRUCTURE_META_KEY } from '@dorfplatz/templates'
import type { ApiLocale, ImportResult } from '@dorfplatz/protocol'
import { invalid } from './BoardError.ts'

/** Added to an imported page's name, to tell it apart from the board's own pages of the same name. */
const IMPORTED_SUFFIX: Record<ApiLocale, string> = { de: 'importiert', en: 'imported' }

const newId = (typeName: string) => `${typeName}:${crypto.randomBytes(12).toString('base64url')}`

function lastPageIndex(doc: Y.Doc): IndexKey | null {
  let last: string | null = null
  for (const value of readBoardRecords(doc).values()) {
    const { typeName, index } = value as { typeName?: unknown; index?: unknown }
    if (typeName === 'page' && typeof index === 'string' && (last === null || index > last)) last = index
  }
  return last as IndexKey | null
}

export function importTldrFile(doc: Y.Doc, file: unknown, locale: ApiLocale = 'de'): ImportResult {
  const reading = readTldrFile(file)
  if (!reading.ok) throw invalid(`This file cannot be imported: ${reading.reason}.`)
  const records = reading.records.filter((record) => record.typeName !== 'document')
  const pages = records.filter((record) => record.typeName === 'page')
  if (pages.length === 0) throw invalid('This file cannot be imported: it has no page.')

  const ids = new Map<string, string>(records.map((record) => [record.id, newId(record.typeName)]))
  const mapped = (id: unknown, what: string): string => {
    const next = typeof id === 'string' ? ids.get(id) : undefined
    if (next === undefined) throw invalid(`This file cannot be imported: ${what} refers to ${String(id).slice(0, 80)}, which the file does not have.`.slice(0, 300))
    return next
  }
  const pageIndices = getIndicesAbove(lastPageIndex(doc), pages.length)
  let pageNumber = 0
  const imported = records.map((record): TLRecord => {
    const copy = structuredClone(record) as unknown as Record<string, unknown>
    copy.id = mapped(record.id, 'a record')
    switch (record.typeName) {
      case 'page':
        copy.index = pageIndices[pageNumber++]
        copy.name = `${String(copy.name)} (${IMPORTED_SUFFIX[locale]})`
        break
      case 'shape': {
        copy.parentId = mapped(copy.parentId, `shape ${record.id}`)
        const props = copy.props as Record<string, unknown>
        if (typeof props.assetId === 'string') props.assetId = mapped(props.assetId, `shape ${record.id}`)
        const meta = copy.meta as Record<string, unknown>
        if (STRUCTURE_META_KEY in meta) {
          const { [STRUCTURE_META_KEY]: _mark, ...rest } = meta
          copy.meta = rest
        }
        break
      }
      case 'binding':
        copy.fromId = mapped(copy.fromId, `binding ${record.id}`)
        copy.toId = mapped(copy.toId, `binding ${record.id}`)
        break
    }
    return copy as unknown as TLRecord
  })
  doc.transact(() => {
    getRecordsArray(doc).push(imported.map((record): RecordEntry => ({ key: record.id, val: record })))
  })
  const firstPage = imported.find((record) => record.typeName === 'page')
  return {
    pages: pages.length,
    shapes: imported.filter((record) => record.typeName === 'shape').length,
    firstPageId: firstPage?.id ?? null,
  }
}
