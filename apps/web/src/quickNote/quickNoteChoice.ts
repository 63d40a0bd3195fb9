/**
 * What the phone's note sheet remembers per board in this browser: where the last note went
 * and in which colour, so that the next one goes there by default. A place is a zone as
 * `<instanceId>/<zoneId>` (the voting scopes' notation) or the free area.
 */
import { FREE_AREA } from '../kernel/notePlacement.ts'
import { readLocal, writeLocal } from '../storage/localStore.ts'

export { FREE_AREA }

/** The note colours the sheet offers: tldraw's, light enough for black text on a phone and a projector. */
export const QUICK_NOTE_COLORS = ['yellow', 'orange', 'light-green', 'light-blue', 'light-violet', 'light-red'] as const

export type QuickNoteColor = (typeof QUICK_NOTE_COLORS)[number]

export interface QuickNoteChoice {
  /** A zone's `<instanceId>/<zoneId>`, or {@link FREE_AREA}; null before the first note. */
  place: string | null
  color: QuickNoteColor
}

const DEFAULT_CHOICE: QuickNoteChoice = { place: null, color: 'yellow' }

function storageKey(boardId: string): string {
  return `quickNote.${boardId}`
}

export function isQuickNoteColor(value: unknown): value is QuickNoteColor {
  return typeof value === 'string' && (QUICK_NOTE_COLORS as readonly string[]).includes(value)
}

export function loadQuickNoteChoice(boardId: string): QuickNoteChoice {
  const stored = readLocal(storageKey(boardId))
  if (typeof stored !== 'object' || stored === null) return DEFAULT_CHOICE
  const { place, color } = stored as Record<string, unknown>
  return {
    place: typeof place === 'string' && place.length > 0 ? place : null,
    color: isQuickNoteColor(color) ? color : DEFAULT_CHOICE.color,
  }
}

export function saveQuickNoteChoice(boardId: string, choice: QuickNoteChoice): void {
  writeLocal(storageKey(boardId), choice)
}
