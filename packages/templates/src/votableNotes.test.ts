import { FIRST_PAGE_ID, type TemplateInstance } from '@dorfplatz/board'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { getTemplate } from './templateCatalogue.ts'
import { note } from './testing/testNote.ts'
import { votableNoteIds } from './votableNotes.ts'
import { zoneCentre } from './zoneArea.ts'

const matrix = getTemplate('priority-matrix')
const instance: TemplateInstance = {
  instanceId: 'matrix-1',
  templateId: 'priority-matrix',
  x: 1000,
  y: 500,
  pageId: FIRST_PAGE_ID,
  frameId: createShapeId('matrix-frame'),
  locale: 'de',
}
const [first, second] = [matrix.zones[0]!, matrix.zones[1]!]

/** A note whose centre lies at the centre of `zone`, placed on the page. */
function noteIn(name: string, zone: typeof first, offset = { x: 0, y: 0 }) {
  const centre = zoneCentre(zone.area)
  return note(name, FIRST_PAGE_ID, offset.x + centre.x - 100, offset.y + centre.y - 100)
}

function board(...shapes: TLRecord[]): Map<string, TLRecord> {
  return new Map([...buildTemplateRecords(matrix, instance), ...shapes].map((record) => [record.id, record]))
}

describe('votableNoteIds', () => {
  const at = { x: instance.x, y: instance.y }
  const a = noteIn('a', first, at)
  const b = noteIn('b', second, at)
  const outside = note('outside', FIRST_PAGE_ID, -5000, -5000)

  it('covers every note for the whole board, and nothing else', () => {
    expect(votableNoteIds(board(a, b, outside), [instance], { kind: 'all' })).toEqual([a.id, b.id, outside.id])
  })

  it('covers the notes whose centre lies in the zone', () => {
    const byId = board(a, b, outside)
    expect(votableNoteIds(byId, [instance], { kind: 'zone', instanceId: 'matrix-1', zoneId: first.id })).toEqual([a.id])
    expect(votableNoteIds(byId, [instance], { kind: 'zone', instanceId: 'matrix-1', zoneId: second.id })).toEqual([b.id])
  })

  it('covers the notes in every zone of a whole template, not those beside it or on its heading', () => {
    const otherInstance: TemplateInstance = { ...instance, instanceId: 'matrix-2', x: 5000, frameId: createShapeId('matrix-frame-2') }
    const inOther = noteIn('c', first, { x: otherInstance.x, y: otherInstance.y })
    // Inside the frame, above every zone: on the template's heading (its centre 100 below the frame's top).
    const onHeading = note('heading', FIRST_PAGE_ID, instance.x + 300, instance.y)
    const byId = new Map([...board(a, b, outside, inOther, onHeading), ...buildTemplateRecords(matrix, otherInstance).map((record) => [record.id, record] as const)])
    expect(votableNoteIds(byId, [instance, otherInstance], { kind: 'template', instanceId: 'matrix-1' })).toEqual([a.id, b.id])
    expect(votableNoteIds(byId, [instance, otherInstance], { kind: 'template', instanceId: 'matrix-2' })).toEqual([inOther.id])
  })

  it('follows the frame where a facilitator has moved it', () => {
    const byId = board(a)
    const frame = byId.get(instance.frameId) as TLRecord & { x: number }
    byId.set(instance.frameId, { ...frame, x: frame.x + 3000 } as TLRecord)
    expect(votableNoteIds(byId, [instance], { kind: 'zone', instanceId: 'matrix-1', zoneId: first.id })).toEqual([])
  })

  it('covers nothing for a zone or template the board does not have', () => {
    const byId = board(a, b)
    expect(votableNoteIds(byId, [instance], { kind: 'zone', instanceId: 'matrix-1', zoneId: 'nope' })).toEqual([])
    expect(votableNoteIds(byId, [instance], { kind: 'zone', instanceId: 'other', zoneId: first.id })).toEqual([])
    expect(votableNoteIds(byId, [instance], { kind: 'template', instanceId: 'other' })).toEqual([])
  })
})
