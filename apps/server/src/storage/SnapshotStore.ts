/**
 * Named versions of boards, each the whole document as one Yjs update with a small sketch. One of
 * the storage concerns (see BoardStorage).
 */
import type { SnapshotInfo } from '@dorfplatz/protocol'

/** A named version of a board: its whole document as one Yjs update, and a small SVG sketch of it. */
export interface StoredSnapshot extends SnapshotInfo {
  state: Uint8Array
  thumbnail: string
}

export interface SnapshotStore {
  /**
   * Stores a snapshot. With `keepAutomatic`, the oldest snapshots of the same automatic kind
   * beyond that many are deleted in the same transaction.
   */
  saveSnapshot(boardId: string, snapshot: StoredSnapshot, options?: { keepAutomatic?: number }): Promise<void>
  /** A board's snapshots, newest first, without their states. */
  listSnapshots(boardId: string): Promise<SnapshotInfo[]>
  getSnapshot(boardId: string, snapshotId: string): Promise<StoredSnapshot | undefined>
}
