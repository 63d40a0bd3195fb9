/**
 * Opens a board on an overview of its current page (templates are larger than a screen), never
 * zoomed in past 100 %. A board shown from the browser's copy may grow when the server's changes
 * arrive: then the overview is made again, unless the person has already moved the view.
 */
import type { Editor } from 'tldraw'
import type { BoardSession } from './BoardSession.ts'

function fit(editor: Editor): void {
  const pageBounds = editor.getCurrentPageBounds()
  if (pageBounds) editor.zoomToBounds(pageBounds, { targetZoom: 1 })
}

/** Fits the view now and once more after the first sync; returns the cleanup. */
export function fitBoardOnOpen(editor: Editor, session: BoardSession): () => void {
  fit(editor)
  if (session.getSnapshot().connection === 'connected') return () => undefined
  const fitted = editor.getCamera()
  const unsubscribe = session.subscribe(() => {
    if (session.getSnapshot().connection !== 'connected') return
    unsubscribe()
    const camera = editor.getCamera()
    if (camera.x === fitted.x && camera.y === fitted.y && camera.z === fitted.z) fit(editor)
  })
  return unsubscribe
}
