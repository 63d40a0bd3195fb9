/** Brings a note into view, on whichever page it is, for the lists that link to the board (results, changes since the last visit). */
import type { Editor, TLShapeId } from 'tldraw'

/** Long enough to follow with the eye; tldraw shortens it for people who ask for reduced motion. */
const SHOW_NOTE_ANIMATION_MS = 320

export function showNote(editor: Editor, shapeId: string): void {
  const shape = editor.getShape(shapeId as TLShapeId)
  if (!shape) return
  const pageId = editor.getAncestorPageId(shape)
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  const bounds = editor.getShapePageBounds(shape)
  if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: SHOW_NOTE_ANIMATION_MS } })
}
