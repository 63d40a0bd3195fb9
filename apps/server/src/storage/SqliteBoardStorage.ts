/**
 * The embedded default storage: one SQLite file in the data directory, in WAL
 * mode with synchronous=FULL so that an append that has returned survives
 * `kill -9` and power loss alike.
 *
 * Appends are committed together: the boards that store changes in one turn of the event loop
 * share one transaction and so one wait for the disk (see appendUpdates).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { isRole, type Role } from '@dorfplatz/protocol'
import type { SnapshotInfo, SnapshotKind } from '@dorfplatz/protocol'
import type {
  BallotOutcome,
  BoardStorage,
  NewBoard,
  RoundTally,
  StoredBoard,
  AppendResult,
  BoardDump,
  StoredDocument,
  StoredSnapshot,
  TokenGrant,
} from './BoardStorage.ts'
import type { StoredPrivateSpace } from './PrivateSpaceStore.ts'
import type { SeriesMembership, StoredSeries } from './SeriesStore.ts'
import { OPENED_AT_RESOLUTION_MS } from './BoardDirectory.ts'
import { InProcessBoardLocks } from './BoardLocks.ts'
import { joinOwnTemplates, ownTemplateVersionData, type NewOwnTemplateVersion, type OwnTemplate, type OwnTemplateVersion } from './OwnTemplateStore.ts'
import { historyRowData, MAX_HISTORY_ROWS, readHistoryRow, type NewHistoryRow, type StoredHistoryRow } from './HistoryLog.ts'

interface SnapshotRow {
  id: string
  name: string
  kind: string
  created_at: number
}

const snapshotInfo = (row: SnapshotRow): SnapshotInfo => ({
  id: row.id,
  name: row.name,
  kind: row.kind as SnapshotKind,
  createdAt: row.created_at,
})

/** Each entry moves the schema from version `index` to `index + 1`; `PRAGMA user_version` says where a file stands. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX tokens_board ON tokens(board_id);
  CREATE TABLE board_states (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    upto_seq INTEGER NOT NULL
  );
  CREATE TABLE board_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX board_updates_board_seq ON board_updates(board_id, seq);
  `,
  `
  CREATE TABLE ballots (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL,
    voter TEXT NOT NULL,
    shape_id TEXT NOT NULL,
    dots INTEGER NOT NULL CHECK (dots > 0),
    PRIMARY KEY (board_id, round_id, voter, shape_id)
  ) WITHOUT ROWID;
  `,
  `
  CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL,
    thumbnail TEXT NOT NULL
  );
  CREATE INDEX snapshots_board ON snapshots(board_id, created_at);
  `,
  `
  ALTER TABLE boards ADD COLUMN last_opened_at INTEGER NOT NULL DEFAULT 0;
  UPDATE boards SET last_opened_at = created_at;
  `,
  `
  CREATE TABLE board_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX board_history_board ON board_history(board_id, id);
  `,
  `
  CREATE TABLE private_rounds (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL,
    open INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, round_id)
  ) WITHOUT ROWID;
  CREATE TABLE private_spaces (
    board_id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    state BLOB NOT NULL,
    notes INTEGER NOT NULL,
    author TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, round_id, owner),
    FOREIGN KEY (board_id, round_id) REFERENCES private_rounds(board_id, round_id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  `,
  `
  CREATE TABLE own_templates (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    retired_at INTEGER
  );
  CREATE TABLE own_template_versions (
    template_id TEXT NOT NULL REFERENCES own_templates(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (template_id, version)
  ) WITHOUT ROWID;
  `,
  `
  CREATE TABLE series (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE series_boards (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    series_id TEXT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    position INTEGER NOT NULL
  );
  CREATE INDEX series_boards_series ON series_boards(series_id, position);
  `,
  `
  ALTER TABLE board_states ADD COLUMN checked_by TEXT;
  `,
]

interface BoardRow {
  id: string
  title: string
  created_at: number
  last_opened_at: number
}

/** SQLite's page cache per connection, in KiB (negative `cache_size` counts KiB, not pages). */
const PAGE_CACHE_KIB = 256

const storedBoard = (row: BoardRow): StoredBoard => ({ id: row.id, title: row.title, createdAt: row.created_at, lastOpenedAt: row.last_opened_at })

export const SQLITE_FILE_NAME = 'dorfplatz.sqlite'

