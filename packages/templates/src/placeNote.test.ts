import { FIRST_PAGE_ID } from '@dorfplatz/board'
import { createShapeId, type TLNoteShape, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { findZone } from './findZone.ts'
import type { TemplateInstance } from './index.ts'
import { NOTE_SIZE } from './layout.ts'
import { NOTE_GAP, placeNoteInZone, placeNoteNear } from './placeNote.ts'
import { shapePagePoint, shapeSize } from './shapePagePoint.ts'
import { getTemplate, TEMPLATES } from './templateCatalogue.ts'
import type { Rect, TemplateDefinition } from './TemplateDefinition.ts'
import { note } from './testing/testNote.ts'
import { boxesOverlap, labelOf } from './testing/structureGeometry.ts'
import { zoneContains } from './zoneArea.ts'

function instanceOf(template: TemplateDefinition, x = 1200, y = -300): TemplateInstance {
  return {
    instanceId: `t-${template.id}`,
    templateId: template.id,
    x,
    y,
    pageId: FIRST_PAGE_ID,
    frameId: createShapeId(`template-${template.id}`),
    locale: 'de',
  }
}

/** The template's text labels as page rectangles: what a note must not cover. */
function labelRects(template: TemplateDefinition, instance: TemplateInstance): Rect[] {
  return buildTemplateRecords(template, instance).flatMap((shape) => {
    const label = labelOf(shape)
    return label ? [{ ...label.box, x: instance.x + label.box.x, y: instance.y + label.box.y }] : []
  })
}

/** The zone the results report files a note at this page position under. */
function reportZone(
  instances: TemplateInstance | readonly TemplateInstance[],
  position: { x: number; y: number } | null,
  props: Partial<TLNoteShape['props']> = {},
): string | undefined {
  if (!position) return undefined
  const shape: TLShape = note('placed', FIRST_PAGE_ID, position.x, position.y, props)
  const found = findZone(Array.isArray(instances) ? instances : [instances as TemplateInstance], FIRST_PAGE_ID, shapePagePoint(shape, new Map()))
  return found && `${found.instance.instanceId}/${found.zone.id}`
}

const noteRect = (position: { x: number; y: number }, size = { w: NOTE_SIZE, h: NOTE_SIZE }): Rect => ({ ...position, ...size })

/**
 * A note that tldraw grew for a long text (about 280 characters at size m), and one a person
 * wrote at a larger scale: the sizes the report reckons with, taken from its own rule.
 */
const LONG_NOTE = { growY: 330 }
const LARGE_LONG_NOTE = { growY: 180, scale: 1.5 }
const sizeOf = (props: Partial<TLNoteShape['props']>) => shapeSize(note('sized', FIRST_PAGE_ID, 0, 0, props))

describe('placeNoteInZone', () => {
  describe.each(TEMPLATES.map((template) => [template.id, template] as const))('in every zone of %s', (_id, template) => {
    const instance = instanceOf(template)
    const labels = labelRects(template, instance)

    it.each(template.zones.map((zone) => [zone.id, zone] as const))('puts a note into %s, clear of its labels', (zoneId, zone) => {
      const position = placeNoteInZone(instance, zone, labels)!
      expect(reportZone(instance, position)).toBe(`${instance.instanceId}/${zoneId}`)
      for (const label of labels) expect(boxesOverlap(noteRect(position), label)).toBe(false)
      // The stakeholder map's centre is a circle just wide enough for one note, with its name
      // in the middle: a note there reaches over the rim. Every other zone holds it whole.
      if (template.id === 'stakeholder-map' && zoneId === 'zentrum') return
      for (const corner of [
        { x: position.x, y: position.y },
        { x: position.x + NOTE_SIZE - 1, y: position.y },
        { x: position.x, y: position.y + NOTE_SIZE - 1 },
        { x: position.x + NOTE_SIZE - 1, y: position.y + NOTE_SIZE - 1 },
      ]) {
        expect(zoneContains(zone.area, { x: corner.x - instance.x, y: corner.y - instance.y })).toBe(true)
      }
    })

    it.each(template.zones.flatMap((zone) => [[zone.id, 'long', zone, LONG_NOTE] as const, [zone.id, 'large and long', zone, LARGE_LONG_NOTE] as const]))(
      'puts a %s note that is %s where the report files it under that zone',
      (zoneId, _kind, zone, props) => {
        const size = sizeOf(props)
        expect(size.h).toBeGreaterThan(NOTE_SIZE + 100)
        const position = placeNoteInZone(instance, zone, labels, { size })
        expect(reportZone(instance, position, props)).toBe(`${instance.instanceId}/${zoneId}`)
      },
    )
  })

  const swot = getTemplate('swot')
  const strengths = swot.zones.find((zone) => zone.id === 'staerken')!

  it('starts at the top left of a rectangle, one gap inside its edge', () => {
    const instance = instanceOf(swot, 0, 0)
    const area = strengths.area as Extract<typeof strengths.area, { kind: 'rect' }>
    expect(placeNoteInZone(instance, strengths, [])).toEqual({ x: area.x + NOTE_GAP, y: area.y + NOTE_GAP })
    // A long note starts there too: the quadrant is tall enough for it.
    expect(placeNoteInZone(instance, strengths, [], { size: sizeOf(LONG_NOTE) })).toEqual({ x: area.x + NOTE_GAP, y: area.y + NOTE_GAP })
  })

  it('follows the frame where it is now', () => {
    const here = placeNoteInZone(instanceOf(swot, 0, 0), strengths, [])!
    const moved = placeNoteInZone(instanceOf(swot, -5000, 777), strengths, [])
    expect(moved).toEqual({ x: here.x - 5000, y: here.y + 777 })
  })

  it('fills a zone note by note without covering one, then keeps every further note in the zone, never exactly on another', () => {
    const instance = instanceOf(swot)
    const taken: Rect[] = []
    for (let count = 0; count < 16; count++) {
      const position = placeNoteInZone(instance, strengths, taken)!
      expect(reportZone(instance, position), `note ${count + 1}`).toBe(`${instance.instanceId}/staerken`)
      expect(taken.some((rect) => rect.x === position.x && rect.y === position.y), `note ${count + 1}`).toBe(false)
      // A quadrant of 840 × 600 holds two rows of three notes with room between them.
      if (count < 6) expect(taken.some((rect) => boxesOverlap(noteRect(position), rect)), `note ${count + 1}`).toBe(false)
      taken.push(noteRect(position))
    }
    expect(new Set(taken.slice(0, 6).map((rect) => rect.y)).size).toBe(2)
  })

  it('uses a gap beside a note that is already there', () => {
    const instance = instanceOf(swot, 0, 0)
    const first = placeNoteInZone(instance, strengths, [])!
    const second = placeNoteInZone(instance, strengths, [noteRect(first)])!
    expect(second.y).toBe(first.y)
    expect(second.x).toBeGreaterThanOrEqual(first.x + NOTE_SIZE + NOTE_GAP)
  })

  it('fills a zone with long notes, each filed under it', () => {
    const instance = instanceOf(swot)
    const size = sizeOf(LONG_NOTE)
    const taken: Rect[] = []
    for (let count = 0; count < 8; count++) {
      const position = placeNoteInZone(instance, strengths, taken, { size })
      expect(reportZone(instance, position, LONG_NOTE), `note ${count + 1}`).toBe(`${instance.instanceId}/staerken`)
      // One row of three long notes fits the quadrant without covering another.
      if (count < 3) expect(taken.some((rect) => boxesOverlap(noteRect(position!, size), rect)), `note ${count + 1}`).toBe(false)
      taken.push(noteRect(position!, size))
    }
  })

  it('leaves out the part of a zone that a frame added later covers, as the report does', () => {
    const below = instanceOf(swot, 0, 0)
    // A second SWOT moved over the left half of the first one's Stärken.
    const above = { ...instanceOf(swot, -swot.width + 500, 0), instanceId: 't-swot-above', frameId: createShapeId('template-swot-above') }
    const instances = [below, above]
    const position = placeNoteInZone(below, strengths, [], { instances })
    expect(reportZone(instances, position)).toBe(`${below.instanceId}/staerken`)
    // Its centre is right of where the other frame begins.
    expect(position!.x + NOTE_SIZE / 2).toBeGreaterThanOrEqual(500)
  })

  it('finds no spot in a zone that a frame added later covers whole', () => {
    const below = instanceOf(swot, 0, 0)
    const above = { ...below, instanceId: 't-swot-above', frameId: createShapeId('template-swot-above') }
    expect(placeNoteInZone(below, strengths, [], { instances: [below, above] })).toBeNull()
    // The one on top still takes notes.
    expect(reportZone([below, above], placeNoteInZone(above, strengths, [], { instances: [below, above] }))).toBe('t-swot-above/staerken')
  })
})

describe('placeNoteNear', () => {
  it('centres a note on the point when nothing is there', () => {
    expect(placeNoteNear({ x: 500, y: 300 }, [])).toEqual({ x: 400, y: 200 })
    expect(placeNoteNear({ x: 500, y: 300 }, [], { w: 200, h: 400 })).toEqual({ x: 400, y: 100 })
  })

  it('keeps a long note clear of what is there with all of its height', () => {
    const taken = [{ x: 300, y: 520, w: 400, h: 200 }]
    const size = { w: 200, h: 500 }
    const position = placeNoteNear({ x: 500, y: 300 }, taken, size)
    expect(boxesOverlap(noteRect(position, size), taken[0]!)).toBe(false)
  })

  it('moves to the nearest free spot next to what is there', () => {
    const taken = [{ x: 380, y: 180, w: 240, h: 240 }]
    const position = placeNoteNear({ x: 500, y: 300 }, taken)
    expect(boxesOverlap(noteRect(position), { x: 380 - NOTE_GAP, y: 180 - NOTE_GAP, w: 240 + 2 * NOTE_GAP, h: 240 + 2 * NOTE_GAP })).toBe(false)
    // Beside it, not somewhere far away: at most one note and two gaps off.
    expect(Math.hypot(position.x - 400, position.y - 200)).toBeLessThanOrEqual(240 + 2 * NOTE_GAP + 50)
  })
})
