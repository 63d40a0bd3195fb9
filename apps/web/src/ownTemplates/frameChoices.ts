/**
 * The frames of the page in view that a facilitator can save as a template: template instances
 * and frames drawn by hand, in reading order, each with the name people see on it, the selected
 * one first in line to be chosen.
 */
import type { Editor, TLFrameShape } from 'tldraw'

export interface FrameChoice {
  id: string
  name: string
}

export function frameChoices(editor: Editor, untitled: string): { frames: FrameChoice[]; selected: string | null } {
  const frames = editor
    .getCurrentPageShapesSorted()
    .filter((shape): shape is TLFrameShape => shape.type === 'frame')
    .map((frame) => ({ frame, bounds: editor.getShapePageBounds(frame) }))
    .sort((a, b) => (a.bounds?.y ?? 0) - (b.bounds?.y ?? 0) || (a.bounds?.x ?? 0) - (b.bounds?.x ?? 0))
    .map(({ frame }) => ({ id: frame.id, name: frame.props.name.trim() || untitled }))
  const selected = editor.getOnlySelectedShape()
  const ancestor = selected ? editor.findShapeAncestor(selected, (shape) => shape.type === 'frame') : undefined
  const chosen = selected?.type === 'frame' ? selected.id : (ancestor?.id ?? null)
  return { frames, selected: frames.some((frame) => frame.id === chosen) ? chosen : null }
}
