import { describe, expect, it } from 'vitest'
import { FIRST_PAGE_ID, type TemplateInstance } from '@dorfplatz/board'
import { buildTemplateRecords } from './buildTemplateRecords.ts'
import { checkTemplateVersion, ownTemplateDefinition } from './ownTemplate.ts'
import { getTemplate } from './templateCatalogue.ts'
import { templateFromFrame, zoneIdFromLabel } from './templateFromFrame.ts'
import { handDrawnFrame } from './testing/handDrawnFrame.ts'

const byId = (records: ReadonlyArray<{ id: string }>) => new Map(records.map((record) => [record.id, record as unknown]))
const fixed = () => 'ab12'

describe('templateFromFrame', () => {
  it('keeps a placed template’s zones and drawing, without its header', () => {
    const swot = getTemplate('swot')
    const instance: TemplateInstance = {
      instanceId: 'i1', templateId: 'swot', x: 100, y: 50, pageId: FIRST_PAGE_ID, frameId: 'shape:swot', locale: 'de',
      width: swot.width, height: swot.height, zones: swot.zones,
    }
    const records = buildTemplateRecords(swot, instance)
    const geometry = templateFromFrame(byId(records), 'shape:swot', { instance })
    expect(geometry.zones).toEqual(swot.zones)
    expect({ width: geometry.width, height: geometry.height }).toEqual({ width: swot.width, height: swot.height })
    expect(geometry.structure.some((part) => part.key === 'title' || part.key === 'instruction')).toBe(false)
    // Placed again as an own template, it draws the same shapes (less nothing, plus nothing).
    const version = checkTemplateVersion({
      version: 1, publishedAt: 0, publishedBy: 'Frau Weber', name: swot.name, description: swot.description, instruction: swot.instruction, ...geometry,
    })
    const own = ownTemplateDefinition('own:swot-kopie', version)
    const again = buildTemplateRecords(own, { ...instance, templateId: own.id })
    expect(again.map((shape) => shape.id).sort()).toEqual(records.map((shape) => shape.id).sort())
  })

  it('names zones by their labels, keeps ids of kept labels, and moves a hand-drawn frame below the header', () => {
    const first = templateFromFrame(byId(handDrawnFrame()), 'shape:handframe', { random: fixed })
    expect(first.zones.map((zone) => zone.id)).toEqual(['schnelle-erfolge-ab12', 'grosse-vorhaben-ab12'])
    expect(first.structure.find((part) => part.kind === 'label' && part.text === 'Was packen wir an?')).toMatchObject({ y: 200 })
    const next = templateFromFrame(byId(handDrawnFrame({ secondLabel: 'Später' })), 'shape:handframe', {
      previousZones: first.zones,
      random: () => 'cd34',
    })
    expect(next.zones.map((zone) => zone.id)).toEqual(['schnelle-erfolge-ab12', 'spaeter-cd34'])
  })

  it('makes ASCII ids from any label', () => {
    expect(zoneIdFromLabel('Größe & Öffnung!', fixed)).toBe('groesse-oeffnung-ab12')
    expect(zoneIdFromLabel('🙂', fixed)).toBe('zone-ab12')
  })
})
