/**
 * A whole board out of one storage and into another: its directory entry and every token hash
 * (revoked ones too, so that a replaced link stays replaced), its document, its snapshots, its
 * ballots and its history. For moving an installation from SQLite to PostgreSQL (`dorfplatz migrate-storage`).
 * One of the storage concerns (see BoardStorage).
 */
import type { Role } from '@dorfplatz/protocol'
import type { StoredBoard } from './BoardDirectory.ts'
import type { StoredSnapshot } from './SnapshotStore.ts'
import type { StoredHistoryRow } from './HistoryLog.ts'
import type { SeriesMembership } from './SeriesStore.ts'

export interface StoredToken {
  hash: string
  role: Role
  createdAt: number
  revokedAt: number | null
}

export interface StoredBallot {
  roundId: string
  voter: string
  shapeId: string
  dots: number
}

export interface BoardDump {
  board: StoredBoard
  tokens: StoredToken[]
  /** The board's document: its state and every update logged since, in order. */
  updates: Uint8Array[]
  snapshots: StoredSnapshot[]
  ballots: StoredBallot[]
  /** The board's history, oldest first (absent in backups written before history was kept). */
  history?: StoredHistoryRow[]
  /** The series the board belongs to, if any (absent in backups written before series were kept). */
  series?: SeriesMembership
}

export interface BoardTransfer {
  /** Everything stored of a board, or undefined when there is no such board. */
  dumpBoard(boardId: string): Promise<BoardDump | undefined>
  /** Stores a dumped board as it was, in one transaction; refuses a board id that exists already. */
  restoreBoard(dump: BoardDump): Promise<void>
}
