/**
 * Keeps a template's structure (its frame, zone areas, labels, lines and arrows) as the
 * facilitator placed it, on the client side: the server closes the socket of a participant
 * who writes a structure shape, so this client must never send such a write. tldraw's side
 * effects turn the person's own changes to those shapes back and strip the structure mark
 * from copies they paste, while changes arriving through sync pass untouched.
 */
import { isStructureShape, STRUCTURE_META_KEY } from '@dorfplatz/templates'
import type { Editor, TLPage, TLShape } from 'tldraw'

/** The shape a person's change leaves behind: a structure shape stays as it was, any other takes the change. */
export function keepStructure<T extends { meta?: unknown }>(prev: T, next: T): T {
  return isStructureShape(prev) ? prev : next
}

/** A shape as a person may create it: a copy of a structure part becomes an ordinary shape. */
export function withoutStructureMark<T extends { meta?: unknown }>(shape: T): T {
  if (!isStructureShape(shape)) return shape
  const { [STRUCTURE_META_KEY]: _mark, ...meta } = shape.meta as Record<string, unknown>
  return { ...shape, meta }
}

/** Registers the guard on `editor`; returns the function that removes it. */
export function guardTemplateStructure(editor: Editor): () => void {
  const removers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
      source === 'user' ? withoutStructureMark(shape) : shape,
    ),
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
      source === 'user' ? keepStructure(prev, next) : next,
    ),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
      source === 'user' && isStructureShape(shape) ? false : undefined,
    ),
    // Deleting a page deletes its shapes first: the structure would stay behind without a page.
    editor.sideEffects.registerBeforeDeleteHandler('page', (page, source) =>
      source === 'user' && pageHasStructure(editor, page) ? false : undefined,
    ),
  ]
  return () => {
    for (const remove of removers) remove()
  }
}

function pageHasStructure(editor: Editor, page: TLPage): boolean {
  for (const id of editor.getPageShapeIds(page.id)) {
    const shape: TLShape | undefined = editor.getShape(id)
    if (shape && isStructureShape(shape)) return true
  }
  return false
}
