import { FIRST_PAGE_ID, type TemplateId } from '@dorfplatz/board'
import { createShapeId, type TLGroupShape, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { note } from './testing/testNote.ts'
import { findZone } from './findZone.ts'
import type { TemplateInstance } from './index.ts'
import { placeTemplate } from './placeTemplate.ts'
import { shapePagePoint } from './shapePagePoint.ts'
import { getTemplate, TEMPLATES } from './templateCatalogue.ts'
import type { TemplateDefinition, ZoneArea } from './TemplateDefinition.ts'
import { ringSectorSweep, zoneCentre as centreOf, zoneContains, type Point } from './zoneArea.ts'

const OTHER_PAGE = 'page:zwei'

function instanceOf(template: TemplateDefinition, x: number, y: number, instanceId: string = template.id): TemplateInstance {
  return {
    instanceId,
    templateId: template.id,
    x,
    y,
    pageId: FIRST_PAGE_ID,
    frameId: createShapeId(`frame-${instanceId}`),
    locale: 'de',
  }
}

function polar(area: Extract<ZoneArea, { kind: 'ring-sector' }>, radius: number, angle: number): Point {
  return { x: area.cx + radius * Math.cos(angle), y: area.cy + radius * Math.sin(angle) }
}

/** Points a hair inside each edge of the area, halfway along it. */
function justInside(area: ZoneArea, hair = 0.01): Point[] {
  switch (area.kind) {
    case 'rect': {
      const { x, y, w, h } = area
      return [
        { x: x + hair, y: y + h / 2 },
        { x: x + w - hair, y: y + h / 2 },
        { x: x + w / 2, y: y + hair },
        { x: x + w / 2, y: y + h - hair },
      ]
    }
    case 'circle':
      return [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2].map((angle) => ({
        x: area.cx + (area.r - hair) * Math.cos(angle),
        y: area.cy + (area.r - hair) * Math.sin(angle),
      }))
    case 'ring-sector': {
      const middle = (area.innerRadius + area.outerRadius) / 2
      const midAngle = area.startAngle + ringSectorSweep(area) / 2
      const angularHair = hair / middle
      return [
        polar(area, area.innerRadius + hair, midAngle),
        polar(area, area.outerRadius - hair, midAngle),
        polar(area, middle, area.startAngle + angularHair),
        polar(area, middle, area.startAngle + ringSectorSweep(area) - angularHair),
      ]
    }
  }
}

function onPage(instance: TemplateInstance, point: Point): Point {
  return { x: instance.x + point.x, y: instance.y + point.y }
}

function zoneIdAt(instances: TemplateInstance[], point: Point, pageId: string = FIRST_PAGE_ID): string | undefined {
  const found = findZone(instances, pageId, point)
  return found && `${found.instance.instanceId}/${found.zone.id}`
}

describe('findZone', () => {
  it.each(TEMPLATES.map((template) => [template.id, template] as const))(
    '%s: finds every zone at its centre and just inside each of its edges',
    (_id, template) => {
      const instance = instanceOf(template, -750, 420)
      for (const zone of template.zones) {
        for (const point of [centreOf(zone.area), ...justInside(zone.area)]) {
          expect(zoneIdAt([instance], onPage(instance, point)), `${zone.id} at ${JSON.stringify(point)}`).toBe(
            `${instance.instanceId}/${zone.id}`,
          )
        }
      }
    },
  )

  it.each(TEMPLATES.map((template) => [template.id, template] as const))(
    '%s: gives a point on a rectangle border to the zone right of or below it, and to one zone only',
    (_id, template) => {
      const instance = instanceOf(template, 0, 0)
      for (const zone of template.zones) {
        if (zone.area.kind !== 'rect') continue
        const { x, y, w, h } = zone.area
        // Left and top edges (corner included) belong to the zone itself ...
        for (const point of [
          { x, y: y + h / 2 },
          { x: x + w / 2, y },
          { x, y },
        ]) {
          expect(findZone([instance], FIRST_PAGE_ID, point)?.zone.id).toBe(zone.id)
        }
        // ... right and bottom edges to a neighbour or to no zone.
        for (const point of [
          { x: x + w, y: y + h / 2 },
          { x: x + w / 2, y: y + h },
          { x: x + w, y: y + h },
        ]) {
          expect(findZone([instance], FIRST_PAGE_ID, point)?.zone.id).not.toBe(zone.id)
          expect(template.zones.filter((other) => zoneContains(other.area, point)).length).toBeLessThanOrEqual(1)
        }
      }
    },
  )

  it('follows the documented border rules on the SWOT grid', () => {
    const swot = getTemplate('swot')
    const instance = instanceOf(swot, 100, 100)
    const [staerken, , chancen] = swot.zones.map((zone) => zone.area) as Array<Extract<ZoneArea, { kind: 'rect' }>>
    const middleX = staerken!.x + staerken!.w
    const middleY = staerken!.y + staerken!.h
    expect(zoneIdAt([instance], onPage(instance, { x: middleX, y: staerken!.y + 10 }))).toBe('swot/schwaechen')
    expect(zoneIdAt([instance], onPage(instance, { x: staerken!.x + 10, y: middleY }))).toBe('swot/chancen')
    expect(zoneIdAt([instance], onPage(instance, { x: middleX, y: middleY }))).toBe('swot/risiken')
    expect(zoneIdAt([instance], onPage(instance, { x: middleX - 0.001, y: middleY - 0.001 }))).toBe('swot/staerken')
    // The outer edge on the right and at the bottom is outside.
    expect(zoneIdAt([instance], onPage(instance, { x: chancen!.x + 2 * chancen!.w, y: middleY + 10 }))).toBeUndefined()
    expect(zoneIdAt([instance], onPage(instance, { x: chancen!.x + 10, y: chancen!.y + chancen!.h }))).toBeUndefined()
  })

  it('follows the documented border rules on the stakeholder map', () => {
    const map = getTemplate('stakeholder-map')
    const instance = instanceOf(map, 0, 0, 'map')
    const centre = map.zones[0]!.area as Extract<ZoneArea, { kind: 'circle' }>
    const at = (radius: number, angle: number) =>
      zoneIdAt([instance], { x: centre.cx + radius * Math.cos(angle), y: centre.cy + radius * Math.sin(angle) })
    const up = (3 * Math.PI) / 2
    const down = Math.PI / 2
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy })).toBe('map/zentrum')
    // Straight up is the border between residents (left) and business (right): business starts there.
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy - 600 })).toBe('map/wirtschaft.betroffen')
    expect(zoneIdAt([instance], { x: centre.cx - 0.001, y: centre.cy - 600 })).toBe('map/einwohner.betroffen')
    // Ring borders belong to the outer ring; the centre's rim to the innermost ring.
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy - 450 })).toBe('map/wirtschaft.betroffen')
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy - 449.999 })).toBe('map/wirtschaft.direkt')
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy + centre.r })).toBe('map/politik.direkt')
    expect(at(centre.r - 0.001, down)).toBe('map/zentrum')
    // The outermost rim is outside the map.
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy + 1050 })).toBeUndefined()
    expect(zoneIdAt([instance], { x: centre.cx, y: centre.cy + 1049.999 })).toBe('map/politik.interessiert')
    expect(at(700, up + 0.0001)).toBe('map/wirtschaft.betroffen')
    expect(at(700, up - 0.0001)).toBe('map/einwohner.betroffen')

    // The slanted borders: a point computed on one lands in exactly one of its two sectors.
    for (const [angle, sectors] of [
      [Math.PI / 6, ['wirtschaft', 'politik']],
      [(5 * Math.PI) / 6, ['politik', 'einwohner']],
    ] as const) {
      for (const radius of [151, 300, 450, 749, 900]) {
        const point = { x: centre.cx + radius * Math.cos(angle), y: centre.cy + radius * Math.sin(angle) }
        const holders = map.zones.filter((zone) => zoneContains(zone.area, point))
        expect(holders).toHaveLength(1)
        expect(sectors).toContain(holders[0]!.id.split('.')[0])
        expect(at(radius, angle + 0.0001)?.split('/')[1]?.split('.')[0]).toBe(sectors[1])
        expect(at(radius, angle - 0.0001)?.split('/')[1]?.split('.')[0]).toBe(sectors[0])
      }
    }
  })

  it('finds nothing outside the zones: in the header, the margins, beside the map, off the frame', () => {
    for (const template of TEMPLATES) {
      const instance = instanceOf(template, 300, -200)
      for (const local of [
        { x: template.width / 2, y: 60 },
        { x: 5, y: template.height / 2 },
        { x: template.width - 5, y: template.height - 5 },
        { x: -1, y: template.height / 2 },
        { x: template.width + 1, y: template.height / 2 },
        { x: template.width / 2, y: template.height + 1 },
        { x: 1e9, y: -1e9 },
      ]) {
        expect(zoneIdAt([instance], onPage(instance, local)), `${template.id} ${JSON.stringify(local)}`).toBeUndefined()
      }
    }
    const map = getTemplate('stakeholder-map')
    const instance = instanceOf(map, 0, 0)
    expect(zoneIdAt([instance], { x: 80, y: map.height - 80 })).toBeUndefined()
  })

  it('tells instances apart, and looks only at the given page', () => {
    const occupied: Array<{ x: number; y: number; w: number; h: number }> = []
    const instances = TEMPLATES.map((template) => {
      const spot = placeTemplate(template, occupied)
      occupied.push({ ...spot, w: template.width, h: template.height })
      return instanceOf(template, spot.x, spot.y)
    })
    // A second SWOT, on another page, at the same place as the first.
    const swot = instances.find((instance) => instance.templateId === 'swot')!
    const elsewhere = { ...swot, instanceId: 'swot-2', pageId: OTHER_PAGE }
    const all = [...instances, elsewhere]
    for (const instance of instances) {
      for (const zone of getTemplate(instance.templateId as TemplateId).zones) {
        const point = onPage(instance, centreOf(zone.area))
        expect(zoneIdAt(all, point)).toBe(`${instance.instanceId}/${zone.id}`)
      }
    }
    const staerken = onPage(swot, centreOf(getTemplate('swot').zones[0]!.area))
    expect(zoneIdAt(all, staerken, OTHER_PAGE)).toBe('swot-2/staerken')
    expect(zoneIdAt(all, staerken, 'page:drei')).toBeUndefined()
  })

  it('lets the instance added last decide where two frames overlap', () => {
    const swot = getTemplate('swot')
    const retro = getTemplate('retrospective')
    const older = instanceOf(swot, 0, 0)
    const newer = instanceOf(retro, 0, 0)
    const retroCentre = centreOf(retro.zones[0]!.area)
    expect(zoneIdAt([older, newer], retroCentre)).toBe('retrospective/gut')
    expect(zoneIdAt([newer, older], retroCentre)).toBe('swot/staerken')
    // Where the newer frame has no zone, there is none, although the older one has one below.
    expect(zoneIdAt([older, newer], { x: retro.width / 2, y: retro.height - 10 })).toBeUndefined()
  })
})


