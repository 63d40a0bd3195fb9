import {
  addTemplateToDoc,
  createBoardSchema,
  initBoardDoc,
  readBoardRecords,
  readBoardSchema,
  readTemplateInstances,
} from '@dorfplatz/board'
import { createShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { findZone } from './findZone.ts'
import type { Rect, TemplateInstance } from './index.ts'
import { placeTemplate } from './placeTemplate.ts'
import { TEMPLATES } from './templateCatalogue.ts'

describe('templates on a board document', () => {
  it('seeds a board with every template, readable and valid on another client', () => {
    const server = new Y.Doc()
    initBoardDoc(server, { title: 'Digitale Kommune – Workshop 1', pageName: 'Seite 1' })
    const occupied: Rect[] = []
    for (const [position, template] of TEMPLATES.entries()) {
      const spot = placeTemplate(template, occupied)
      occupied.push({ ...spot, w: template.width, h: template.height })
      const instance: TemplateInstance = {
        instanceId: `i${position}`,
        templateId: template.id,
        ...spot,
        pageId: 'page:page',
        frameId: createShapeId(`template-i${position}`),
        locale: position % 2 === 0 ? 'de' : 'en',
      }
      addTemplateToDoc(server, instance, buildTemplateRecords(template, instance))
    }

    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const instances = readTemplateInstances(client)
    expect(instances.map((instance) => instance.templateId)).toEqual(TEMPLATES.map((template) => template.id))

    const schema = createBoardSchema()
    expect(readBoardSchema(client)).toEqual(schema.serialize())
    const records = readBoardRecords(client)
    for (const [id, record] of records) {
      const typeName = (record as { typeName: 'shape' | 'page' | 'document' }).typeName
      expect(schema.types[typeName].validate(record), id).toEqual(record)
    }
    for (const instance of instances) expect(records.has(instance.frameId)).toBe(true)

    const roadmap = instances.find((instance) => instance.templateId === 'roadmap')!
    expect(findZone(instances, 'page:page', { x: roadmap.x + 400, y: roadmap.y + 300 })?.zone.id).toBe('einwohner.jetzt')
  })
})
