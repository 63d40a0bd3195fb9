/**
 * Deleting boards: on a facilitator's request, an operator's, or because nobody opened a board
 * for the retention period (DORFPLATZ_RETENTION_DAYS). Everything of a board goes at once —
 * document, log, snapshots with their thumbnails, ballots, links — and every socket open on it,
 * on any instance, closes with 4404, upon which browsers drop their local copies.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { BoardDirectory, StoredBoard } from '../storage/BoardStorage.ts'
import type { RoomRegistry } from '../sync/RoomRegistry.ts'

const DAY_MS = 24 * 60 * 60_000

/** How long before the deletion the facilitator is warned on the board. */
export const RETENTION_WARNING_DAYS = 14

/** Deletes the board and closes its sockets; resolves to whether there was such a board. */
export function deleteBoard(storage: BoardDirectory, rooms: RoomRegistry, boardId: string): Promise<boolean> {
  return rooms.deleteBoard(boardId, () => storage.deleteBoard(boardId))
}

/** When retention deletes `board` if nobody opens it before. */
export function deletionDate(board: StoredBoard, retentionDays: number): number {
  return board.lastOpenedAt + retentionDays * DAY_MS
}

/**
 * The warning for the facilitator while the board is within RETENTION_WARNING_DAYS of its
 * deletion, or undefined (no retention, or not yet that close).
 */
export function retentionWarning(
  board: StoredBoard,
  retentionDays: number | undefined,
  now: number,
): { lastOpenedAt: number; deletesAt: number } | undefined {
  if (retentionDays === undefined) return undefined
  const deletesAt = deletionDate(board, retentionDays)
  if (deletesAt - now > RETENTION_WARNING_DAYS * DAY_MS) return undefined
  return { lastOpenedAt: board.lastOpenedAt, deletesAt }
}

/**
 * Deletes every board nobody opened for `retentionDays` as of `now`. A board with sockets open
 * right now is in use: it counts as opened now instead. Resolves to the deleted boards' ids.
 */
export async function deleteExpiredBoards(
  storage: BoardDirectory,
  rooms: RoomRegistry,
  log: FastifyBaseLogger,
  { retentionDays, now }: { retentionDays: number; now: number },
): Promise<string[]> {
  const deleted: string[] = []
  for (const board of await storage.listBoards()) {
    if (deletionDate(board, retentionDays) > now) continue
    if ((rooms.peek(board.id)?.size ?? 0) > 0) {
      await storage.touchBoard(board.id, now)
      continue
    }
    if (await deleteBoard(storage, rooms, board.id)) {
      deleted.push(board.id)
      log.info({ boardId: board.id, lastOpenedAt: new Date(board.lastOpenedAt).toISOString(), retentionDays }, 'board deleted: nobody opened it for the retention period')
    }
  }
  return deleted
}
