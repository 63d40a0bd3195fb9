import type { TemplateInstance } from '@dorfplatz/board'
import { getTemplate } from '@dorfplatz/templates'
import { describe, expect, it } from 'vitest'
import { parseScopeValue, scopeGroups, scopeValue, templateOfScope, zoneOfScope } from './scopeOptions.ts'

function instance(instanceId: string, templateId: TemplateInstance['templateId'], extra: Partial<TemplateInstance> = {}): TemplateInstance {
  return { instanceId, templateId, x: 0, y: 0, pageId: 'page:page', frameId: `shape:template-${instanceId}`, locale: 'de', ...extra }
}

describe('scope values', () => {
  it('round-trips all notes and a zone', () => {
    expect(scopeValue({ kind: 'all' })).toBe('all')
    expect(scopeValue({ kind: 'zone', instanceId: 'AbC-12_x', zoneId: 'einwohner.direkt' })).toBe('AbC-12_x/einwohner.direkt')
    expect(parseScopeValue('all')).toEqual({ kind: 'all' })
    expect(parseScopeValue('AbC-12_x/einwohner.direkt')).toEqual({
      kind: 'zone',
      instanceId: 'AbC-12_x',
      zoneId: 'einwohner.direkt',
    })
  })

  it('round-trips a whole template', () => {
    expect(scopeValue({ kind: 'template', instanceId: 'AbC-12_x' })).toBe('AbC-12_x/*')
    expect(parseScopeValue('AbC-12_x/*')).toEqual({ kind: 'template', instanceId: 'AbC-12_x' })
  })

  it('refuses values that name no zone', () => {
    expect(parseScopeValue('')).toBeNull()
    expect(parseScopeValue('/staerken')).toBeNull()
    expect(parseScopeValue('abc/')).toBeNull()
    expect(parseScopeValue('staerken')).toBeNull()
  })
})

describe('scopeGroups', () => {
  it('lists every template on the board with its zones in the chosen language', () => {
    const groups = scopeGroups([instance('i1', 'swot'), instance('i2', 'priority-matrix')], 'de')
    expect(groups.map((group) => group.name)).toEqual(['SWOT-Analyse', 'Priorisierungsmatrix'])
    expect(groups[0]?.zones.map((zone) => zone.name)).toEqual(['Stärken', 'Schwächen', 'Chancen', 'Risiken'])
    expect(groups[0]?.zones[0]?.value).toBe('i1/staerken')
    expect(scopeGroups([instance('i1', 'swot')], 'en')[0]?.zones[0]?.name).toBe('Strengths')
  })

  it('numbers two copies of one template', () => {
    const groups = scopeGroups([instance('i1', 'swot'), instance('i2', 'roadmap'), instance('i3', 'swot')], 'de')
    expect(groups.map((group) => group.name)).toEqual(['SWOT-Analyse (1)', 'Fahrplan Digitalstrategie', 'SWOT-Analyse (2)'])
  })

  it('takes the zones the instance stored over the catalogue’s', () => {
    const stored = getTemplate('swot').zones.slice(0, 1).map((zone) => ({ ...zone, name: { de: 'Was wir können', en: 'What we can do' } }))
    const groups = scopeGroups([instance('i1', 'swot', { width: 100, height: 100, zones: stored })], 'de')
    expect(groups[0]?.zones.map((zone) => zone.name)).toEqual(['Was wir können'])
  })
})

describe('zoneOfScope', () => {
  it('names the zone and its template', () => {
    const instances = [instance('i1', 'swot')]
    expect(zoneOfScope({ kind: 'zone', instanceId: 'i1', zoneId: 'chancen' }, instances, 'de')).toEqual({
      zone: 'Chancen',
      template: 'SWOT-Analyse',
    })
  })

  it('answers null for all notes and for a zone that is gone', () => {
    expect(zoneOfScope({ kind: 'all' }, [], 'de')).toBeNull()
    expect(zoneOfScope({ kind: 'zone', instanceId: 'gone', zoneId: 'chancen' }, [], 'de')).toBeNull()
  })
})

describe('templateOfScope', () => {
  it('names the template of a whole-template scope, numbered like the dialog', () => {
    const instances = [instance('i1', 'swot'), instance('i2', 'swot')]
    expect(templateOfScope({ kind: 'template', instanceId: 'i2' }, instances, 'de')).toBe('SWOT-Analyse (2)')
    expect(scopeGroups(instances, 'de')[1]?.value).toBe('i2/*')
  })

  it('answers null for other scopes and for a template that is gone', () => {
    expect(templateOfScope({ kind: 'all' }, [instance('i1', 'swot')], 'de')).toBeNull()
    expect(templateOfScope({ kind: 'template', instanceId: 'gone' }, [instance('i1', 'swot')], 'de')).toBeNull()
  })
})
