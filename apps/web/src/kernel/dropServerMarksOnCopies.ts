/**
 * A copy of a note (duplicated, pasted, Alt-dragged) is a new note of this board: it does not keep
 * the marks that only the server writes (where a carried note came from, the private round a
 * revealed note came from), or the server would refuse the change and close the connection (see
 * @dorfplatz/board's carriedFrom.ts and privateRound.ts). A pasted note of a private round that
 * is no longer open loses that mark too, so that it lands on the board instead of nowhere. Notes
 * that arrive from others keep every mark.
 */
import { CARRIED_FROM_META, FROM_PRIVATE_ROUND_META, PRIVATE_ROUND_META, privateRoundOf } from '@dorfplatz/board'
import type { Editor } from 'tldraw'

/** Drops the marks from shapes this person creates; returns the function that stops it. */
export function dropServerMarksOnCopies(editor: Editor, openPrivateRound: () => string | null): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user') return shape
    const stalePrivate = privateRoundOf(shape) !== null && privateRoundOf(shape) !== openPrivateRound()
    if (!(CARRIED_FROM_META in shape.meta) && !(FROM_PRIVATE_ROUND_META in shape.meta) && !stalePrivate) return shape
    const { [CARRIED_FROM_META]: _carried, [FROM_PRIVATE_ROUND_META]: _revealed, ...meta } = shape.meta
    if (stalePrivate) delete meta[PRIVATE_ROUND_META]
    return { ...shape, meta }
  })
}
