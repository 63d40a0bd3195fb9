/**
 * Moves the camera to a shape that is on its way. A template is built on the
 * server and reaches this browser through sync a moment after the API has
 * answered, so the camera waits for the frame's record before it moves.
 */
import { react, type Editor, type TLShapeId } from 'tldraw'

/** How long to wait for the record; a camera jump after that would surprise more than help. */
export const REVEAL_TIMEOUT_MS = 15_000

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
  let done = false
  const stop = () => {
    if (done) return
    done = true
    window.clearTimeout(timer)
    stopReacting()
  }
  const stopReacting = react('reveal shape when present', () => {
    if (done || !editor.getShape(shapeId)) return
    // Move the camera outside the reaction, which must not write to the store itself,
    // and after `stopReacting` exists (the reaction runs once right away).
    queueMicrotask(() => {
      if (done) return
      stop()
      reveal(editor, shapeId)
    })
  })
  const timer = window.setTimeout(stop, REVEAL_TIMEOUT_MS)
  return stop
}
