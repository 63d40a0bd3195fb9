import { createBoardSchema, FIRST_PAGE_ID, validateBoardRecord } from '@dorfplatz/board'
import { createShapeId, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { readStructureMeta } from './structureMeta.ts'
import { TEMPLATES } from './templateCatalogue.ts'
import type { TemplateDefinition } from './TemplateDefinition.ts'
import { TEMPLATE_LOCALES, type TemplateInstance, type TemplateLocale } from './index.ts'
import { boxesOverlap, boxInside, labelCrosses, labelOf, outlineOf } from './testing/structureGeometry.ts'

const schema = createBoardSchema()

function instanceOf(template: TemplateDefinition, locale: TemplateLocale): TemplateInstance {
  return {
    instanceId: `t-${template.id}`,
    templateId: template.id,
    x: 1200,
    y: -300,
    pageId: FIRST_PAGE_ID,
    frameId: createShapeId(`template-${template.id}`),
    locale,
  }
}

const cases = TEMPLATES.flatMap((template) => TEMPLATE_LOCALES.map((locale) => [template.id, locale, template] as const))

describe.each(cases)('buildTemplateRecords(%s, %s)', (_id, locale, template) => {
  const instance = instanceOf(template, locale)
  const records = buildTemplateRecords(template, instance)
  const [frame, ...children] = records as [TLShape, ...TLShape[]]

  it('builds records that the board schema accepts as they are', () => {
    for (const record of records) {
      expect(schema.types[record.typeName].validate(record)).toEqual(record)
      expect(validateBoardRecord(schema, record, record.id)).toMatchObject({ ok: true })
    }
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length)
  })

  it('puts the named frame first, at the instance position on its page, with every child inside it', () => {
    expect(frame).toMatchObject({
      id: instance.frameId,
      type: 'frame',
      parentId: FIRST_PAGE_ID,
      x: instance.x,
      y: instance.y,
      props: { name: template.name[locale], w: template.width, h: template.height },
    })
    const bounds = { x: 0, y: 0, w: template.width, h: template.height }
    for (const child of children) {
      expect(child.parentId).toBe(instance.frameId)
      const label = labelOf(child)
      const outline = outlineOf(child)
      if (label) expect(boxInside(label.box, bounds), `${label.text} lies inside the frame`).toBe(true)
      if (outline?.kind === 'box') expect(boxInside(outline.box, bounds), child.id).toBe(true)
      if (outline?.kind === 'circle') {
        const { cx, cy, r } = outline
        expect(boxInside({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r }, bounds), child.id).toBe(true)
      }
      if (outline?.kind === 'segment') {
        for (const [x, y] of [
          [outline.x1, outline.y1],
          [outline.x2, outline.y2],
        ] as const) {
          expect(boxInside({ x, y, w: 0, h: 0 }, bounds), child.id).toBe(true)
        }
      }
    }
    // Children are stacked in the order given, areas at the bottom and labels on top.
    const indices = children.map((child) => child.index)
    expect([...indices].sort()).toEqual(indices)
    expect(children.at(-1)?.type).toBe('text')
  })

  it('locks and marks every shape as structure of this instance', () => {
    for (const record of records) {
      expect(record.isLocked).toBe(true)
      expect(readStructureMeta(record)).toMatchObject({
        templateInstance: instance.instanceId,
        templateId: template.id,
        role: 'structure',
      })
    }
    // Every rectangular or circular zone is drawn as one area that names it.
    const zoneAreas = children.filter((child) => readStructureMeta(child)?.zone !== undefined)
    expect(zoneAreas.map((child) => readStructureMeta(child)?.zone).sort()).toEqual(
      template.zones.filter((zone) => zone.area.kind !== 'ring-sector').map((zone) => zone.id).sort(),
    )
  })

  it('writes its title and instruction at the top, in the chosen language', () => {
    const labels = children.map(labelOf).filter((label) => label !== null)
    expect(labels[0]?.text === template.name[locale] || labels.some((label) => label.text === template.name[locale])).toBe(true)
    const instruction = labels.find((label) => label.text === template.instruction[locale])
    expect(instruction).toBeDefined()
    const top = Math.min(...template.zones.map((zone) => (zone.area.kind === 'rect' ? zone.area.y : zone.area.cy - ('r' in zone.area ? zone.area.r : zone.area.outerRadius))))
    expect(instruction!.box.y + instruction!.box.h).toBeLessThanOrEqual(top)
    const other: TemplateLocale = locale === 'de' ? 'en' : 'de'
    if (template.name.de !== template.name.en) {
      expect(labels.some((label) => label.text === template.name[other])).toBe(false)
    }
  })

  it('keeps labels apart from each other and off every border, line and arrow', () => {
    const labels = children.map(labelOf).filter((label) => label !== null)
    const outlines = children.map(outlineOf).filter((outline) => outline !== null)
    expect(labels.length).toBeGreaterThan(2)
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        expect(boxesOverlap(a.box, b.box), `"${a.text}" and "${b.text}" overlap`).toBe(false)
      }
      for (const outline of outlines) {
        expect(labelCrosses(a.box, outline), `"${a.text}" crosses ${outline.id}`).toBe(false)
      }
    }
  })
})

describe('buildTemplateRecords', () => {
  it('puts the frame at the given index and refuses an instance of another template', () => {
    const [swot, roadmap] = [TEMPLATES.find((t) => t.id === 'swot')!, TEMPLATES.find((t) => t.id === 'roadmap')!]
    const records = buildTemplateRecords(swot, instanceOf(swot, 'de'), { index: 'b5' as TLShape['index'] })
    expect(records[0]?.index).toBe('b5')
    expect(() => buildTemplateRecords(roadmap, instanceOf(swot, 'de'))).toThrow(/swot/)
  })

  it('builds the same records for the same instance', () => {
    for (const template of TEMPLATES) {
      expect(buildTemplateRecords(template, instanceOf(template, 'en'))).toEqual(
        buildTemplateRecords(template, instanceOf(template, 'en')),
      )
    }
  })
})
