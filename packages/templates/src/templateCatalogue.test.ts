import { describe, expect, it } from 'vitest'
import { getTemplate, TEMPLATES } from './templateCatalogue.ts'
import type { LocalizedText, TemplateZone } from './TemplateDefinition.ts'
import { isTemplateId, TEMPLATE_IDS } from './index.ts'
import { HEADER_HEIGHT, NOTE_SIZE } from './layout.ts'
import { ringSectorSweep, zoneContains } from './zoneArea.ts'

/** Every LocalizedText inside a value. */
function texts(value: unknown): LocalizedText[] {
  if (typeof value !== 'object' || value === null) return []
  if ('de' in value && 'en' in value) return [value as LocalizedText]
  return Object.values(value).flatMap(texts)
}

describe('the template catalogue', () => {
  it('lists the seven templates in the order of TEMPLATE_IDS', () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual([
      'stakeholder-map',
      'project-canvas',
      'priority-matrix',
      'idea-collection',
      'roadmap',
      'swot',
      'retrospective',
    ])
    expect(TEMPLATE_IDS).toEqual(TEMPLATES.map((template) => template.id))
    for (const template of TEMPLATES) expect(getTemplate(template.id)).toBe(template)
    expect(isTemplateId('roadmap')).toBe(true)
    expect(isTemplateId('kanban')).toBe(false)
  })

  it('keeps the zone ids that boards and reports already refer to', () => {
    const ids = Object.fromEntries(TEMPLATES.map((template) => [template.id, template.zones.map((zone) => zone.id)]))
    expect(ids).toEqual({
      'stakeholder-map': [
        'zentrum',
        'einwohner.direkt',
        'einwohner.betroffen',
        'einwohner.interessiert',
        'wirtschaft.direkt',
        'wirtschaft.betroffen',
        'wirtschaft.interessiert',
        'politik.direkt',
        'politik.betroffen',
        'politik.interessiert',
      ],
      'project-canvas': ['idee', 'ziel', 'zielgruppen', 'beteiligte', 'ressourcen', 'risiken', 'schritte', 'erfolg', 'fragen'],
      'priority-matrix': ['schnelle-erfolge', 'grosse-vorhaben', 'lueckenfueller', 'zeitfresser'],
      'idea-collection': ['einwohner', 'wirtschaft', 'politik-verwaltung', 'vereine-ehrenamt', 'vernetzung', 'sonstiges'],
      roadmap: [
        'einwohner.jetzt',
        'einwohner.6-monate',
        'einwohner.1-jahr',
        'einwohner.2-3-jahre',
        'wirtschaft.jetzt',
        'wirtschaft.6-monate',
        'wirtschaft.1-jahr',
        'wirtschaft.2-3-jahre',
        'politik.jetzt',
        'politik.6-monate',
        'politik.1-jahr',
        'politik.2-3-jahre',
      ],
      swot: ['staerken', 'schwaechen', 'chancen', 'risiken'],
      retrospective: ['gut', 'aendern', 'fragen', 'ideen'],
    })
    for (const template of TEMPLATES) {
      const zoneIds = template.zones.map((zone) => zone.id)
      expect(new Set(zoneIds).size).toBe(zoneIds.length)
      for (const id of zoneIds) expect(id).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/)
    }
  })

  it('has every text in German and English', () => {
    for (const template of TEMPLATES) {
      const all = texts(template)
      // name, description, instruction and at least a name per zone
      expect(all.length).toBeGreaterThanOrEqual(3 + template.zones.length)
      for (const text of all) {
        expect(text.de.trim(), JSON.stringify(text)).not.toBe('')
        expect(text.en.trim(), JSON.stringify(text)).not.toBe('')
      }
      expect(template.description.de).toMatch(/[.?!]$/)
      expect(template.description.en).toMatch(/[.?!]$/)
    }
  })

  it('names residents in one form everywhere: "Einwohnerinnen und Einwohner"', () => {
    const german = TEMPLATES.flatMap((template) => texts(template).map((text) => text.de))
    const mentions = german.filter((text) => /Einwohner/.test(text))
    // The stakeholder groups, the map's description and the canvas's "Wer macht mit?" at least.
    expect(mentions.length).toBeGreaterThanOrEqual(3)
    for (const text of mentions) expect(text.replace(/Einwohnerinnen und Einwohnern?/g, ''), text).not.toMatch(/Einwohner/)
  })

  it('keeps each zone inside its frame, below the header, without overlapping another', () => {
    for (const template of TEMPLATES) {
      for (const zone of template.zones) {
        const { area } = zone
        const [left, top, right, bottom] =
          area.kind === 'rect'
            ? [area.x, area.y, area.x + area.w, area.y + area.h]
            : area.kind === 'circle'
              ? [area.cx - area.r, area.cy - area.r, area.cx + area.r, area.cy + area.r]
              : [area.cx - area.outerRadius, area.cy - area.outerRadius, area.cx + area.outerRadius, area.cy + area.outerRadius]
        expect(left, zone.id).toBeGreaterThan(0)
        expect(top, zone.id).toBeGreaterThanOrEqual(HEADER_HEIGHT)
        expect(right, zone.id).toBeLessThan(template.width)
        expect(bottom, zone.id).toBeLessThan(template.height)
      }
      // Sampled on a grid: no point lies in two zones (findZone.test.ts checks the borders).
      for (let x = 0; x <= template.width; x += 20) {
        for (let y = 0; y <= template.height; y += 20) {
          const holders = template.zones.filter((zone) => zoneContains(zone.area, { x, y }))
          expect(holders.length, `${template.id} (${x}, ${y})`).toBeLessThanOrEqual(1)
        }
      }
    }
  })

  it('sizes zones for several sticky notes each', () => {
    const roomFor = (zone: TemplateZone): number => {
      const { area } = zone
      if (area.kind === 'rect') {
        // Zone labels take up to about 100 units at the top.
        return Math.floor((area.w - 40) / (NOTE_SIZE + 10)) * Math.floor((area.h - 100) / (NOTE_SIZE + 10))
      }
      if (area.kind === 'circle') return 1
      // A ring holds a note across its width; count the notes side by side along its middle arc.
      const span = ringSectorSweep(area)
      expect(area.outerRadius - area.innerRadius).toBeGreaterThanOrEqual(260)
      return Math.floor((span * (area.innerRadius + area.outerRadius)) / 2 / (NOTE_SIZE + 10))
    }
    for (const template of TEMPLATES) {
      for (const zone of template.zones) {
        if (zone.area.kind === 'rect') {
          expect(zone.area.w, `${template.id}/${zone.id}`).toBeGreaterThanOrEqual(480)
          expect(zone.area.h, `${template.id}/${zone.id}`).toBeGreaterThanOrEqual(420)
        }
        expect(roomFor(zone), `${template.id}/${zone.id}`).toBeGreaterThanOrEqual(zone.area.kind === 'circle' ? 1 : 2)
      }
    }
  })
})
