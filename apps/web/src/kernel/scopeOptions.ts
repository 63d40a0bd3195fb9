/**
 * How a place on the board is named: all notes, one zone of one template on the board, or every
 * zone of one template. A voting round covers one (the start dialog offers them, the voting panel
 * names them), and a note written on a phone goes into a zone. A zone is written
 * `<instanceId>/<zoneId>` in a select's value, a whole template `<instanceId>/*` (instance ids
 * are base64url, so they hold no slash; zone ids are never "*").
 */
import type { TemplateInstance, VoteScope } from '@dorfplatz/board'
import { instanceTemplateName, instanceZones } from '@dorfplatz/templates'
import type { Language } from '../i18n/i18n.ts'

export const ALL_NOTES = 'all'

const WHOLE_TEMPLATE = '*'

export function scopeValue(scope: VoteScope): string {
  switch (scope.kind) {
    case 'all':
      return ALL_NOTES
    case 'zone':
      return `${scope.instanceId}/${scope.zoneId}`
    case 'template':
      return `${scope.instanceId}/${WHOLE_TEMPLATE}`
  }
}

export function parseScopeValue(value: string): VoteScope | null {
  if (value === ALL_NOTES) return { kind: 'all' }
  const slash = value.indexOf('/')
  if (slash <= 0 || slash === value.length - 1) return null
  const instanceId = value.slice(0, slash)
  const zoneId = value.slice(slash + 1)
  return zoneId === WHOLE_TEMPLATE ? { kind: 'template', instanceId } : { kind: 'zone', instanceId, zoneId }
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
  /** The value of the whole template, every one of its zones. */
  value: string
  zones: ZoneOption[]
}

/** The board's templates in the order they were added, each with its zones in reading order. */
export function scopeGroups(instances: readonly TemplateInstance[], language: Language): ScopeGroup[] {
  const copies = new Map<string, number>()
  for (const instance of instances) copies.set(instance.templateId, (copies.get(instance.templateId) ?? 0) + 1)
  const seen = new Map<string, number>()
  return instances.map((instance) => {
    const templateName = instanceTemplateName(instance)?.[language] ?? instance.templateId
    const number = (seen.get(instance.templateId) ?? 0) + 1
    seen.set(instance.templateId, number)
    const name = (copies.get(instance.templateId) ?? 1) > 1 ? `${templateName} (${number})` : templateName
    return {
      instanceId: instance.instanceId,
      name,
      value: scopeValue({ kind: 'template', instanceId: instance.instanceId }),
      zones: instanceZones(instance).map((zone) => {
        const scope: VoteScope = { kind: 'zone', instanceId: instance.instanceId, zoneId: zone.id }
        return { value: scopeValue(scope), scope, name: zone.name[language] }
      }),
    }
  })
}

/** The zone and template a zone scope names, or null for all notes, a whole template and a zone that is gone. */
export function zoneOfScope(
  scope: VoteScope,
  instances: readonly TemplateInstance[],
  language: Language,
): { zone: string; template: string } | null {
  if (scope.kind !== 'zone') return null
  const group = scopeGroups(instances, language).find((candidate) => candidate.instanceId === scope.instanceId)
  const zone = group?.zones.find((candidate) => candidate.value === scopeValue(scope))
  return group && zone ? { zone: zone.name, template: group.name } : null
}

/** The name of the template a template scope covers, or null for other scopes and a template that is gone. */
export function templateOfScope(scope: VoteScope, instances: readonly TemplateInstance[], language: Language): string | null {
  if (scope.kind !== 'template') return null
  return scopeGroups(instances, language).find((candidate) => candidate.instanceId === scope.instanceId)?.name ?? null
}
