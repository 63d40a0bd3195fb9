/**
 * Switches the editor to a page that is on its way. An import is written on the server and
 * reaches this browser through sync a moment after the API has answered, so the editor waits
 * for the page's record (and its shapes) before it turns to it.
 */
import { react, type Editor, type TLPageId } from 'tldraw'
import { REVEAL_TIMEOUT_MS } from '../board/revealShapeWhenPresent.ts'

/** Fit the page's content, but never zoom in beyond 100 %, as the board opens. */
const SHOW_MAX_ZOOM = 1

/** Turns to `pageId` as soon as it exists in the editor's store; returns a function that stops waiting. */
export function showPageWhenPresent(editor: Editor, pageId: TLPageId): () => void {
  let done = false
  const stop = () => {
    if (done) return
    done = true
    window.clearTimeout(timer)
    stopReacting()
  }
  const stopReacting = react('show page when present', () => {
    if (done || !editor.getPage(pageId)) return
    // Change the page outside the reaction, which must not write to the store itself, and
    // after `stopReacting` exists (the reaction runs once right away).
    queueMicrotask(() => {
      if (done || editor.isDisposed) return
      stop()
      editor.setCurrentPage(pageId)
      const bounds = editor.getCurrentPageBounds()
      if (bounds) editor.zoomToBounds(bounds, { targetZoom: SHOW_MAX_ZOOM })
    })
  })
  const timer = window.setTimeout(stop, REVEAL_TIMEOUT_MS)
  return stop
}
