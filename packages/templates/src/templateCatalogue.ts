/** Every workshop template Dorfplatz offers, in the order the lobby lists them. */
import { isTemplateId, TEMPLATE_IDS, type LocalizedText, type TemplateId, type TemplateInstance } from '@dorfplatz/board'
import { ideaCollection } from './catalogue/ideaCollection.ts'
import { priorityMatrix } from './catalogue/priorityMatrix.ts'
import { projectCanvas } from './catalogue/projectCanvas.ts'
import { retrospective } from './catalogue/retrospective.ts'
import { roadmap } from './catalogue/roadmap.ts'
import { stakeholderMap } from './catalogue/stakeholderMap.ts'
import { swot } from './catalogue/swot.ts'
import type { TemplateModule } from './layout.ts'
import type { BuiltInTemplateDefinition, TemplateZone } from './TemplateDefinition.ts'

const MODULES: readonly TemplateModule[] = [
  stakeholderMap,
  projectCanvas,
  priorityMatrix,
  ideaCollection,
  roadmap,
  swot,
  retrospective,
]

const MODULES_BY_ID = new Map<TemplateId, TemplateModule>(MODULES.map((module) => [module.definition.id, module]))

// The board's list of ids and this catalogue must name the same templates in the same order.
if (MODULES.map((module) => module.definition.id).join() !== TEMPLATE_IDS.join()) {
  throw new Error('templateCatalogue: the catalogue does not match TEMPLATE_IDS')
}

export const TEMPLATES: readonly BuiltInTemplateDefinition[] = MODULES.map((module) => module.definition)

export function getTemplate(id: TemplateId): BuiltInTemplateDefinition {
  const module = MODULES_BY_ID.get(id)
  if (!module) throw new Error(`getTemplate: no template ${JSON.stringify(id)}`)
  return module.definition
}

/**
 * A template instance's zones: as stored with it when it was placed, else as the catalogue has
 * them now; none for a template this version does not know.
 */
export function instanceZones(instance: TemplateInstance): readonly TemplateZone[] {
  if (instance.zones) return instance.zones
  return isTemplateId(instance.templateId) ? getTemplate(instance.templateId).zones : []
}

/** How the template with this id draws its structure. */
export function getTemplateModule(id: TemplateId): TemplateModule {
  const module = MODULES_BY_ID.get(id)
  if (!module) throw new Error(`getTemplateModule: no template ${JSON.stringify(id)}`)
  return module
}

/**
 * The name of a placed template: an own template's as stored with its instance, a built-in
 * one's from the catalogue, else undefined (a template this version does not know).
 */
export function instanceTemplateName(instance: Pick<TemplateInstance, 'templateId' | 'name'>): LocalizedText | undefined {
  if (instance.name) return instance.name
  return isTemplateId(instance.templateId) ? getTemplate(instance.templateId).name : undefined
}
