/**
 * A count that goes up whenever this page changed a board's series (starting a new board from
 * this one puts both into one series), so that whatever shows the series reads it again.
 */
import { atom } from 'tldraw'

export const seriesChanges = atom('series changes', 0)

export function seriesChanged(): void {
  seriesChanges.update((count) => count + 1)
}
