/**
 * Puts a note onto the board without a pointer (the phone's sheet, the list view): into the
 * chosen zone of a template (where its frame is now) at a free spot, or near the middle of the
 * person's view outside every template; and moves a note to another place the same way. The
 * zone follows from the note's position alone, as everywhere on a board, so the results report
 * and dot votes find it there.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import {
  currentTemplateInstances,
  DEFAULT_NOTE_SIZE,
  instanceZones,
  placeNoteInZone,
  placeNoteNear,
  readStructureMeta,
  type NoteSize,
  type Rect,
} from '@dorfplatz/templates'
import {
  createShapeId,
  toRichText,
  type Box,
  type Editor,
  type TLDefaultColorStyle,
  type TLPageId,
  type TLShape,
  type TLShapeId,
} from 'tldraw'
import { parseScopeValue } from './scopeOptions.ts'

/** The place outside every template: the middle of the person's view. */
export const FREE_AREA = 'free'

export interface NewNote {
  text: string
  color: TLDefaultColorStyle
  /** A zone's `<instanceId>/<zoneId>`, or FREE_AREA. */
  place: string
}

export type AddNoteResult =
  | { ok: true; shapeId: TLShapeId }
  /**
   * `place-gone`: the zone's template left the board; `place-covered`: another template's frame
   * lies over the whole zone, so no note there would count as in it; `readonly`: the board may
   * not be changed now; `not-created`: tldraw refused the note (a page holds only so many shapes).
   */
  | { ok: false; reason: 'place-gone' | 'place-covered' | 'readonly' | 'not-created' }

/** Whether a shape is in a new note's way: anything but a template's frame, areas and lines (labels are). */
function isObstacle(shape: TLShape): boolean {
  const mark = readStructureMeta(shape)
  return mark === null || mark.part === 'label'
}

function rectOf(bounds: Box): Rect {
  return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
}

function obstaclesOn(editor: Editor, pageId: TLPageId, except?: TLShapeId): Rect[] {
  const rects: Rect[] = []
  for (const id of editor.getPageShapeIds(pageId)) {
    if (id === except) continue
    const shape = editor.getShape(id)
    if (!shape || !isObstacle(shape)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds) rects.push(rectOf(bounds))
  }
  return rects
}

type Target = { ok: true; pageId: TLPageId; x: number; y: number } | { ok: false; reason: 'place-gone' | 'place-covered' }

/** Where a note of `size` goes: its page and top-left corner. */
function targetOf(
  editor: Editor,
  instances: readonly TemplateInstance[],
  place: string,
  size: NoteSize,
  except?: TLShapeId,
): Target {
  const byId = new Map<string, TLShape>()
  for (const shape of editor.store.allRecords()) if (shape.typeName === 'shape') byId.set(shape.id, shape)
  const current = currentTemplateInstances(instances, byId)
  if (place === FREE_AREA) {
    const pageId = editor.getCurrentPageId()
    // Outside every template: a note in a frame's zone would count as in that zone.
    const frames = current.flatMap((instance) => {
      const bounds = instance.pageId === pageId ? editor.getShapePageBounds(instance.frameId as TLShapeId) : undefined
      return bounds ? [rectOf(bounds)] : []
    })
    const spot = placeNoteNear(editor.getViewportPageBounds().center, [...obstaclesOn(editor, pageId, except), ...frames], size)
    return { ok: true, pageId, ...spot }
  }
  const scope = parseScopeValue(place)
  if (scope?.kind !== 'zone') return { ok: false, reason: 'place-gone' }
  const instance = current.find((candidate) => candidate.instanceId === scope.instanceId)
  const zone = instance && instanceZones(instance).find((candidate) => candidate.id === scope.zoneId)
  if (!instance || !zone) return { ok: false, reason: 'place-gone' }
  const pageId = instance.pageId as TLPageId
  const spot = placeNoteInZone(instance, zone, obstaclesOn(editor, pageId, except), { size, instances: current })
  return spot ? { ok: true, pageId, ...spot } : { ok: false, reason: 'place-covered' }
}

export function addNoteAtPlace(editor: Editor, instances: readonly TemplateInstance[], note: NewNote): AddNoteResult {
  if (editor.getIsReadonly()) return { ok: false, reason: 'readonly' }
  const target = targetOf(editor, instances, note.place, DEFAULT_NOTE_SIZE)
  if (!target.ok) return target
  const shapeId = createShapeId()
  editor.run(() => {
    // A new shape goes onto the current page; the note must land on its zone's page.
    if (target.pageId !== editor.getCurrentPageId()) editor.setCurrentPage(target.pageId)
    editor.markHistoryStoppingPoint('note at a place')
    editor.createShape({
      id: shapeId,
      type: 'note',
      x: target.x,
      y: target.y,
      props: { richText: toRichText(note.text), color: note.color },
    })
    // tldraw grows a note to fit a long text, and the size style chosen last makes the text
    // larger: place it again as large as it turned out, so that its centre stays in the zone.
    const bounds = editor.getShapePageBounds(shapeId)
    if (!bounds || (bounds.w <= DEFAULT_NOTE_SIZE.w && bounds.h <= DEFAULT_NOTE_SIZE.h)) return
    const again = targetOf(editor, instances, note.place, { w: bounds.w, h: bounds.h }, shapeId)
    if (again.ok) editor.updateShape({ id: shapeId, type: 'note', x: again.x, y: again.y })
  })
  return editor.getShape(shapeId) ? { ok: true, shapeId } : { ok: false, reason: 'not-created' }
}

export type MoveNoteResult =
  | { ok: true }
  /** `gone`: the note is no longer on the board, or it is locked; the other reasons as for a new note. */
  | { ok: false; reason: 'place-gone' | 'place-covered' | 'readonly' | 'gone' }

/**
 * Moves a note into `place` (a zone's `<instanceId>/<zoneId>`, or FREE_AREA) at a free spot, as
 * large as it is, onto that place's page. It lies on the page afterwards, as a note the phone's
 * sheet put there does: template frames are locked, so notes in them are never their children.
 */
export function moveNoteToPlace(editor: Editor, instances: readonly TemplateInstance[], shapeId: TLShapeId, place: string): MoveNoteResult {
  if (editor.getIsReadonly()) return { ok: false, reason: 'readonly' }
  const shape = editor.getShape(shapeId)
  if (!shape || shape.type !== 'note' || editor.isShapeOrAncestorLocked(shape)) return { ok: false, reason: 'gone' }
  const bounds = editor.getShapePageBounds(shapeId)
  const size = bounds ? { w: bounds.w, h: bounds.h } : DEFAULT_NOTE_SIZE
  const target = targetOf(editor, instances, place, size, shapeId)
  if (!target.ok) return target
  editor.run(() => {
    editor.markHistoryStoppingPoint('note moved to a place')
    if (editor.getAncestorPageId(shapeId) !== target.pageId) editor.moveShapesToPage([shapeId], target.pageId)
    if (editor.getShape(shapeId)?.parentId !== target.pageId) editor.reparentShapes([shapeId], target.pageId)
    editor.updateShape({ id: shapeId, type: 'note', x: target.x, y: target.y })
  })
  return { ok: true }
}
