/**
 * The voting and results panels lie over the canvas at the top left. When one opens over notes
 * of its round, the view moves right just far enough that those notes come out from under it:
 * the panel docks beside the notes instead of hiding them. A view that follows someone is theirs
 * to move, and notes that are not under the panel do not move the view.
 */
import type { Editor, TLShapeId } from 'tldraw'

/** Room left between the panel and the notes, in screen pixels. */
const GAP_PX = 16

const ROOM_ANIMATION_MS = 320

export interface ScreenRect {
  left: number
  top: number
  right: number
  bottom: number
}

/** How far (screen pixels) the view must move right so that no note lies under `panel`; 0 if none does. */
export function overlapToClear(panel: ScreenRect, notes: readonly ScreenRect[]): number {
  let shift = 0
  for (const note of notes) {
    const beside = note.bottom <= panel.top || note.top >= panel.bottom || note.right <= panel.left
    if (beside) continue
    shift = Math.max(shift, panel.right + GAP_PX - note.left)
  }
  return shift
}

export function makeRoomBeside(editor: Editor, panel: Element, noteIds: Iterable<string>): void {
  if (editor.getInstanceState().followingUserId) return
  const origin = editor.getContainer().getBoundingClientRect()
  const box = panel.getBoundingClientRect()
  const panelRect = { left: box.left - origin.left, top: box.top - origin.top, right: box.right - origin.left, bottom: box.bottom - origin.top }
  const viewport = editor.getViewportScreenBounds()
  const notes: ScreenRect[] = []
  for (const id of noteIds) {
    const bounds = editor.getShapePageBounds(id as TLShapeId)
    if (!bounds) continue
    const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
    const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
    // Only notes one can see now: a note off screen is not hidden by the panel.
    if (bottomRight.x < 0 || bottomRight.y < 0 || topLeft.x > viewport.w || topLeft.y > viewport.h) continue
    notes.push({ left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y })
  }
  const shift = overlapToClear(panelRect, notes)
  if (shift <= 0) return
  const camera = editor.getCamera()
  editor.setCamera({ ...camera, x: camera.x + shift / camera.z }, { animation: { duration: ROOM_ANIMATION_MS } })
}
