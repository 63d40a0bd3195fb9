import { createShapeId, type TLFrameShape, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getMeta, getRecordsMap, MetaKey, readBoardRecords } from './boardDocument.ts'
import { FIRST_PAGE_ID, initBoardDoc } from './initBoardDoc.ts'
import { isTemplateId, TEMPLATE_IDS, type TemplateInstance } from './templateInstances.ts'
import { addTemplateToDoc, readTemplateInstances } from './templateInstancesDoc.ts'
import { testNote } from './testing/testNote.ts'

function instance(instanceId: string, overrides: Partial<TemplateInstance> = {}): TemplateInstance {
  return {
    instanceId,
    templateId: 'swot',
    x: 100,
    y: -40,
    pageId: FIRST_PAGE_ID,
    frameId: createShapeId(`frame-${instanceId}`),
    locale: 'de',
    ...overrides,
  }
}

function frame(id: string): TLFrameShape {
  return {
    id: id as TLFrameShape['id'],
    typeName: 'shape',
    type: 'frame',
    parentId: FIRST_PAGE_ID,
    index: 'a1' as TLShape['index'],
    x: 100,
    y: -40,
    rotation: 0,
    isLocked: true,
    opacity: 1,
    meta: {},
    props: { w: 800, h: 600, name: 'SWOT', color: 'black' },
  }
}

function seededDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoardDoc(doc, { title: 'Workshop', pageName: 'Seite 1' })
  return doc
}

describe('template instances', () => {
  it('reads an empty list from a board without templates', () => {
    expect(readTemplateInstances(new Y.Doc())).toEqual([])
    expect(readTemplateInstances(seededDoc())).toEqual([])
  })

  it('adds records and instance in one transaction, on a doc without a records map attached', () => {
    const doc = seededDoc()
    const first = instance('a1b2c3')
    const note = { ...testNote('inside'), parentId: first.frameId as TLShape['parentId'] }
    let updates = 0
    doc.on('update', () => updates++)
    addTemplateToDoc(doc, first, [frame(first.frameId), note])

    expect(updates).toBe(1)
    expect(readTemplateInstances(doc)).toEqual([first])
    const records = readBoardRecords(doc)
    expect(records.get(first.frameId)).toEqual(frame(first.frameId))
    expect(records.get(note.id)).toEqual(note)

    // A client's records map sees them like any other write, also when it attaches first.
    const client = new Y.Doc()
    const map = getRecordsMap(client)
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    expect(map.get(first.frameId)).toEqual(frame(first.frameId))
    expect(readTemplateInstances(client)).toEqual([first])
  })

  it('keeps instances in the order they were added and refuses to add one twice', () => {
    const doc = seededDoc()
    const first = instance('one')
    const second = instance('two', { templateId: 'roadmap', x: 5000, locale: 'en' })
    addTemplateToDoc(doc, first, [frame(first.frameId)])
    addTemplateToDoc(doc, second, [frame(second.frameId)])
    expect(readTemplateInstances(doc).map((entry) => entry.instanceId)).toEqual(['one', 'two'])
    expect(() => addTemplateToDoc(doc, first, [frame(first.frameId)])).toThrow(/already/)
    expect(() => addTemplateToDoc(doc, instance('three'), [])).toThrow(/frame/)
    expect(() => addTemplateToDoc(doc, instance('', {}), [frame(first.frameId)])).toThrow(/valid/)
    expect(readTemplateInstances(doc)).toHaveLength(2)
  })

  it('skips malformed entries that any client may have written, and lets the later of two entries count', () => {
    const doc = seededDoc()
    const good = instance('good')
    addTemplateToDoc(doc, good, [frame(good.frameId)])
    const stored = getMeta(doc).get(MetaKey.TEMPLATES) as Y.Array<unknown>
    stored.push([
      null,
      'swot',
      { ...good, instanceId: 'unknown-template', templateId: 'crystal-ball' },
      { ...good, instanceId: 'bad-x', x: Number.NaN },
      { ...good, instanceId: 'bad-locale', locale: 'fr' },
      { ...good, instanceId: 'bad-page', pageId: 'nowhere' },
      { ...good, instanceId: 'bad-frame', frameId: 42 },
      { ...good, x: 900, extra: 'ignored' },
    ])
    expect(readTemplateInstances(doc)).toEqual([{ ...good, x: 900 }])

    // Not an array at all.
    getMeta(doc).set(MetaKey.TEMPLATES, 'templates')
    expect(readTemplateInstances(doc)).toEqual([])
  })

  it('knows the template ids', () => {
    expect(TEMPLATE_IDS).toContain('stakeholder-map')
    expect(isTemplateId('swot')).toBe(true)
    expect(isTemplateId('SWOT')).toBe(false)
    expect(isTemplateId(undefined)).toBe(false)
  })
})

describe('stored zones', () => {
  const zone = { id: 'z', name: { de: 'Zone', en: 'Zone' }, group: { de: 'G', en: 'G' }, area: { kind: 'rect' as const, x: 0, y: 0, w: 10, h: 10 } }
  const base = { instanceId: 'i1', templateId: 'swot' as const, x: 0, y: 0, pageId: 'page:page', frameId: 'shape:f', locale: 'de' as const }

  function stored(instance: unknown): ReturnType<typeof readTemplateInstances> {
    const doc = new Y.Doc()
    const list = new Y.Array<unknown>()
    getMeta(doc).set(MetaKey.TEMPLATES, list)
    list.push([instance])
    return readTemplateInstances(doc)
  }

  it('are read back with the frame size', () => {
    expect(stored({ ...base, width: 10, height: 10, zones: [zone] })).toEqual([{ ...base, width: 10, height: 10, zones: [zone] }])
  })

  it('are dropped whole when any of them is malformed, keeping the instance', () => {
    const broken = { ...zone, area: { kind: 'rect', x: 0, y: 0, w: 'wide', h: 10 } }
    expect(stored({ ...base, width: 10, height: 10, zones: [zone, broken] })).toEqual([base])
    expect(stored({ ...base, width: -1, height: 10, zones: [zone] })).toEqual([base])
    expect(stored({ ...base, width: 10, height: 10, zones: [{ ...zone, area: { kind: 'hexagon' } }] })).toEqual([base])
  })

  it('of an own template are its only source: without them, or without its name, the entry does not count', () => {
    const own = { ...base, templateId: 'own:klausur-matrix-0a1b2c3d', name: { de: 'Klausur-Matrix', en: 'Retreat matrix' }, version: 2 }
    expect(stored({ ...own, width: 10, height: 10, zones: [zone] })).toEqual([{ ...own, width: 10, height: 10, zones: [zone] }])
    const { version: _version, ...withoutVersion } = own
    expect(stored({ ...own, width: 10, height: 10, zones: [zone], version: -1 })).toEqual([{ ...withoutVersion, width: 10, height: 10, zones: [zone] }])
    expect(stored(own)).toEqual([])
    expect(stored({ ...own, name: 'Klausur', width: 10, height: 10, zones: [zone] })).toEqual([])
    expect(stored({ ...own, templateId: 'own:Nicht gültig', width: 10, height: 10, zones: [zone] })).toEqual([])
  })
})
