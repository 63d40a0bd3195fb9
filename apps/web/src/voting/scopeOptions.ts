/**
 * What a voting round can cover, as the start dialog offers it and the voting panel names it:
 * all notes, or one zone of one template on the board. A zone is written `<instanceId>/<zoneId>`
 * in the dialog's select (instance ids are base64url, so they hold no slash).
 */
import type { TemplateInstance, VoteScope } from '@dorfplatz/board'
import { getTemplate, instanceZones } from '@dorfplatz/templates'
import type { Language } from '../i18n/i18n.ts'

export const ALL_NOTES = 'all'

export function scopeValue(scope: VoteScope): string {
  return scope.kind === 'all' ? ALL_NOTES : `${scope.instanceId}/${scope.zoneId}`
}

export function parseScopeValue(value: string): VoteScope | null {
  if (value === ALL_NOTES) return { kind: 'all' }
  const slash = value.indexOf('/')
  if (slash <= 0 || slash === value.length - 1) return null
  return { kind: 'zone', instanceId: value.slice(0, slash), zoneId: value.slice(slash + 1) }
}

export interface ZoneOption {
  value: string
  scope: VoteScope
  name: string
}

/** One template on the board with its zones; `name` tells apart two copies of one template. */
export interface ScopeGroup {
  instanceId: string
  name: string
  zones: ZoneOption[]
}

/** The board's templates in the order they were added, each with its zones in reading order. */
export function scopeGroups(instances: readonly TemplateInstance[], language: Language): ScopeGroup[] {
  const copies = new Map<string, number>()
  for (const instance of instances) copies.set(instance.templateId, (copies.get(instance.templateId) ?? 0) + 1)
  const seen = new Map<string, number>()
  return instances.map((instance) => {
    const templateName = getTemplate(instance.templateId).name[language]
    const number = (seen.get(instance.templateId) ?? 0) + 1
    seen.set(instance.templateId, number)
    const name = (copies.get(instance.templateId) ?? 1) > 1 ? `${templateName} (${number})` : templateName
    return {
      instanceId: instance.instanceId,
      name,
      zones: instanceZones(instance).map((zone) => {
        const scope: VoteScope = { kind: 'zone', instanceId: instance.instanceId, zoneId: zone.id }
        return { value: scopeValue(scope), scope, name: zone.name[language] }
      }),
    }
  })
}

/** The zone and template a zone scope names, or null for all notes and for a zone that is gone. */
export function zoneOfScope(
  scope: VoteScope,
  instances: readonly TemplateInstance[],
  language: Language,
): { zone: string; template: string } | null {
  if (scope.kind === 'all') return null
  const group = scopeGroups(instances, language).find((candidate) => candidate.instanceId === scope.instanceId)
  const zone = group?.zones.find((candidate) => candidate.value === scopeValue(scope))
  return group && zone ? { zone: zone.name, template: group.name } : null
}
