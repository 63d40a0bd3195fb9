/**
 * Moves the camera to a shape that is on its way. A template is built on the
 * server and reaches this browser through sync a moment after the API has
 * answered, so the camera waits for the frame's record before it moves.
 */
import type { Editor, TLShapeId } from 'tldraw'
import { whenPresent } from '../kernel/whenPresent.ts'

const REVEAL_ANIMATION_MS = 500

/** Fit the shape, but never zoom in beyond 100 %: a small frame is still readable at its size. */
const REVEAL_MAX_ZOOM = 1

function reveal(editor: Editor, shapeId: TLShapeId): void {
  const shape = editor.getShape(shapeId)
  if (!shape) return
  const pageId = editor.getAncestorPageId(shape)
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  const bounds = editor.getShapePageBounds(shape)
  if (!bounds) return
  // tldraw shortens or drops the animation where the user prefers reduced motion.
  editor.zoomToBounds(bounds, { targetZoom: REVEAL_MAX_ZOOM, animation: { duration: REVEAL_ANIMATION_MS } })
}

/** Zooms to `shapeId` as soon as it exists in the editor's store; returns a function that stops waiting. */
export function revealShapeWhenPresent(editor: Editor, shapeId: TLShapeId): () => void {
  return whenPresent(
    editor,
    'reveal shape when present',
    () => editor.getShape(shapeId) !== undefined,
    () => reveal(editor, shapeId),
  )
}
