/**
 * Keeps a template's structure (its frame, zone areas, labels, lines and arrows) as the
 * facilitator placed it, on the client side: the server closes the socket of a participant
 * who writes a structure shape, so this client must never send such a write. tldraw's side
 * effects turn the person's own changes to those shapes back and strip the structure mark
 * from copies they paste, while changes arriving through sync pass untouched.
 */
import { isStructureShape, STRUCTURE_META_KEY } from '@dorfplatz/templates'
import { isShapeId, type Editor, type TLPage, type TLShape, type TLShapeId } from 'tldraw'

/**
 * The shape a person's change leaves behind: a structure shape stays as it was; any other takes
 * the change, without a structure mark it could not carry before (the server refuses both).
 */
export function keepStructure<T extends { meta?: unknown }>(prev: T, next: T): T {
  return isStructureShape(prev) ? prev : withoutStructureMark(next)
}

/** A shape as a person may create it: a copy of a structure part becomes an ordinary shape. */
export function withoutStructureMark<T extends { meta?: unknown }>(shape: T): T {
  if (!isStructureShape(shape)) return shape
  const { [STRUCTURE_META_KEY]: _mark, ...meta } = shape.meta as Record<string, unknown>
  return { ...shape, meta }
}

/** Registers the guard on `editor`; returns the function that removes it. */
export function guardTemplateStructure(editor: Editor): () => void {
  /**
   * Structure shapes kept in the current store operation. tldraw deletes a shape together with
   * its descendants, parents first: what lies in a kept frame (everyone's notes) stays with it.
   */
  const kept = new Set<TLShapeId>()
  const removers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
      source === 'user' ? withoutStructureMark(shape) : shape,
    ),
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
      source === 'user' ? keepStructure(prev, next) : next,
    ),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source !== 'user') return undefined
      if (isStructureShape(shape)) {
        kept.add(shape.id)
        return false
      }
      return hasAncestorIn(editor, shape, kept) ? false : undefined
    }),
    editor.sideEffects.registerOperationCompleteHandler(() => kept.clear()),
    // Deleting a page deletes its shapes first: the structure would stay behind without a page.
    editor.sideEffects.registerBeforeDeleteHandler('page', (page, source) =>
      source === 'user' && pageHasStructure(editor, page) ? false : undefined,
    ),
  ]
  return () => {
    for (const remove of removers) remove()
  }
}

function hasAncestorIn(editor: Editor, shape: TLShape, ids: ReadonlySet<TLShapeId>): boolean {
  if (ids.size === 0) return false
  for (let parentId = shape.parentId; isShapeId(parentId); ) {
    if (ids.has(parentId)) return true
    const parent: TLShape | undefined = editor.getShape(parentId)
    if (!parent) return false
    parentId = parent.parentId
  }
  return false
}

function pageHasStructure(editor: Editor, page: TLPage): boolean {
  for (const id of editor.getPageShapeIds(page.id)) {
    const shape: TLShape | undefined = editor.getShape(id)
    if (shape && isStructureShape(shape)) return true
  }
  return false
}
