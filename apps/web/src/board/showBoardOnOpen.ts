/**
 * Opens a board on its first template at a readable zoom (see templateViews.ts). The top bar and
 * the toolbar are laid out a frame after the editor mounts, and a board shown from the browser's
 * copy may grow when the server's changes arrive: the view is made again then, unless the person
 * has moved it meanwhile, follows someone (whose view wins) or a presentation runs (its slide wins).
 */
import { readFacilitation } from '@dorfplatz/board'
import type { Editor } from 'tldraw'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { showOpeningView } from './templateViews.ts'

/** Shows the opening view now, once more when the panels are laid out and after the first sync; returns the cleanup. */
export function showBoardOnOpen(editor: Editor, session: BoardSession): () => void {
  let shown = editor.getCamera()
  const showAgain = () => {
    const camera = editor.getCamera()
    const untouched = camera.x === shown.x && camera.y === shown.y && camera.z === shown.z
    // A presentation running shows its slide instead (see usePresentingView).
    if (!untouched || editor.getInstanceState().followingUserId || readFacilitation(session.doc).presenting) return
    showOpeningView(editor)
    shown = editor.getCamera()
  }
  showOpeningView(editor)
  shown = editor.getCamera()

  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(showAgain)
  })
  const unsubscribe =
    session.getSnapshot().connection === 'connected'
      ? () => undefined
      : session.subscribe(() => {
          if (session.getSnapshot().connection !== 'connected') return
          unsubscribe()
          showAgain()
        })
  return () => {
    cancelAnimationFrame(frame)
    unsubscribe()
  }
}