/** An append waiting for its turn's commit. */
interface QueuedAppend {
  boardId: string
  updates: readonly Uint8Array[]
  resolve: (result: AppendResult) => void
  reject: (error: unknown) => void
}

export class SqliteBoardStorage implements BoardStorage {
  private readonly database: Database.Database
  /** One process uses a SQLite file: its board locks are a queue in memory. */
  private readonly locks = new InProcessBoardLocks()
  private readonly prepared
  /** Appends waiting for the commit at the end of this turn (see appendUpdates). */
  private appendQueue: QueuedAppend[] = []

  /**
   * The database, and below its prepared statements. Whatever reads or writes through them first
   * commits the appends still waiting, so that every call sees the ones made before it, as if
   * each had been written at once.
   */
  private get db(): Database.Database {
    this.commitAppends()
    return this.database
  }

  private get statements(): typeof this.prepared {
    this.commitAppends()
    return this.prepared
  }

  /** Opens (and creates or migrates) the database file in `dataDir`, or an in-memory database for `':memory:'`. */
  constructor(dataDir: string) {
    let file = ':memory:'
    if (dataDir !== ':memory:') {
      fs.mkdirSync(dataDir, { recursive: true })
      file = path.join(dataDir, SQLITE_FILE_NAME)
    }
    this.database = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    // SQLite's page cache (2 MiB by default) fills while boards are read, and its pages end up
    // between the short-lived buffers of each board: after 10,000 boards, glibc kept 19 MiB of
    // holes around them. The operating system caches the file anyway (docs/performance.md).
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
    // Deleted rows are overwritten with zeros, not left in free pages: a deleted board (and the
    // log rows compaction removes, which name their board) leaves no trace in the file.
    this.db.pragma('secure_delete = ON')
    this.migrate()
    this.prepared = {
      insertBoard: this.db.prepare('INSERT INTO boards (id, title, created_at, last_opened_at) VALUES (?, ?, ?, ?)'),
      insertToken: this.db.prepare('INSERT INTO tokens (hash, board_id, role, created_at) VALUES (?, ?, ?, ?)'),
      insertState: this.db.prepare(
        `INSERT INTO board_states (board_id, data, upto_seq, checked_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, checked_by = excluded.checked_by`,
      ),
      getBoard: this.db.prepare<[string], BoardRow>('SELECT id, title, created_at, last_opened_at FROM boards WHERE id = ?'),
      listBoards: this.db.prepare<[], BoardRow>(
        'SELECT id, title, created_at, last_opened_at FROM boards ORDER BY created_at DESC, rowid DESC',
      ),
      touchBoard: this.db.prepare('UPDATE boards SET last_opened_at = ? WHERE id = ? AND last_opened_at <= ?'),
      storedBytes: this.db.prepare<[string, string, string, string], { n: number | null }>(
        `SELECT (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM board_states WHERE board_id = ?)
              + (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM board_updates WHERE board_id = ?)
              + (SELECT COALESCE(SUM(LENGTH(state) + LENGTH(CAST(thumbnail AS BLOB))), 0) FROM snapshots WHERE board_id = ?)
              + (SELECT COALESCE(SUM(LENGTH(CAST(data AS BLOB))), 0) FROM board_history WHERE board_id = ?) AS n`,
      ),
      deleteBoard: this.db.prepare('DELETE FROM boards WHERE id = ?'),
      activeTokens: this.db.prepare<[string, string], { hash: string }>(
        'SELECT hash FROM tokens WHERE board_id = ? AND role = ? AND revoked_at IS NULL',
      ),
      revokeTokens: this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE board_id = ? AND role = ? AND revoked_at IS NULL'),
      findToken: this.db.prepare<[string], { board_id: string; role: string }>(
        'SELECT board_id, role FROM tokens WHERE hash = ? AND revoked_at IS NULL',
      ),
      getState: this.db.prepare<[string], { data: Buffer; upto_seq: number; checked_by: string | null }>(
        'SELECT data, upto_seq, checked_by FROM board_states WHERE board_id = ?',
      ),
      getUpdates: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: this.db.prepare('INSERT INTO board_updates (board_id, data) VALUES (?, ?)'),
      deleteUpdatesUpTo: this.db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?'),
      // The state's sequence number alone: its data is the whole board, and this runs on every append.
      latestSeq: this.db.prepare<{ boardId: string }, { seq: number }>(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM board_updates WHERE board_id = @boardId), 0),
                    COALESCE((SELECT upto_seq FROM board_states WHERE board_id = @boardId), 0)) AS seq`,
      ),
      stateSeq: this.db.prepare<[string], { upto_seq: number }>('SELECT upto_seq FROM board_states WHERE board_id = ?'),
      countUpdates: this.db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?',
      ),
      ping: this.db.prepare('SELECT 1'),
      insertHistory: this.db.prepare('INSERT INTO board_history (board_id, at, data) VALUES (?, ?, ?)'),
      trimHistory: this.db.prepare(
        'DELETE FROM board_history WHERE board_id = ? AND id < (SELECT id FROM board_history WHERE board_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
      ),
      listHistory: this.db.prepare<[string], { id: number; at: number; data: string }>(
        'SELECT id, at, data FROM board_history WHERE board_id = ? ORDER BY id',
      ),
      ballot: this.db.prepare<[string, string, string], { shape_id: string; dots: number }>(
        'SELECT shape_id, dots FROM ballots WHERE board_id = ? AND round_id = ? AND voter = ? ORDER BY shape_id',
      ),
      addDot: this.db.prepare(
        `INSERT INTO ballots (board_id, round_id, voter, shape_id, dots) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (board_id, round_id, voter, shape_id) DO UPDATE SET dots = dots + 1`,
      ),
      takeDot: this.db.prepare(
        'UPDATE ballots SET dots = dots - 1 WHERE board_id = ? AND round_id = ? AND voter = ? AND shape_id = ? AND dots > 1',
      ),
      dropDot: this.db.prepare(
        'DELETE FROM ballots WHERE board_id = ? AND round_id = ? AND voter = ? AND shape_id = ? AND dots = 1',
      ),
      totals: this.db.prepare<[string, string], { shape_id: string; dots: number }>(
        'SELECT shape_id, SUM(dots) AS dots FROM ballots WHERE board_id = ? AND round_id = ? GROUP BY shape_id',
      ),
      voterCount: this.db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(DISTINCT voter) AS n FROM ballots WHERE board_id = ? AND round_id = ?',
      ),
      deleteBallots: this.db.prepare('DELETE FROM ballots WHERE board_id = ? AND round_id = ?'),
      insertSnapshot: this.db.prepare(
        'INSERT INTO snapshots (id, board_id, name, kind, created_at, state, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      trimSnapshots: this.db.prepare(
        `DELETE FROM snapshots WHERE board_id = ? AND kind = ? AND id NOT IN (
           SELECT id FROM snapshots WHERE board_id = ? AND kind = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
      ),
      listSnapshots: this.db.prepare<[string], SnapshotRow>(
        'SELECT id, name, kind, created_at FROM snapshots WHERE board_id = ? ORDER BY created_at DESC, rowid DESC',
      ),
      getSnapshot: this.db.prepare<[string, string], SnapshotRow & { state: Buffer; thumbnail: string }>(
        'SELECT id, name, kind, created_at, state, thumbnail FROM snapshots WHERE board_id = ? AND id = ?',
      ),
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number
    if (version > MIGRATIONS.length) {
      throw new Error(
        `The database was written by a newer Dorfplatz (schema ${version}, this version knows ${MIGRATIONS.length}). Update Dorfplatz instead of downgrading.`,
      )
    }
    for (let next = version; next < MIGRATIONS.length; next++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[next]!)
        this.db.pragma(`user_version = ${next + 1}`)
      })()
    }
  }

  async createBoard(board: NewBoard): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertBoard.run(board.id, board.title, board.createdAt, board.createdAt)
      for (const [role, hash] of Object.entries(board.tokenHashes)) {
        this.statements.insertToken.run(hash, board.id, role, board.createdAt)
      }
      this.statements.insertState.run(board.id, Buffer.from(board.initialState), 0, null)
    })()
  }

  async getBoard(id: string): Promise<StoredBoard | undefined> {
    const row = this.statements.getBoard.get(id)
    return row && storedBoard(row)
  }

  async listBoards(): Promise<StoredBoard[]> {
    return this.statements.listBoards.all().map(storedBoard)
  }

  async touchBoard(boardId: string, at: number): Promise<void> {
    this.statements.touchBoard.run(at, boardId, at - OPENED_AT_RESOLUTION_MS)
  }

  async storedBytes(boardId: string): Promise<number> {
    return this.statements.storedBytes.get(boardId, boardId, boardId, boardId)?.n ?? 0
  }

  async deleteBoard(boardId: string): Promise<boolean> {
    // Tokens, state, log, snapshots and ballots go with the board (ON DELETE CASCADE, foreign_keys is on).
    const deleted = this.db.transaction(() => {
      const gone = this.statements.deleteBoard.run(boardId).changes > 0
      // The board left its series with its row (ON DELETE CASCADE); a series without boards goes too.
      if (gone) this.dropEmptySeries()
      return gone
    })()
    // The write-ahead log still holds the pages as they were before; fold it into the file and empty it.
    if (deleted) this.db.pragma('wal_checkpoint(TRUNCATE)')
    return deleted
  }

  async replaceToken(boardId: string, role: Role, newTokenHash: string): Promise<string[]> {
    return this.db.transaction(() => {
      const revoked = this.statements.activeTokens.all(boardId, role).map((row) => row.hash)
      const now = Date.now()
      this.statements.revokeTokens.run(now, boardId, role)
      this.statements.insertToken.run(newTokenHash, boardId, role, now)
      return revoked
    })()
  }

  async findToken(tokenHash: string): Promise<TokenGrant | undefined> {
    const row = this.statements.findToken.get(tokenHash)
    if (!row || !isRole(row.role)) return undefined
    return { boardId: row.board_id, role: row.role }
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    return this.loadDocumentNow(boardId)
  }

  private loadDocumentNow(boardId: string): StoredDocument {
    return this.db.transaction(() => {
      const state = this.statements.getState.get(boardId)
      const updates: Uint8Array[] = []
      let lastSeq = state?.upto_seq ?? 0
      if (state) updates.push(new Uint8Array(state.data))
      for (const row of this.statements.getUpdates.iterate(boardId, lastSeq)) {
        updates.push(new Uint8Array(row.data))
        lastSeq = row.seq
      }
      return { updates, lastSeq, stateCheckedBy: state?.checked_by ?? null }
    })()
  }

  /**
   * Resolves once the updates are committed. Appends made in one run of code (the boards flushed
   * together in one turn of the event loop, see Room) are committed in one transaction right after
   * it, so that they share one wait for the disk; each is a savepoint of its own, so that one
   * board's failure is only its own.
   */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.appendQueue.push({ boardId, updates, resolve, reject }) === 1) queueMicrotask(() => this.commitAppends())
    })
  }

  private commitAppends(): void {
    if (this.appendQueue.length === 0) return
    const queue = this.appendQueue
    this.appendQueue = []
    const outcomes: Array<{ result: AppendResult } | { error: unknown }> = []
    try {
      this.database.transaction(() => {
        for (const { boardId, updates } of queue) {
          try {
            // A savepoint inside the turn's transaction.
            outcomes.push({ result: this.database.transaction(() => this.appendNow(boardId, updates))() })
          } catch (error) {
            outcomes.push({ error })
          }
        }
      })()
    } catch (error) {
      for (const append of queue) append.reject(error)
      return
    }
    queue.forEach((append, i) => {
      const outcome = outcomes[i]!
      if ('result' in outcome) append.resolve(outcome.result)
      else append.reject(outcome.error)
    })
  }

  private appendNow(boardId: string, updates: readonly Uint8Array[]): AppendResult {
    const previousSeq = this.latestSeqNow(boardId)
    let lastSeq = previousSeq
    for (const update of updates) {
      lastSeq = Number(this.statements.insertUpdate.run(boardId, Buffer.from(update)).lastInsertRowid)
    }
    return { lastSeq, previousSeq }
  }

  async loadUpdatesSince(boardId: string, afterSeq: number): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const state = this.statements.stateSeq.get(boardId)
      // Compacted past afterSeq: what was merged is only in the state.
      if (state && state.upto_seq > afterSeq) return this.loadDocumentNow(boardId)
      const updates: Uint8Array[] = []
      let lastSeq = afterSeq
      for (const row of this.statements.getUpdates.iterate(boardId, afterSeq)) {
        updates.push(new Uint8Array(row.data))
        lastSeq = row.seq
      }
      return { updates, lastSeq }
    })()
  }

  async latestSeq(boardId: string): Promise<number> {
    return this.latestSeqNow(boardId)
  }

  private latestSeqNow(boardId: string): number {
    return this.statements.latestSeq.get({ boardId })?.seq ?? 0
  }

  async compact(boardId: string, state: Uint8Array, uptoSeq: number, checkedBy: string | null = null): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertState.run(boardId, Buffer.from(state), uptoSeq, checkedBy)
      this.statements.deleteUpdatesUpTo.run(boardId, uptoSeq)
    })()
  }

  async countLoggedUpdates(boardId: string): Promise<number> {
    return this.statements.countUpdates.get(boardId)?.n ?? 0
  }

  async changeBallot(
    boardId: string,
    roundId: string,
    voter: string,
    shapeId: string,
    delta: 1 | -1,
    budget: number,
  ): Promise<{ outcome: BallotOutcome; dots: Map<string, number> }> {
    return this.db.transaction(() => {
      const dots = this.ballotOf(boardId, roundId, voter)
      let outcome: BallotOutcome = 'changed'
      if (delta === 1) {
        const used = [...dots.values()].reduce((sum, n) => sum + n, 0)
        if (used >= budget) outcome = 'budget-spent'
        else this.statements.addDot.run(boardId, roundId, voter, shapeId)
      } else {
        const onNote = dots.get(shapeId) ?? 0
        // One statement per take-back: a decrement followed by a delete-at-one would take two
        // dots from a note that had exactly two.
        if (onNote === 0) outcome = 'no-dot-there'
        else if (onNote === 1) this.statements.dropDot.run(boardId, roundId, voter, shapeId)
        else this.statements.takeDot.run(boardId, roundId, voter, shapeId)
      }
      return { outcome, dots: outcome === 'changed' ? this.ballotOf(boardId, roundId, voter) : dots }
    })()
  }

  async readBallot(boardId: string, roundId: string, voter: string): Promise<Map<string, number>> {
    return this.ballotOf(boardId, roundId, voter)
  }

  private ballotOf(boardId: string, roundId: string, voter: string): Map<string, number> {
    return new Map(this.statements.ballot.all(boardId, roundId, voter).map((row) => [row.shape_id, row.dots]))
  }

  async tallyRound(boardId: string, roundId: string): Promise<RoundTally> {
    return this.db.transaction(() => {
      const totals = new Map(this.statements.totals.all(boardId, roundId).map((row) => [row.shape_id, row.dots]))
      const voters = this.statements.voterCount.get(boardId, roundId)?.n ?? 0
      return { totals, voters, dots: [...totals.values()].reduce((sum, n) => sum + n, 0) }
    })()
  }

  async deleteBallots(boardId: string, roundId: string): Promise<void> {
    this.statements.deleteBallots.run(boardId, roundId)
  }

  async saveSnapshot(boardId: string, snapshot: StoredSnapshot, { keepAutomatic }: { keepAutomatic?: number } = {}): Promise<void> {
    this.db.transaction(() => {
      const { id, name, kind, createdAt, state, thumbnail } = snapshot
      this.statements.insertSnapshot.run(id, boardId, name, kind, createdAt, Buffer.from(state), thumbnail)
      if (keepAutomatic !== undefined && kind !== 'manual') {
        this.statements.trimSnapshots.run(boardId, kind, boardId, kind, keepAutomatic)
      }
    })()
  }

  async listSnapshots(boardId: string): Promise<SnapshotInfo[]> {
    return this.statements.listSnapshots.all(boardId).map(snapshotInfo)
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<StoredSnapshot | undefined> {
    const row = this.statements.getSnapshot.get(boardId, snapshotId)
    if (!row) return undefined
    return { ...snapshotInfo(row), state: new Uint8Array(row.state), thumbnail: row.thumbnail }
  }

  async dumpBoard(boardId: string): Promise<BoardDump | undefined> {
    return this.db.transaction(() => {
      const board = this.statements.getBoard.get(boardId)
      if (!board) return undefined
      const tokens = this.db
        .prepare<[string], { hash: string; role: string; created_at: number; revoked_at: number | null }>(
          'SELECT hash, role, created_at, revoked_at FROM tokens WHERE board_id = ? ORDER BY created_at, hash',
        )
        .all(boardId)
      const snapshots = this.db
        .prepare<[string], SnapshotRow & { state: Buffer; thumbnail: string }>(
          'SELECT id, name, kind, created_at, state, thumbnail FROM snapshots WHERE board_id = ? ORDER BY created_at, rowid',
        )
        .all(boardId)
      const ballots = this.db
        .prepare<[string], { round_id: string; voter: string; shape_id: string; dots: number }>(
          'SELECT round_id, voter, shape_id, dots FROM ballots WHERE board_id = ? ORDER BY round_id, voter, shape_id',
        )
        .all(boardId)
      return {
        board: storedBoard(board),
        tokens: tokens.filter((row) => isRole(row.role)).map((row) => ({ hash: row.hash, role: row.role as Role, createdAt: row.created_at, revokedAt: row.revoked_at })),
        updates: this.loadDocumentNow(boardId).updates,
        snapshots: snapshots.map((row) => ({ ...snapshotInfo(row), state: new Uint8Array(row.state), thumbnail: row.thumbnail })),
        ballots: ballots.map((row) => ({ roundId: row.round_id, voter: row.voter, shapeId: row.shape_id, dots: row.dots })),
        history: this.listHistoryNow(boardId),
        series: this.membershipOf(boardId),
      }
    })()
  }

  async restoreBoard(dump: BoardDump): Promise<void> {
    this.db.transaction(() => {
      const { board } = dump
      this.statements.insertBoard.run(board.id, board.title, board.createdAt, board.lastOpenedAt)
      const insertToken = this.db.prepare('INSERT INTO tokens (hash, board_id, role, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)')
      for (const token of dump.tokens) insertToken.run(token.hash, board.id, token.role, token.createdAt, token.revokedAt)
      this.statements.insertState.run(board.id, Buffer.from(Y.mergeUpdates(dump.updates)), 0, null)
      for (const { id, name, kind, createdAt, state, thumbnail } of dump.snapshots) {
        this.statements.insertSnapshot.run(id, board.id, name, kind, createdAt, Buffer.from(state), thumbnail)
      }
      const insertBallot = this.db.prepare('INSERT INTO ballots (board_id, round_id, voter, shape_id, dots) VALUES (?, ?, ?, ?, ?)')
      for (const ballot of dump.ballots) insertBallot.run(board.id, ballot.roundId, ballot.voter, ballot.shapeId, ballot.dots)
      for (const row of dump.history ?? []) this.statements.insertHistory.run(board.id, row.at, historyRowData(row))
      if (dump.series) {
        const { seriesId, name, createdAt, position } = dump.series
        this.db.prepare('INSERT INTO series (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(seriesId, name, createdAt)
        this.db.prepare('INSERT INTO series_boards (board_id, series_id, position) VALUES (?, ?, ?)').run(board.id, seriesId, position)
      }
    })()
  }

  // -- SeriesStore ------------------------------------------------------------------------

  async seriesOf(boardId: string): Promise<StoredSeries | null> {
    return this.db.transaction(() => {
      const series = this.db
        .prepare<[string], { id: string; name: string; created_at: number }>(
          'SELECT s.id, s.name, s.created_at FROM series s JOIN series_boards m ON m.series_id = s.id WHERE m.board_id = ?',
        )
        .get(boardId)
      if (!series) return null
      const boards = this.db
        .prepare<[string], { id: string; title: string; position: number; created_at: number }>(
          'SELECT b.id, b.title, m.position, b.created_at FROM series_boards m JOIN boards b ON b.id = m.board_id WHERE m.series_id = ? ORDER BY m.position, b.created_at',
        )
        .all(series.id)
      return {
        id: series.id,
        name: series.name,
        createdAt: series.created_at,
        boards: boards.map((row) => ({ id: row.id, title: row.title, position: row.position, createdAt: row.created_at })),
      }
    })()
  }

  async createSeries(seriesId: string, name: string, boardId: string, now: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM series_boards WHERE board_id = ?').run(boardId)
      this.db.prepare('INSERT INTO series (id, name, created_at) VALUES (?, ?, ?)').run(seriesId, name, now)
      this.db.prepare('INSERT INTO series_boards (board_id, series_id, position) VALUES (?, ?, 1)').run(boardId, seriesId)
      this.dropEmptySeries()
    })()
  }

  async renameSeries(seriesId: string, name: string): Promise<boolean> {
    return this.db.prepare('UPDATE series SET name = ? WHERE id = ?').run(name, seriesId).changes > 0
  }

  async joinSeries(boardId: string, seriesId: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM series WHERE id = ?').get(seriesId)) return false
      if (this.db.prepare('SELECT 1 FROM series_boards WHERE board_id = ? AND series_id = ?').get(boardId, seriesId)) return true
      this.db.prepare('DELETE FROM series_boards WHERE board_id = ?').run(boardId)
      this.db
        .prepare(
          'INSERT INTO series_boards (board_id, series_id, position) VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM series_boards WHERE series_id = ?))',
        )
        .run(boardId, seriesId, seriesId)
      this.dropEmptySeries()
      return true
    })()
  }

  async leaveSeries(boardId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const left = this.db.prepare('DELETE FROM series_boards WHERE board_id = ?').run(boardId).changes > 0
      if (left) this.dropEmptySeries()
      return left
    })()
  }

  private membershipOf(boardId: string): SeriesMembership | undefined {
    const row = this.db
      .prepare<[string], { series_id: string; name: string; created_at: number; position: number }>(
        'SELECT m.series_id, s.name, s.created_at, m.position FROM series_boards m JOIN series s ON s.id = m.series_id WHERE m.board_id = ?',
      )
      .get(boardId)
    return row && { seriesId: row.series_id, name: row.name, createdAt: row.created_at, position: row.position }
  }

  private dropEmptySeries(): void {
    this.db.prepare('DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM series_boards m WHERE m.series_id = series.id)').run()
  }

  async appendHistory(boardId: string, rows: readonly NewHistoryRow[]): Promise<void> {
    if (rows.length === 0) return
    this.db.transaction(() => {
      for (const row of rows) this.statements.insertHistory.run(boardId, row.at, historyRowData(row))
      this.statements.trimHistory.run(boardId, boardId, MAX_HISTORY_ROWS - 1)
    })()
  }

  // -- PrivateSpaceStore -----------------------------------------------------------------

  async openPrivateRound(boardId: string, roundId: string, now: number): Promise<void> {
    this.db
      .prepare('INSERT INTO private_rounds (board_id, round_id, open, opened_at) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING')
      .run(boardId, roundId, now)
  }

  async loadPrivateSpace(boardId: string, roundId: string, owner: string): Promise<Uint8Array | null> {
    return this.db.transaction(() => {
      if (!this.privateRoundIsOpen(boardId, roundId)) return null
      const row = this.db
        .prepare<[string, string, string], { state: Buffer }>('SELECT state FROM private_spaces WHERE board_id = ? AND round_id = ? AND owner = ?')
        .get(boardId, roundId, owner)
      return row ? new Uint8Array(row.state) : Y.encodeStateAsUpdate(new Y.Doc())
    })()
  }

  private privateRoundIsOpen(boardId: string, roundId: string): boolean {
    const row = this.db
      .prepare<[string, string], { open: number }>('SELECT open FROM private_rounds WHERE board_id = ? AND round_id = ?')
      .get(boardId, roundId)
    return row?.open === 1
  }

  async storePrivateSpace(
    boardId: string,
    roundId: string,
    owner: string,
    update: Uint8Array,
    { notes, author, now }: { notes: number; author: string; now: number },
  ): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.privateRoundIsOpen(boardId, roundId)) return false
      const row = this.db
        .prepare<[string, string, string], { state: Buffer }>('SELECT state FROM private_spaces WHERE board_id = ? AND round_id = ? AND owner = ?')
        .get(boardId, roundId, owner)
      const state = row ? Y.mergeUpdates([new Uint8Array(row.state), update]) : update
      this.db
        .prepare(
          `INSERT INTO private_spaces (board_id, round_id, owner, state, notes, author, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (board_id, round_id, owner) DO UPDATE SET state = excluded.state, notes = excluded.notes, author = excluded.author, updated_at = excluded.updated_at`,
        )
        .run(boardId, roundId, owner, Buffer.from(state), notes, author, now)
      return true
    })()
  }

  async privateRoundTotals(boardId: string, roundId: string): Promise<{ notes: number; people: number }> {
    const row = this.db
      .prepare<[string, string], { notes: number | null; people: number }>(
        'SELECT SUM(notes) AS notes, COUNT(*) AS people FROM private_spaces WHERE board_id = ? AND round_id = ? AND notes > 0',
      )
      .get(boardId, roundId)
    return { notes: row?.notes ?? 0, people: row?.people ?? 0 }
  }

  async closePrivateRound(boardId: string, roundId: string): Promise<StoredPrivateSpace[]> {
    return this.db.transaction(() => {
      this.db.prepare('UPDATE private_rounds SET open = 0 WHERE board_id = ? AND round_id = ?').run(boardId, roundId)
      return this.db
        .prepare<[string, string], { owner: string; state: Buffer; notes: number; author: string }>(
          'SELECT owner, state, notes, author FROM private_spaces WHERE board_id = ? AND round_id = ? ORDER BY updated_at, owner',
        )
        .all(boardId, roundId)
        .map((row) => ({ owner: row.owner, state: new Uint8Array(row.state), notes: row.notes, author: row.author }))
    })()
  }

  async dropPrivateSpaces(boardId: string, roundId: string): Promise<void> {
    this.db.prepare('DELETE FROM private_spaces WHERE board_id = ? AND round_id = ?').run(boardId, roundId)
  }

  async listHistory(boardId: string): Promise<StoredHistoryRow[]> {
    return this.listHistoryNow(boardId)
  }

  private listHistoryNow(boardId: string): StoredHistoryRow[] {
    const rows: StoredHistoryRow[] = []
    for (const { id, at, data } of this.statements.listHistory.all(boardId)) {
      const row = readHistoryRow(id, at, data)
      if (row) rows.push(row)
    }
    return rows
  }

  // -- OwnTemplateStore -----------------------------------------------------------------------

  async createOwnTemplate(template: OwnTemplate): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO own_templates (id, created_at, retired_at) VALUES (?, ?, ?)').run(template.id, template.createdAt, template.retiredAt)
      const insert = this.db.prepare('INSERT INTO own_template_versions (template_id, version, published_at, data) VALUES (?, ?, ?, ?)')
      for (const version of template.versions) insert.run(template.id, version.version, version.publishedAt, ownTemplateVersionData(version))
    })()
  }

  async publishOwnTemplateVersion(templateId: string, version: NewOwnTemplateVersion): Promise<OwnTemplateVersion | undefined> {
    return this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM own_templates WHERE id = ?').get(templateId)) return undefined
      const { newest } = this.db
        .prepare<[string], { newest: number | null }>('SELECT MAX(version) AS newest FROM own_template_versions WHERE template_id = ?')
        .get(templateId)!
      const number = (newest ?? 0) + 1
      this.db
        .prepare('INSERT INTO own_template_versions (template_id, version, published_at, data) VALUES (?, ?, ?, ?)')
        .run(templateId, number, version.publishedAt, ownTemplateVersionData(version))
      return { ...version, version: number }
    }).immediate()
  }

  async listOwnTemplates(): Promise<OwnTemplate[]> {
    return this.db.transaction(() =>
      joinOwnTemplates(
        this.db.prepare<[], { id: string; created_at: number; retired_at: number | null }>('SELECT id, created_at, retired_at FROM own_templates ORDER BY created_at, id').all(),
        this.db
          .prepare<[], { template_id: string; version: number; published_at: number; data: string }>(
            'SELECT template_id, version, published_at, data FROM own_template_versions',
          )
          .all(),
      ),
    )()
  }

  async getOwnTemplate(templateId: string): Promise<OwnTemplate | undefined> {
    return this.db.transaction(() =>
      joinOwnTemplates(
        this.db.prepare<[string], { id: string; created_at: number; retired_at: number | null }>('SELECT id, created_at, retired_at FROM own_templates WHERE id = ?').all(templateId),
        this.db
          .prepare<[string], { template_id: string; version: number; published_at: number; data: string }>(
            'SELECT template_id, version, published_at, data FROM own_template_versions WHERE template_id = ?',
          )
          .all(templateId),
      )[0],
    )()
  }

  async setOwnTemplateRetired(templateId: string, retiredAt: number | null): Promise<boolean> {
    return this.db.prepare('UPDATE own_templates SET retired_at = ? WHERE id = ?').run(retiredAt, templateId).changes > 0
  }

  withBoardLock<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    return this.locks.withBoardLock(boardId, task)
  }

  async ping(): Promise<void> {
    this.statements.ping.get()
  }

  async close(): Promise<void> {
    if (this.database.open) this.db.close()
  }
}
