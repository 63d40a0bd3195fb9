/**
 * Acts on a record that is on its way. The server writes templates and imports, and they reach
 * this browser through sync a moment after the API has answered: the action waits until the
 * record is in the editor's store, or gives up after REVEAL_TIMEOUT_MS.
 */
import { react, type Editor } from 'tldraw'

/** How long to wait for the record; a camera jump after that would surprise more than help. */
export const REVEAL_TIMEOUT_MS = 15_000

/** Runs `act` once `isPresent()` holds in `editor`; returns a function that stops waiting. */
export function whenPresent(editor: Editor, name: string, isPresent: () => boolean, act: () => void): () => void {
  let done = false
  const stop = () => {
    if (done) return
    done = true
    window.clearTimeout(timer)
    stopReacting()
  }
  const stopReacting = react(name, () => {
    if (done || !isPresent()) return
    // Act outside the reaction, which must not write to the store itself, and after
    // `stopReacting` exists (the reaction runs once right away).
    queueMicrotask(() => {
      if (done || editor.isDisposed) return
      stop()
      act()
    })
  })
  const timer = window.setTimeout(stop, REVEAL_TIMEOUT_MS)
  return stop
}
