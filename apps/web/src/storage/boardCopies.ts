/**
 * Where the browser keeps its copy of a board (IndexedDB, see board/LocalBoardCopy.ts), and how the
 * start page deletes one without loading the board code.
 */

export function boardCopyDatabaseName(boardId: string): string {
  return `dorfplatz-board-${boardId}`
}

/** Deletes a board's copy: the person asked this browser to forget the board. Never throws. */
export function deleteBoardCopy(boardId: string): void {
  try {
    indexedDB.deleteDatabase(boardCopyDatabaseName(boardId))
  } catch {
    // No IndexedDB here: there is no copy either.
  }
}
