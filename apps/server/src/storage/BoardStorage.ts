/**
 * The storage interface every backend implements (SQLite now, PostgreSQL
 * later). `storageContract.ts` is the one test suite each implementation must
 * pass. A board's document is a compacted state plus an append-only log of
 * Yjs updates; the state and log together rebuild the document.
 */
import type { Role, SnapshotInfo } from '@dorfplatz/protocol'

export interface StoredBoard {
  id: string
  title: string
  createdAt: number
}

export interface NewBoard extends StoredBoard {
  /** The seeded document as one Yjs update. */
  initialState: Uint8Array
  /** sha256 (hex) of each role's link token. */
  tokenHashes: Record<Role, string>
}

export interface TokenGrant {
  boardId: string
  role: Role
}

export interface StoredDocument {
  /** The compacted state first (if any), then every update appended since, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update included; compaction passes it back. */
  lastSeq: number
}

/** What one change to a voter's ballot did. */
export type BallotOutcome = 'changed' | 'budget-spent' | 'no-dot-there'

/** A round's ballots added up: never who voted for what. */
export interface RoundTally {
  /** Dots per note, only notes with at least one. */
  totals: Map<string, number>
  /** Voters with at least one dot. */
  voters: number
  dots: number
}

/** A named version of a board: its whole document as one Yjs update, and a small SVG sketch of it. */
export interface StoredSnapshot extends SnapshotInfo {
  state: Uint8Array
  thumbnail: string
}

export interface BoardStorage {
  createBoard(board: NewBoard): Promise<void>
  getBoard(id: string): Promise<StoredBoard | undefined>
  /** Every board, newest first. */
  listBoards(): Promise<StoredBoard[]>
  /** The board and role a token hash grants, or undefined for an unknown or revoked token. */
  findToken(tokenHash: string): Promise<TokenGrant | undefined>
  /** Revokes the role's current token(s) and stores a new one; resolves to the revoked hashes. */
  replaceToken(boardId: string, role: Role, newTokenHash: string): Promise<string[]>
  loadDocument(boardId: string): Promise<StoredDocument>
  /**
   * Appends updates durably, in one transaction, and resolves only once they
   * would survive a crash of the process. Resolves to the last sequence number.
   */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number>
  /** Replaces the state and every logged update up to `uptoSeq` with `state`. */
  compact(boardId: string, state: Uint8Array, uptoSeq: number): Promise<void>
  /** Number of logged updates not yet merged into the state (for tests and metrics). */
  countLoggedUpdates(boardId: string): Promise<number>
  /**
   * Places (`delta` 1) or takes back (-1) one of a voter's dots on a note, atomically: a dot
   * beyond `budget` in the round is refused ('budget-spent'), as is taking back a dot the
   * voter has not placed there ('no-dot-there'). Resolves to the outcome and the voter's
   * dots per note afterwards. `voter` is a hash; nothing ties it to a person.
   */
  changeBallot(
    boardId: string,
    roundId: string,
    voter: string,
    shapeId: string,
    delta: 1 | -1,
    budget: number,
  ): Promise<{ outcome: BallotOutcome; dots: Map<string, number> }>
  /** A voter's dots per note in a round. */
  readBallot(boardId: string, roundId: string, voter: string): Promise<Map<string, number>>
  tallyRound(boardId: string, roundId: string): Promise<RoundTally>
  /** Forgets every ballot of a round (once its totals are in the board). */
  deleteBallots(boardId: string, roundId: string): Promise<void>
  /**
   * Stores a snapshot. With `keepAutomatic`, the oldest snapshots of the same automatic kind
   * beyond that many are deleted in the same transaction.
   */
  saveSnapshot(boardId: string, snapshot: StoredSnapshot, options?: { keepAutomatic?: number }): Promise<void>
  /** A board's snapshots, newest first, without their states. */
  listSnapshots(boardId: string): Promise<SnapshotInfo[]>
  getSnapshot(boardId: string, snapshotId: string): Promise<StoredSnapshot | undefined>
  /** Throws when the storage cannot serve requests (used by /healthz). */
  ping(): Promise<void>
  close(): Promise<void>
}
