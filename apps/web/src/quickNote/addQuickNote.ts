/**
 * Puts a note written in the phone's sheet onto the board: into the chosen zone of a template
 * (where its frame is now) at a free spot, or into the middle of the person's view. The zone
 * follows from the note's position alone, as everywhere on a board, so the results report and
 * dot votes find it there.
 */
import type { TemplateInstance, TemplateZone } from '@dorfplatz/board'
import {
  currentTemplateInstances,
  getTemplate,
  isTemplateId,
  placeNoteInZone,
  placeNoteNear,
  readStructureMeta,
  type Rect,
} from '@dorfplatz/templates'
import { createShapeId, toRichText, type Editor, type TLPageId, type TLShape, type TLShapeId } from 'tldraw'
import { parseScopeValue } from '../voting/scopeOptions.ts'
import { FREE_AREA, type QuickNoteColor } from './quickNoteChoice.ts'

export interface QuickNote {
  text: string
  color: QuickNoteColor
  /** A zone's `<instanceId>/<zoneId>`, or FREE_AREA. */
  place: string
}

export type AddQuickNoteResult =
  | { ok: true; shapeId: TLShapeId }
  /** `place-gone`: the zone's template left the board; `readonly`: the board may not be changed now. */
  | { ok: false; reason: 'place-gone' | 'readonly' }

/** Whether a shape is in a new note's way: anything but a template's frame, areas and lines (labels are). */
function isObstacle(shape: TLShape): boolean {
  const mark = readStructureMeta(shape)
  return mark === null || mark.part === 'label'
}

function obstaclesOn(editor: Editor, pageId: TLPageId): Rect[] {
  const rects: Rect[] = []
  for (const id of editor.getPageShapeIds(pageId)) {
    const shape = editor.getShape(id)
    if (!shape || !isObstacle(shape)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds) rects.push({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
  }
  return rects
}

function zonesOf(instance: TemplateInstance): readonly TemplateZone[] {
  if (instance.zones) return instance.zones
  return isTemplateId(instance.templateId) ? getTemplate(instance.templateId).zones : []
}

/** Where the note goes: its page and top-left corner, or null when the zone is gone. */
function targetOf(
  editor: Editor,
  instances: readonly TemplateInstance[],
  place: string,
): { pageId: TLPageId; x: number; y: number } | null {
  if (place === FREE_AREA) {
    const pageId = editor.getCurrentPageId()
    return { pageId, ...placeNoteNear(editor.getViewportPageBounds().center, obstaclesOn(editor, pageId)) }
  }
  const scope = parseScopeValue(place)
  if (scope?.kind !== 'zone') return null
  const byId = new Map<string, TLShape>()
  for (const shape of editor.store.allRecords()) if (shape.typeName === 'shape') byId.set(shape.id, shape)
  const instance = currentTemplateInstances(instances, byId).find((candidate) => candidate.instanceId === scope.instanceId)
  const zone = instance && zonesOf(instance).find((candidate) => candidate.id === scope.zoneId)
  if (!instance || !zone) return null
  const pageId = instance.pageId as TLPageId
  return { pageId, ...placeNoteInZone(instance, zone, obstaclesOn(editor, pageId)) }
}

export function addQuickNote(editor: Editor, instances: readonly TemplateInstance[], note: QuickNote): AddQuickNoteResult {
  if (editor.getIsReadonly()) return { ok: false, reason: 'readonly' }
  const target = targetOf(editor, instances, note.place)
  if (!target) return { ok: false, reason: 'place-gone' }
  const shapeId = createShapeId()
  editor.run(() => {
    // A new shape goes onto the current page; the note must land on its zone's page.
    if (target.pageId !== editor.getCurrentPageId()) editor.setCurrentPage(target.pageId)
    editor.markHistoryStoppingPoint('quick note')
    editor.createShape({
      id: shapeId,
      type: 'note',
      x: target.x,
      y: target.y,
      props: { richText: toRichText(note.text), color: note.color },
    })
  })
  return editor.getShape(shapeId) ? { ok: true, shapeId } : { ok: false, reason: 'readonly' }
}
