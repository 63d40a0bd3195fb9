/**
 * Switches the editor to a page that is on its way. An import is written on the server and
 * reaches this browser through sync a moment after the API has answered, so the editor waits
 * for the page's record (and its shapes) before it turns to it.
 */
import type { Editor, TLPageId } from 'tldraw'
import { whenPresent } from '../kernel/whenPresent.ts'

/** Fit the page's content, but never zoom in beyond 100 %, as the board opens. */
const SHOW_MAX_ZOOM = 1

/** Turns to `pageId` as soon as it exists in the editor's store; returns a function that stops waiting. */
export function showPageWhenPresent(editor: Editor, pageId: TLPageId): () => void {
  return whenPresent(
    editor,
    'show page when present',
    () => editor.getPage(pageId) !== undefined,
    () => {
      editor.setCurrentPage(pageId)
      const bounds = editor.getCurrentPageBounds()
      if (bounds) editor.zoomToBounds(bounds, { targetZoom: SHOW_MAX_ZOOM })
    },
  )
}