describe('shapePagePoint', () => {
  it('agrees with findZone for notes inside a template frame and notes on the page', () => {
    for (const template of TEMPLATES) {
      const instance = instanceOf(template, 4000, -1500)
      const byId = new Map<string, TLRecord>(buildTemplateRecords(template, instance).map((record) => [record.id, record]))
      for (const zone of template.zones) {
        const centre = centreOf(zone.area)
        const inFrame = note(`in-${zone.id}`, instance.frameId, centre.x - 100, centre.y - 100)
        const onPageNote = note(`on-${zone.id}`, FIRST_PAGE_ID, instance.x + centre.x - 100, instance.y + centre.y - 100)
        for (const shape of [inFrame, onPageNote]) {
          byId.set(shape.id, shape)
          const point = shapePagePoint(shape, byId)
          expect(point.x).toBeCloseTo(instance.x + centre.x, 6)
          expect(point.y).toBeCloseTo(instance.y + centre.y, 6)
          expect(findZone([instance], FIRST_PAGE_ID, point)?.zone.id).toBe(zone.id)
        }
      }
    }
  })

  it('takes a note’s scale and growth, and rotations of the note and its parents, into account', () => {
    const byId = new Map<string, TLRecord>()
    const big = note('big', FIRST_PAGE_ID, 10, 20, { scale: 2, growY: 50 })
    expect(shapePagePoint(big, byId)).toEqual({ x: 10 + 200, y: 20 + 250 })

    // A group turned a quarter clockwise at (1000, 500) holding a note at its origin: the note's
    // centre (100, 100) in the group turns to (-100, 100).
    const group: TLGroupShape = {
      id: createShapeId('group'),
      typeName: 'shape',
      type: 'group',
      parentId: FIRST_PAGE_ID,
      index: 'a2' as TLShape['index'],
      x: 1000,
      y: 500,
      rotation: Math.PI / 2,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {},
    }
    byId.set(group.id, group)
    const grouped = note('grouped', group.id, 0, 0)
    const point = shapePagePoint(grouped, byId)
    expect(point.x).toBeCloseTo(900, 9)
    expect(point.y).toBeCloseTo(600, 9)

    const turned = { ...note('turned', FIRST_PAGE_ID, 0, 0), rotation: Math.PI }
    const turnedPoint = shapePagePoint(turned, byId)
    expect(turnedPoint.x).toBeCloseTo(-100, 9)
    expect(turnedPoint.y).toBeCloseTo(-100, 9)
  })

  it('stops at a missing parent or a cycle instead of failing', () => {
    const orphan = note('orphan', 'shape:gone', 5, 5)
    expect(shapePagePoint(orphan, new Map())).toEqual({ x: 105, y: 105 })
    const a = note('a', 'shape:b', 0, 0)
    const b = note('b', 'shape:a', 10, 0)
    const byId = new Map<string, TLRecord>([
      [a.id, a],
      [b.id, b],
    ])
    expect(shapePagePoint(a, byId)).toEqual({ x: 110, y: 100 })
  })
})

describe('zones stored with the instance', () => {
  it('win over the catalogue, so a board keeps the zones it was drawn with', () => {
    const swot = getTemplate('swot')
    const stored = {
      instanceId: 'kept',
      templateId: 'swot' as const,
      x: 0,
      y: 0,
      pageId: 'page:page',
      frameId: 'shape:kept',
      locale: 'de' as const,
      width: 1000,
      height: 1000,
      zones: [{ id: 'frueher', name: { de: 'Früher', en: 'Before' }, area: { kind: 'rect' as const, x: 0, y: 0, w: 1000, h: 1000 } }],
    }
    const centreOfStrengths = centreOf(swot.zones[0]!.area)
    expect(findZone([stored], 'page:page', centreOfStrengths)?.zone.id).toBe('frueher')
    const { width: _w, height: _h, zones: _z, ...withoutGeometry } = stored
    expect(findZone([withoutGeometry], 'page:page', centreOfStrengths)?.zone.id).toBe(swot.zones[0]!.id)
  })
})
