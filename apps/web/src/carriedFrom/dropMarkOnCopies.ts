/**
 * A copy of a carried note (duplicated, pasted, Alt-dragged) is a new note of this board: it does
 * not keep the mark that only the server writes, or the server would refuse the change and close
 * the connection (see @dorfplatz/board's carriedFrom.ts). Notes that arrive from others keep it.
 */
import { CARRIED_FROM_META } from '@dorfplatz/board'
import type { Editor } from 'tldraw'

/** Drops the mark from shapes this person creates; returns the function that stops it. */
export function dropCarriedMarkOnCopies(editor: Editor): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !(CARRIED_FROM_META in shape.meta)) return shape
    const { [CARRIED_FROM_META]: _mark, ...meta } = shape.meta
    return { ...shape, meta }
  })
}
