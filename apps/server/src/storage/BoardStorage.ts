/**
 * Everything Dorfplatz stores, as one backend implements it (SQLite or PostgreSQL): eight
 * concerns, each an interface of its own with a contract suite of its own (apps/server/test/
 * storage), so that a backend can be built and checked concern by concern, and each part of the
 * server can ask only for the concern it needs.
 */
import type { BallotBox } from './BallotBox.ts'
import type { BoardDirectory } from './BoardDirectory.ts'
import type { BoardLocks } from './BoardLocks.ts'
import type { BoardTransfer } from './BoardTransfer.ts'
import type { DocumentLog } from './DocumentLog.ts'
import type { HistoryLog } from './HistoryLog.ts'
import type { PrivateSpaceStore } from './PrivateSpaceStore.ts'
import type { SnapshotStore } from './SnapshotStore.ts'
import type { OwnTemplateStore } from './OwnTemplateStore.ts'

export type { BallotBox, BallotOutcome, RoundTally } from './BallotBox.ts'
export type { BoardDirectory, NewBoard, StoredBoard, TokenGrant } from './BoardDirectory.ts'
export type { BoardLocks } from './BoardLocks.ts'
export type { BoardDump, BoardTransfer, StoredBallot, StoredToken } from './BoardTransfer.ts'
export type { AppendResult, DocumentLog, StoredDocument } from './DocumentLog.ts'
export type { SnapshotStore, StoredSnapshot } from './SnapshotStore.ts'
export type { NewOwnTemplateVersion, OwnTemplate, OwnTemplateStore, OwnTemplateVersion } from './OwnTemplateStore.ts'
export type { PrivateSpaceStore, StoredPrivateSpace } from './PrivateSpaceStore.ts'
export type { DeletedShape, HistoryLog, NewHistoryRow, StoredHistoryRow } from './HistoryLog.ts'

export interface BoardStorage
  extends BoardDirectory,
    DocumentLog,
    SnapshotStore,
    BallotBox,
    BoardLocks,
    BoardTransfer,
    HistoryLog,
    PrivateSpaceStore,
    OwnTemplateStore {
  /** Throws when the storage cannot serve requests (used by /healthz). */
  ping(): Promise<void>
  close(): Promise<void>
}
