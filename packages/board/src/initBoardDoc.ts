/**
 * Seeds a new board: runs on the server when a board is created, before any client connects,
 * so every client starts from the same document record, page and schema instead of each
 * inventing its own.
 */
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPage,
  type TLRecord,
} from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getMeta, getRecordsArray, MetaKey } from './boardDocument.ts'
import { createBoardSchema } from './createBoardSchema.ts'

/** The id of a board's first page; the same id tldraw gives a fresh store's page. */
export const FIRST_PAGE_ID = PageRecordType.createId('page')

export interface InitBoardDocOptions {
  title: string
  /** Display name of the first page (localised by the caller). */
  pageName: string
}

export function initBoardDoc(doc: Y.Doc, { title, pageName }: InitBoardDocOptions): void {
  const records = getRecordsArray(doc)
  if (records.length > 0) throw new Error('initBoardDoc: the document already has records')

  const seed: TLRecord[] = [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: FIRST_PAGE_ID, name: pageName, index: 'a1' as TLPage['index'] }),
  ]
  doc.transact(() => {
    const meta = getMeta(doc)
    meta.set(MetaKey.SCHEMA, createBoardSchema().serialize())
    meta.set(MetaKey.TITLE, title)
    // Written as raw entries rather than through getRecordsMap(): the array is empty, so the
    // result is identical, and the server's doc is spared the lifelong observer of a records map.
    records.push(seed.map((record) => ({ key: record.id, val: record })))
  })
}
