/**
 * The board's own rule for when the last person leaves: a board that people changed since the
 * last automatic snapshot is saved as one, so that a session's work can always be found again
 * in "Versionen". The app hands this to the room registry (roomsPlugin).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { BoardStorage } from '../storage/BoardStorage.ts'
import type { Room } from '../sync/Room.ts'
import { KEEP_AUTOMATIC_SNAPSHOTS, LAST_LEFT_SNAPSHOT_NAME, takeSnapshot } from './boardSnapshots.ts'

export function saveSnapshotWhenLastLeft(storage: BoardStorage, log: FastifyBaseLogger): (room: Room) => void {
  return (room) => {
    if (!room.takeClientChanges()) return
    // Taken now, from memory: the state includes every applied update, stored or about to be.
    let snapshot: ReturnType<typeof takeSnapshot>
    try {
      snapshot = takeSnapshot(room.doc, 'last-left', LAST_LEFT_SNAPSHOT_NAME)
    } catch (error) {
      log.warn({ boardId: room.boardId, err: error }, 'automatic snapshot failed')
      return
    }
    storage
      .saveSnapshot(room.boardId, snapshot, { keepAutomatic: KEEP_AUTOMATIC_SNAPSHOTS })
      .then(() => log.debug({ boardId: room.boardId }, 'automatic snapshot saved'))
      .catch((error: unknown) => log.warn({ boardId: room.boardId, err: error }, 'automatic snapshot failed'))
  }
}
