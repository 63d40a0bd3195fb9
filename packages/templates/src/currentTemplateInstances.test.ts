import { FIRST_PAGE_ID } from '@dorfplatz/board'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { currentTemplateInstances } from './currentTemplateInstances.ts'
import { findZone } from './findZone.ts'
import type { TemplateInstance } from './index.ts'
import { getTemplate } from './templateCatalogue.ts'
import { zoneCentre } from './zoneArea.ts'

describe('currentTemplateInstances', () => {
  it('follows a frame that was moved to another place or page, and drops one that was deleted', () => {
    const swot = getTemplate('swot')
    const moved: TemplateInstance = {
      instanceId: 'moved',
      templateId: 'swot',
      x: 0,
      y: 0,
      pageId: FIRST_PAGE_ID,
      frameId: createShapeId('moved'),
      locale: 'de',
    }
    // Its records were never added, as after the frame and its children were deleted.
    const deleted: TemplateInstance = { ...moved, instanceId: 'deleted', templateId: 'retrospective', frameId: createShapeId('deleted') }
    const byId = new Map<string, TLRecord>()
    for (const record of buildTemplateRecords(swot, moved)) byId.set(record.id, record)
    const frame = byId.get(moved.frameId)!
    byId.set(frame.id, { ...frame, x: 5000, y: -700, parentId: 'page:zwei' } as TLRecord)

    const current = currentTemplateInstances([moved, deleted], byId)
    expect(current).toEqual([{ ...moved, x: 5000, y: -700, pageId: 'page:zwei' }])
    const chancen = zoneCentre(swot.zones[2]!.area)
    expect(findZone(current, 'page:zwei', { x: 5000 + chancen.x, y: -700 + chancen.y })?.zone.id).toBe('chancen')
    expect(findZone(current, FIRST_PAGE_ID, chancen)).toBeUndefined()
  })
})
