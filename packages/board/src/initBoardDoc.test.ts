import { TLDOCUMENT_ID } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardRecords, readBoardSchema, readBoardTitle } from './boardDocument.ts'
import { createBoardSchema } from './createBoardSchema.ts'
import { FIRST_PAGE_ID, initBoardDoc } from './initBoardDoc.ts'
import { validateBoardRecord } from './validateBoardRecord.ts'

const schema = createBoardSchema()

describe('initBoardDoc', () => {
  it('seeds the schema, the title, the document record and one named page, all valid', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, { title: 'Bürgerforum Ortsmitte', pageName: 'Seite 1' })

    expect(readBoardTitle(doc)).toBe('Bürgerforum Ortsmitte')
    expect(readBoardSchema(doc)).toEqual(schema.serialize())
    const records = readBoardRecords(doc)
    expect([...records.keys()].sort()).toEqual([TLDOCUMENT_ID, FIRST_PAGE_ID].sort())
    for (const [id, record] of records) {
      expect(validateBoardRecord(schema, record, id)).toMatchObject({ ok: true })
      expect(schema.types[(record as { typeName: 'page' | 'document' }).typeName].validate(record)).toEqual(record)
    }
    expect(records.get(FIRST_PAGE_ID)).toMatchObject({ name: 'Seite 1' })
  })

  it('writes everything in one transaction, so that a client never sees half a board', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    initBoardDoc(doc, { title: 'Eins', pageName: 'Seite 1' })
    expect(updates).toBe(1)
  })

  it('refuses to seed a board twice', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, { title: 'Eins', pageName: 'Seite 1' })
    expect(() => initBoardDoc(doc, { title: 'Zwei', pageName: 'Seite 1' })).toThrow()
    expect(readBoardTitle(doc)).toBe('Eins')
  })
})
