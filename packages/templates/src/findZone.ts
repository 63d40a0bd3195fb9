/**
 * Which zone of which template a point on a board lies in: the question behind the results
 * report (which notes are in which stakeholder sector, matrix quadrant or canvas field).
 * Pure: it reads instances and definitions, never the board.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import { TEMPLATES } from './templateCatalogue.ts'
import type { TemplateDefinition, TemplateZone } from './TemplateDefinition.ts'
import { zoneContains, type Point } from './zoneArea.ts'

/** The template's zone at a template-local point, if any. */
export function findZoneInTemplate(template: TemplateDefinition, point: Point): TemplateZone | undefined {
  return template.zones.find((zone) => zoneContains(zone.area, point))
}

/**
 * The zone at a page point. Only instances on `pageId` count. Where template frames overlap
 * (they are placed apart, but a facilitator may move one), the instance added last decides,
 * even where it has no zone: its frame covers the older one. Points in no zone (a frame's
 * header and margins, outside every frame) give undefined.
 */
export function findZone<Instance extends TemplateInstance>(
  instances: readonly Instance[],
  pageId: string,
  point: Point,
): { instance: Instance; zone: TemplateZone } | undefined {
  for (let index = instances.length - 1; index >= 0; index--) {
    const instance = instances[index]!
    if (instance.pageId !== pageId) continue
    // The geometry stored with the instance wins: it is what the board was drawn with (an own
    // template's instance always has it).
    const template = TEMPLATES.find((candidate) => candidate.id === instance.templateId)
    const width = instance.width ?? template?.width
    const height = instance.height ?? template?.height
    const zones = instance.zones ?? template?.zones
    if (width === undefined || height === undefined || !zones) continue
    const local = { x: point.x - instance.x, y: point.y - instance.y }
    if (local.x < 0 || local.x >= width || local.y < 0 || local.y >= height) continue
    const zone = zones.find((candidate) => zoneContains(candidate.area, local))
    return zone ? { instance, zone } : undefined
  }
  return undefined
}
