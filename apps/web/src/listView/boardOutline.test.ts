import type { TemplateInstance } from '@dorfplatz/board'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { describe, expect, it } from 'vitest'
import { boardOutline, inReadingOrder, type FrameOnBoard, type NoteOnBoard } from './boardOutline.ts'

const swot = getTemplate('swot')

function instance(id: string, x: number, y: number, pageId = 'page:a'): TemplateInstance {
  return { instanceId: id, templateId: 'swot', x, y, pageId, frameId: `shape:frame-${id}`, locale: 'de' }
}

function frameOf(placed: TemplateInstance): FrameOnBoard {
  return {
    id: placed.frameId,
    meta: { dorfplatz: { role: 'structure', part: 'frame', templateId: 'swot', templateInstance: placed.instanceId } },
    bounds: { x: placed.x, y: placed.y, w: swot.width, h: swot.height },
  }
}

/** A 200 × 200 note whose centre is in `zoneId` of `placed`, moved by (dx, dy). */
function noteIn(id: string, placed: TemplateInstance, zoneId: string, dx = 0, dy = 0): NoteOnBoard {
  const centre = zoneCentre(swot.zones.find((zone) => zone.id === zoneId)!.area)
  return { id, pageId: placed.pageId, text: id, bounds: { x: placed.x + centre.x - 100 + dx, y: placed.y + centre.y - 100 + dy, w: 200, h: 200 } }
}

describe('boardOutline', () => {
  it('files notes under the zone their centre lies in, and the rest under the other notes', () => {
    const placed = instance('i1', 0, 0)
    const notes = [
      noteIn('chance', placed, 'chancen'),
      noteIn('right', placed, 'staerken', 110),
      noteIn('left', placed, 'staerken', -110),
      { id: 'outside', pageId: 'page:a', text: 'outside', bounds: { x: -900, y: 0, w: 200, h: 200 } },
    ]
    const outline = boardOutline([placed], [frameOf(placed)], ['page:a'], notes, 'de')
    expect(outline.templates).toHaveLength(1)
    const [template] = outline.templates
    expect(template!.name).toBe('SWOT-Analyse')
    expect(template!.zones.map((zone) => [zone.name, zone.notes.map((note) => note.id)])).toEqual([
      ['Stärken', ['left', 'right']],
      ['Schwächen', []],
      ['Chancen', ['chance']],
      ['Risiken', []],
    ])
    expect(template!.zones[0]!.value).toBe('i1/staerken')
    expect(template!.zones[0]!.hint).toBe('Was können wir schon gut? Worauf bauen wir auf?')
    expect(outline.others.map((note) => note.id)).toEqual(['outside'])
  })

  it('orders templates by page, then rows, then left to right, and names copies apart', () => {
    const later = instance('later', 0, 0, 'page:b')
    const right = instance('right', 3000, 40)
    const left = instance('left', 0, 0)
    const below = instance('below', 0, 2000)
    // In the order they were added: the copy numbers follow it, the outline follows the board.
    const instances = [later, right, below, left]
    const outline = boardOutline(instances, instances.map(frameOf), ['page:a', 'page:b'], [], 'en')
    expect(outline.templates.map((template) => template.instanceId)).toEqual(['left', 'right', 'below', 'later'])
    expect(outline.templates.map((template) => template.name)).toEqual(['SWOT analysis (4)', 'SWOT analysis (2)', 'SWOT analysis (3)', 'SWOT analysis (1)'])
  })

  it('leaves out a template whose frame is gone', () => {
    const kept = instance('kept', 0, 0)
    const gone = instance('gone', 3000, 0)
    const outline = boardOutline([kept, gone], [frameOf(kept)], ['page:a'], [noteIn('n', gone, 'staerken')], 'de')
    expect(outline.templates.map((template) => template.instanceId)).toEqual(['kept'])
  })
})

describe('inReadingOrder', () => {
  const at = (id: string, x: number, y: number): NoteOnBoard => ({ id, pageId: 'page:a', text: id, bounds: { x, y, w: 200, h: 200 } })

  it('reads rows from top to bottom, each from left to right, a slightly higher note in its row', () => {
    const notes = [at('row2', 0, 300), at('b', 240, 0), at('a', 0, 30), at('c', 480, 60)]
    expect(inReadingOrder(notes).map((note) => note.id)).toEqual(['a', 'b', 'c', 'row2'])
  })
})
