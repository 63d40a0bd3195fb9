/**
 * The latest results a person closed on a board, remembered in this browser, so that a reload
 * does not open them again; newer results still open by themselves.
 */
import { readLocal, writeLocal } from '../storage/localStore.ts'

function storageKey(boardId: string): string {
  return `closedResults.${boardId}`
}

export function loadClosedResults(boardId: string): string | null {
  const stored = readLocal(storageKey(boardId))
  return typeof stored === 'string' ? stored : null
}

export function rememberClosedResults(boardId: string, roundId: string): void {
  writeLocal(storageKey(boardId), roundId)
}
