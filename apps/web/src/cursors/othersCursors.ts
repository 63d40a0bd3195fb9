/**
 * Whether this browser hides the others' cursors: a person's own choice, kept in the browser for
 * every board. Separate from the facilitator's switch for everyone (`facilitation.cursorsHidden`),
 * which hides participants' cursors and makes the server stop relaying them.
 */
import { atom } from 'tldraw'
import { readLocal, writeLocal } from '../storage/localStore.ts'

const STORAGE_KEY = 'hideOthersCursors'

export const othersCursorsHidden = atom('dorfplatz.othersCursorsHidden', readLocal(STORAGE_KEY) === true)

export function setOthersCursorsHidden(hidden: boolean): void {
  writeLocal(STORAGE_KEY, hidden)
  othersCursorsHidden.set(hidden)
}
