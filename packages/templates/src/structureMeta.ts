/**
 * The mark every structure shape of a template carries in its `meta`, so that the web app,
 * the server and exports can tell a template's own shapes from what participants add:
 * `meta.dorfplatz = { templateInstance, templateId, role: 'structure', part, zone? }`.
 */
import type { BoardTemplateId } from '@dorfplatz/board'

export const STRUCTURE_META_KEY = 'dorfplatz'

/** What a structure shape is: the frame, a zone's (or ring's) area, a text label, a border line or an axis arrow. */
export type StructurePart = 'frame' | 'area' | 'label' | 'line' | 'arrow'

export interface StructureMeta {
  templateInstance: string
  templateId: BoardTemplateId
  role: 'structure'
  part: StructurePart
  /** The zone an area shape shows, when it shows exactly one. */
  zone?: string
}

/** The structure mark of a shape, or null for shapes that are not part of a template's structure. */
export function readStructureMeta(shape: { meta?: unknown }): StructureMeta | null {
  const meta = shape.meta
  if (typeof meta !== 'object' || meta === null) return null
  const mark: unknown = (meta as Record<string, unknown>)[STRUCTURE_META_KEY]
  if (typeof mark !== 'object' || mark === null) return null
  const { templateInstance, templateId, role, part, zone } = mark as Record<string, unknown>
  if (role !== 'structure' || typeof templateInstance !== 'string' || typeof templateId !== 'string') return null
  if (typeof part !== 'string') return null
  return {
    templateInstance,
    templateId: templateId as BoardTemplateId,
    role,
    part: part as StructurePart,
    ...(typeof zone === 'string' ? { zone } : {}),
  }
}

export function isStructureShape(shape: { meta?: unknown }): boolean {
  return readStructureMeta(shape) !== null
}
