/**
 * Storage in PostgreSQL, for operators who run it already and for several Dorfplatz instances
 * on one database (DORFPLATZ_DATABASE_URL). The same four concerns and the same contract as the
 * SQLite default; every rule that must hold across instances holds in the database:
 *
 * - Appends of one board are serialised with a transaction-level advisory lock on the board, so
 *   that its sequence numbers become visible in the order they were taken: an instance that has
 *   seen sequence n of a board has seen everything before it (see DocumentLog.loadUpdatesSince).
 * - Compaction takes the same lock, and never moves a board's state back to an older one.
 * - A voter's ballot is changed under a lock on (board, round, voter), so that the dot budget
 *   holds against ballots sent to two instances at once.
 * - Migrations run at start under a session-level advisory lock, so that instances starting
 *   together migrate once.
 */
import pg from 'pg'
import * as Y from 'yjs'
import { isRole, type Role, type SnapshotInfo, type SnapshotKind } from '@dorfplatz/protocol'
import type { BallotOutcome, RoundTally } from './BallotBox.ts'
import type { StoredPrivateSpace } from './PrivateSpaceStore.ts'
import type { SeriesMembership, StoredSeries } from './SeriesStore.ts'
import type { BoardDump, BoardStorage } from './BoardStorage.ts'
import { OPENED_AT_RESOLUTION_MS, type NewBoard, type StoredBoard, type TokenGrant } from './BoardDirectory.ts'
import type { AppendResult, StoredDocument } from './DocumentLog.ts'
import type { StoredSnapshot } from './SnapshotStore.ts'
import { joinOwnTemplates, ownTemplateVersionData, type NewOwnTemplateVersion, type OwnTemplate, type OwnTemplateVersion } from './OwnTemplateStore.ts'
import { historyRowData, MAX_HISTORY_ROWS, readHistoryRow, type NewHistoryRow, type StoredHistoryRow } from './HistoryLog.ts'

/** Each entry moves the schema from version `index` to `index + 1`. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id text PRIMARY KEY,
    title text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE tokens (
    hash text PRIMARY KEY,
    board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role text NOT NULL,
    created_at bigint NOT NULL,
    revoked_at bigint
  );
  CREATE INDEX tokens_board ON tokens(board_id);
  CREATE TABLE board_states (
    board_id text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    data bytea NOT NULL,
    upto_seq bigint NOT NULL
  );
  CREATE TABLE board_updates (
    seq bigserial PRIMARY KEY,
    board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data bytea NOT NULL
  );
  CREATE INDEX board_updates_board_seq ON board_updates(board_id, seq);
  CREATE TABLE ballots (
    board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id text NOT NULL,
    voter text NOT NULL,
    shape_id text NOT NULL,
    dots integer NOT NULL CHECK (dots > 0),
    PRIMARY KEY (board_id, round_id, voter, shape_id)
  );
  CREATE TABLE snapshots (
    id text PRIMARY KEY,
    board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name text NOT NULL,
    kind text NOT NULL,
    created_at bigint NOT NULL,
    position bigserial,
    state bytea NOT NULL,
    thumbnail text NOT NULL
  );
  CREATE INDEX snapshots_board ON snapshots(board_id, created_at);
  `,
  `
  ALTER TABLE boards ADD COLUMN last_opened_at bigint NOT NULL DEFAULT 0;
  UPDATE boards SET last_opened_at = created_at;
  `,
  `
  CREATE TABLE board_history (
    id bigserial PRIMARY KEY,
    board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    at bigint NOT NULL,
    data text NOT NULL
  );
  CREATE INDEX board_history_board ON board_history(board_id, id);
  `,
  `
  CREATE TABLE private_rounds (
    board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id text NOT NULL,
    open boolean NOT NULL,
    opened_at bigint NOT NULL,
    PRIMARY KEY (board_id, round_id)
  );
  CREATE TABLE private_spaces (
    board_id text NOT NULL,
    round_id text NOT NULL,
    owner text NOT NULL,
    state bytea NOT NULL,
    notes integer NOT NULL,
    author text NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (board_id, round_id, owner),
    FOREIGN KEY (board_id, round_id) REFERENCES private_rounds(board_id, round_id) ON DELETE CASCADE
  );
  `,
  `
  CREATE TABLE own_templates (
    id text PRIMARY KEY,
    created_at bigint NOT NULL,
    retired_at bigint
  );
  CREATE TABLE own_template_versions (
    template_id text NOT NULL REFERENCES own_templates(id) ON DELETE CASCADE,
    version integer NOT NULL,
    published_at bigint NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (template_id, version)
  );
  `,
  `
  CREATE TABLE series (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE series_boards (
    board_id text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    series_id text NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    position integer NOT NULL
  );
  CREATE INDEX series_boards_series ON series_boards(series_id, position);
  `,
  `
  ALTER TABLE board_states ADD COLUMN checked_by text;
  `,
]

interface BoardRow {
  id: string
  title: string
  created_at: string
  last_opened_at: string
}

const storedBoard = (row: BoardRow): StoredBoard => ({
  id: row.id,
  title: row.title,
  createdAt: Number(row.created_at),
  lastOpenedAt: Number(row.last_opened_at),
})

/** The advisory lock key under which instances migrate, one at a time ("dorf" in ASCII). */
const MIGRATION_LOCK = 0x646f7266

interface SnapshotRow {
  id: string
  name: string
  kind: string
  created_at: string
}

const snapshotInfo = (row: SnapshotRow): SnapshotInfo => ({
  id: row.id,
  name: row.name,
  kind: row.kind as SnapshotKind,
  createdAt: Number(row.created_at),
})

const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)

export class PostgresBoardStorage implements BoardStorage {
  private readonly pool: pg.Pool

  private constructor(pool: pg.Pool) {
    this.pool = pool
  }

  /** Connects to `url`, and creates or migrates the schema. */
  static async open(url: string, { maxConnections = 10 }: { maxConnections?: number } = {}): Promise<PostgresBoardStorage> {
    const pool = new pg.Pool({ connectionString: url, max: maxConnections })
    // An idle client that loses its connection (the database restarted) must not end the process.
    pool.on('error', () => {})
    const storage = new PostgresBoardStorage(pool)
    try {
      await storage.migrate()
    } catch (error) {
      await pool.end()
      throw error
    }
    return storage
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      await client.query('CREATE TABLE IF NOT EXISTS dorfplatz_schema (version integer NOT NULL)')
      const { rows } = await client.query<{ version: number }>('SELECT version FROM dorfplatz_schema')
      const version = rows[0]?.version ?? 0
      if (version > MIGRATIONS.length) {
        throw new Error(
          `The database was written by a newer Dorfplatz (schema ${version}, this version knows ${MIGRATIONS.length}). Update Dorfplatz instead of downgrading.`,
        )
      }
      for (let next = version; next < MIGRATIONS.length; next++) {
        await client.query('BEGIN')
        await client.query(MIGRATIONS[next]!)
        await client.query('DELETE FROM dorfplatz_schema')
        await client.query('INSERT INTO dorfplatz_schema (version) VALUES ($1)', [next + 1])
        await client.query('COMMIT')
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
      client.release()
    }
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`)
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  /** Takes the transaction-level lock of `key` (released at commit or rollback). */
  private async lock(client: pg.PoolClient, key: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key])
  }

  // -- BoardDirectory -----------------------------------------------------------------------

  async createBoard(board: NewBoard): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO boards (id, title, created_at, last_opened_at) VALUES ($1, $2, $3, $3)', [board.id, board.title, board.createdAt])
      for (const [role, hash] of Object.entries(board.tokenHashes)) {
        await client.query('INSERT INTO tokens (hash, board_id, role, created_at) VALUES ($1, $2, $3, $4)', [hash, board.id, role, board.createdAt])
      }
      await client.query('INSERT INTO board_states (board_id, data, upto_seq) VALUES ($1, $2, 0)', [board.id, Buffer.from(board.initialState)])
    })
  }

  async getBoard(id: string): Promise<StoredBoard | undefined> {
    const { rows } = await this.pool.query<BoardRow>('SELECT id, title, created_at, last_opened_at FROM boards WHERE id = $1', [id])
    const row = rows[0]
    return row && storedBoard(row)
  }

  async listBoards(): Promise<StoredBoard[]> {
    const { rows } = await this.pool.query<BoardRow>(
      'SELECT id, title, created_at, last_opened_at FROM boards ORDER BY created_at DESC, id DESC',
    )
    return rows.map(storedBoard)
  }

  async touchBoard(boardId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE boards SET last_opened_at = $1 WHERE id = $2 AND last_opened_at <= $3', [
      at,
      boardId,
      at - OPENED_AT_RESOLUTION_MS,
    ])
  }

  async storedBytes(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT (SELECT COALESCE(SUM(octet_length(data)), 0) FROM board_states WHERE board_id = $1)
            + (SELECT COALESCE(SUM(octet_length(data)), 0) FROM board_updates WHERE board_id = $1)
            + (SELECT COALESCE(SUM(octet_length(state) + octet_length(thumbnail)), 0) FROM snapshots WHERE board_id = $1)
            + (SELECT COALESCE(SUM(octet_length(data)), 0) FROM board_history WHERE board_id = $1) AS n`,
      [boardId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async deleteBoard(boardId: string): Promise<boolean> {
    // Tokens, state, log, snapshots and ballots go with the board (ON DELETE CASCADE). Under the
    // board's append lock, so that no append of another instance is half-way through.
    return this.transaction(async (client) => {
      await this.lock(client, `board:${boardId}`)
      const { rowCount } = await client.query('DELETE FROM boards WHERE id = $1', [boardId])
      // The board left its series with its row (ON DELETE CASCADE); a series without boards goes too.
      if ((rowCount ?? 0) > 0) await this.dropEmptySeries(client)
      return (rowCount ?? 0) > 0
    })
  }

  async findToken(tokenHash: string): Promise<TokenGrant | undefined> {
    const { rows } = await this.pool.query<{ board_id: string; role: string }>(
      'SELECT board_id, role FROM tokens WHERE hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    )
    const row = rows[0]
    if (!row || !isRole(row.role)) return undefined
    return { boardId: row.board_id, role: row.role }
  }

  async replaceToken(boardId: string, role: Role, newTokenHash: string): Promise<string[]> {
    return this.transaction(async (client) => {
      const now = Date.now()
      const { rows } = await client.query<{ hash: string }>(
        'UPDATE tokens SET revoked_at = $1 WHERE board_id = $2 AND role = $3 AND revoked_at IS NULL RETURNING hash',
        [now, boardId, role],
      )
      await client.query('INSERT INTO tokens (hash, board_id, role, created_at) VALUES ($1, $2, $3, $4)', [newTokenHash, boardId, role, now])
      return rows.map((row) => row.hash)
    })
  }

  // -- DocumentLog --------------------------------------------------------------------------

  async loadDocument(boardId: string): Promise<StoredDocument> {
    return this.transaction((client) => this.loadDocumentWith(client, boardId), 'REPEATABLE READ')
  }

  private async loadDocumentWith(client: pg.PoolClient, boardId: string): Promise<StoredDocument> {
    const state = await client.query<{ data: Buffer; upto_seq: string; checked_by: string | null }>(
      'SELECT data, upto_seq, checked_by FROM board_states WHERE board_id = $1',
      [boardId],
    )
    const updates: Uint8Array[] = []
    let lastSeq = Number(state.rows[0]?.upto_seq ?? 0)
    if (state.rows[0]) updates.push(bytes(state.rows[0].data))
    const logged = await client.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
      [boardId, lastSeq],
    )
    for (const row of logged.rows) {
      updates.push(bytes(row.data))
      lastSeq = Number(row.seq)
    }
    return { updates, lastSeq, stateCheckedBy: state.rows[0]?.checked_by ?? null }
  }

  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<AppendResult> {
    return this.transaction(async (client) => {
      await this.lock(client, `board:${boardId}`)
      const previousSeq = await this.latestSeqOf(client, boardId)
      const { rows } = await client.query<{ seq: string }>(
        'INSERT INTO board_updates (board_id, data) SELECT $1, unnest($2::bytea[]) RETURNING seq',
        [boardId, updates.map((update) => Buffer.from(update))],
      )
      return { lastSeq: rows.reduce((max, row) => Math.max(max, Number(row.seq)), previousSeq), previousSeq }
    })
  }

  async loadUpdatesSince(boardId: string, afterSeq: number): Promise<StoredDocument> {
    const compactedPast = await this.transaction(async (client) => {
      const state = await client.query<{ upto_seq: string }>('SELECT upto_seq FROM board_states WHERE board_id = $1', [boardId])
      if (Number(state.rows[0]?.upto_seq ?? 0) > afterSeq) return true
      return client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq', [
        boardId,
        afterSeq,
      ])
    }, 'REPEATABLE READ')
    // Compacted past afterSeq: what was merged is only in the state.
    if (compactedPast === true) return this.loadDocument(boardId)
    return {
      updates: compactedPast.rows.map((row) => bytes(row.data)),
      lastSeq: compactedPast.rows.reduce((max, row) => Math.max(max, Number(row.seq)), afterSeq),
    }
  }

  async latestSeq(boardId: string): Promise<number> {
    return this.latestSeqOf(this.pool, boardId)
  }

  private async latestSeqOf(client: pg.PoolClient | pg.Pool, boardId: string): Promise<number> {
    const { rows } = await client.query<{ seq: string | null }>(
      `SELECT GREATEST((SELECT MAX(seq) FROM board_updates WHERE board_id = $1), (SELECT upto_seq FROM board_states WHERE board_id = $1)) AS seq`,
      [boardId],
    )
    return Number(rows[0]?.seq ?? 0)
  }

  async compact(boardId: string, state: Uint8Array, uptoSeq: number, checkedBy: string | null = null): Promise<void> {
    await this.transaction(async (client) => {
      await this.lock(client, `board:${boardId}`)
      // Another instance may have compacted further already; its state then covers more, and stays.
      const { rowCount } = await client.query(
        'UPDATE board_states SET data = $2, upto_seq = $3, checked_by = $4 WHERE board_id = $1 AND upto_seq < $3',
        [boardId, Buffer.from(state), uptoSeq, checkedBy],
      )
      if (rowCount === 0) return
      await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [boardId, uptoSeq])
    })
  }

  async countLoggedUpdates(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = $1', [boardId])
    return Number(rows[0]?.n ?? 0)
  }

  // -- BallotBox ----------------------------------------------------------------------------

  private async ballotOf(client: pg.PoolClient | pg.Pool, boardId: string, roundId: string, voter: string): Promise<Map<string, number>> {
    const { rows } = await client.query<{ shape_id: string; dots: number }>(
      'SELECT shape_id, dots FROM ballots WHERE board_id = $1 AND round_id = $2 AND voter = $3 ORDER BY shape_id',
      [boardId, roundId, voter],
    )
    return new Map(rows.map((row) => [row.shape_id, row.dots]))
  }

  async changeBallot(
    boardId: string,
    roundId: string,
    voter: string,
    shapeId: string,
    delta: 1 | -1,
    budget: number,
  ): Promise<{ outcome: BallotOutcome; dots: Map<string, number> }> {
    return this.transaction(async (client) => {
      await this.lock(client, `ballot:${boardId}:${roundId}:${voter}`)
      const dots = await this.ballotOf(client, boardId, roundId, voter)
      let outcome: BallotOutcome = 'changed'
      if (delta === 1) {
        const used = [...dots.values()].reduce((sum, n) => sum + n, 0)
        if (used >= budget) outcome = 'budget-spent'
        else {
          await client.query(
            `INSERT INTO ballots (board_id, round_id, voter, shape_id, dots) VALUES ($1, $2, $3, $4, 1)
             ON CONFLICT (board_id, round_id, voter, shape_id) DO UPDATE SET dots = ballots.dots + 1`,
            [boardId, roundId, voter, shapeId],
          )
        }
      } else {
        const onNote = dots.get(shapeId) ?? 0
        if (onNote === 0) outcome = 'no-dot-there'
        else if (onNote === 1) {
          await client.query('DELETE FROM ballots WHERE board_id = $1 AND round_id = $2 AND voter = $3 AND shape_id = $4', [boardId, roundId, voter, shapeId])
        } else {
          await client.query(
            'UPDATE ballots SET dots = dots - 1 WHERE board_id = $1 AND round_id = $2 AND voter = $3 AND shape_id = $4',
            [boardId, roundId, voter, shapeId],
          )
        }
      }
      return { outcome, dots: outcome === 'changed' ? await this.ballotOf(client, boardId, roundId, voter) : dots }
    })
  }

  async readBallot(boardId: string, roundId: string, voter: string): Promise<Map<string, number>> {
    return this.ballotOf(this.pool, boardId, roundId, voter)
  }

  async tallyRound(boardId: string, roundId: string): Promise<RoundTally> {
    const { rows } = await this.pool.query<{ shape_id: string; dots: string; voters: string }>(
      `SELECT shape_id, SUM(dots) AS dots, (SELECT COUNT(DISTINCT voter) FROM ballots WHERE board_id = $1 AND round_id = $2) AS voters
       FROM ballots WHERE board_id = $1 AND round_id = $2 GROUP BY shape_id`,
      [boardId, roundId],
    )
    const totals = new Map(rows.map((row) => [row.shape_id, Number(row.dots)]))
    return { totals, voters: Number(rows[0]?.voters ?? 0), dots: [...totals.values()].reduce((sum, n) => sum + n, 0) }
  }

  async deleteBallots(boardId: string, roundId: string): Promise<void> {
    await this.pool.query('DELETE FROM ballots WHERE board_id = $1 AND round_id = $2', [boardId, roundId])
  }

  // -- SnapshotStore ------------------------------------------------------------------------

  async saveSnapshot(boardId: string, snapshot: StoredSnapshot, { keepAutomatic }: { keepAutomatic?: number } = {}): Promise<void> {
    await this.transaction(async (client) => {
      const { id, name, kind, createdAt, state, thumbnail } = snapshot
      await client.query(
        'INSERT INTO snapshots (id, board_id, name, kind, created_at, state, thumbnail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, boardId, name, kind, createdAt, Buffer.from(state), thumbnail],
      )
      if (keepAutomatic !== undefined && kind !== 'manual') {
        await client.query(
          `DELETE FROM snapshots WHERE board_id = $1 AND kind = $2 AND id NOT IN (
             SELECT id FROM snapshots WHERE board_id = $1 AND kind = $2 ORDER BY created_at DESC, position DESC LIMIT $3)`,
          [boardId, kind, keepAutomatic],
        )
      }
    })
  }

  async listSnapshots(boardId: string): Promise<SnapshotInfo[]> {
    const { rows } = await this.pool.query<SnapshotRow>(
      'SELECT id, name, kind, created_at FROM snapshots WHERE board_id = $1 ORDER BY created_at DESC, position DESC',
      [boardId],
    )
    return rows.map(snapshotInfo)
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<StoredSnapshot | undefined> {
    const { rows } = await this.pool.query<SnapshotRow & { state: Buffer; thumbnail: string }>(
      'SELECT id, name, kind, created_at, state, thumbnail FROM snapshots WHERE board_id = $1 AND id = $2',
      [boardId, snapshotId],
    )
    const row = rows[0]
    if (!row) return undefined
    return { ...snapshotInfo(row), state: bytes(row.state), thumbnail: row.thumbnail }
  }

  // -- BoardTransfer ------------------------------------------------------------------------

  async dumpBoard(boardId: string): Promise<BoardDump | undefined> {
    return this.transaction((client) => this.dumpWith(client, boardId), 'REPEATABLE READ')
  }

  /**
   * Every board, each as dumpBoard gives it, all read in one REPEATABLE READ transaction: the
   * installation as it was at one moment, while instances go on writing (`dorfplatz backup`).
   */
  async exportAll(visit: (dump: BoardDump) => void | Promise<void>): Promise<number> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM boards ORDER BY created_at, id')
      for (const { id } of rows) {
        const dump = await this.dumpWith(client, id)
        if (dump) await visit(dump)
      }
      return rows.length
    }, 'REPEATABLE READ READ ONLY')
  }

  private async dumpWith(client: pg.PoolClient, boardId: string): Promise<BoardDump | undefined> {
    const board = await client.query<BoardRow>('SELECT id, title, created_at, last_opened_at FROM boards WHERE id = $1', [boardId])
    if (!board.rows[0]) return undefined
    const tokens = await client.query<{ hash: string; role: string; created_at: string; revoked_at: string | null }>(
      'SELECT hash, role, created_at, revoked_at FROM tokens WHERE board_id = $1 ORDER BY created_at, hash',
      [boardId],
    )
    const snapshots = await client.query<SnapshotRow & { state: Buffer; thumbnail: string }>(
      'SELECT id, name, kind, created_at, state, thumbnail FROM snapshots WHERE board_id = $1 ORDER BY created_at, position',
      [boardId],
    )
    const ballots = await client.query<{ round_id: string; voter: string; shape_id: string; dots: number }>(
      'SELECT round_id, voter, shape_id, dots FROM ballots WHERE board_id = $1 ORDER BY round_id, voter, shape_id',
      [boardId],
    )
    return {
      board: storedBoard(board.rows[0]),
      tokens: tokens.rows
        .filter((row) => isRole(row.role))
        .map((row) => ({ hash: row.hash, role: row.role as Role, createdAt: Number(row.created_at), revokedAt: row.revoked_at === null ? null : Number(row.revoked_at) })),
      updates: (await this.loadDocumentWith(client, boardId)).updates,
      snapshots: snapshots.rows.map((row) => ({ ...snapshotInfo(row), state: bytes(row.state), thumbnail: row.thumbnail })),
      ballots: ballots.rows.map((row) => ({ roundId: row.round_id, voter: row.voter, shapeId: row.shape_id, dots: row.dots })),
      history: await this.listHistoryWith(client, boardId),
      series: await this.membershipWith(client, boardId),
    }
  }

  async restoreBoard(dump: BoardDump): Promise<void> {
    await this.transaction(async (client) => {
      const { board } = dump
      await client.query('INSERT INTO boards (id, title, created_at, last_opened_at) VALUES ($1, $2, $3, $4)', [
        board.id,
        board.title,
        board.createdAt,
        board.lastOpenedAt,
      ])
      for (const token of dump.tokens) {
        await client.query('INSERT INTO tokens (hash, board_id, role, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)', [
          token.hash,
          board.id,
          token.role,
          token.createdAt,
          token.revokedAt,
        ])
      }
      await client.query('INSERT INTO board_states (board_id, data, upto_seq) VALUES ($1, $2, 0)', [board.id, Buffer.from(Y.mergeUpdates(dump.updates))])
      for (const { id, name, kind, createdAt, state, thumbnail } of dump.snapshots) {
        await client.query('INSERT INTO snapshots (id, board_id, name, kind, created_at, state, thumbnail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          id,
          board.id,
          name,
          kind,
          createdAt,
          Buffer.from(state),
          thumbnail,
        ])
      }
      for (const ballot of dump.ballots) {
        await client.query('INSERT INTO ballots (board_id, round_id, voter, shape_id, dots) VALUES ($1, $2, $3, $4, $5)', [
          board.id,
          ballot.roundId,
          ballot.voter,
          ballot.shapeId,
          ballot.dots,
        ])
      }
      for (const row of dump.history ?? []) {
        await client.query('INSERT INTO board_history (board_id, at, data) VALUES ($1, $2, $3)', [board.id, row.at, historyRowData(row)])
      }
      if (dump.series) {
        const { seriesId, name, createdAt, position } = dump.series
        await client.query('INSERT INTO series (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [seriesId, name, createdAt])
        await client.query('INSERT INTO series_boards (board_id, series_id, position) VALUES ($1, $2, $3)', [board.id, seriesId, position])
      }
    })
  }

  // -- SeriesStore ------------------------------------------------------------------------

  async seriesOf(boardId: string): Promise<StoredSeries | null> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ id: string; name: string; created_at: string }>(
        'SELECT s.id, s.name, s.created_at FROM series s JOIN series_boards m ON m.series_id = s.id WHERE m.board_id = $1',
        [boardId],
      )
      const series = rows[0]
      if (!series) return null
      const boards = await client.query<{ id: string; title: string; position: number; created_at: string }>(
        'SELECT b.id, b.title, m.position, b.created_at FROM series_boards m JOIN boards b ON b.id = m.board_id WHERE m.series_id = $1 ORDER BY m.position, b.created_at',
        [series.id],
      )
      return {
        id: series.id,
        name: series.name,
        createdAt: Number(series.created_at),
        boards: boards.rows.map((row) => ({ id: row.id, title: row.title, position: row.position, createdAt: Number(row.created_at) })),
      }
    }, 'REPEATABLE READ')
  }

  async createSeries(seriesId: string, name: string, boardId: string, now: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM series_boards WHERE board_id = $1', [boardId])
      await client.query('INSERT INTO series (id, name, created_at) VALUES ($1, $2, $3)', [seriesId, name, now])
      await client.query('INSERT INTO series_boards (board_id, series_id, position) VALUES ($1, $2, 1)', [boardId, seriesId])
      await this.dropEmptySeries(client)
    })
  }

  async renameSeries(seriesId: string, name: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE series SET name = $1 WHERE id = $2', [name, seriesId])
    return (rowCount ?? 0) > 0
  }

  async joinSeries(boardId: string, seriesId: string): Promise<boolean> {
    return this.transaction(async (client) => {
      // Under the series' lock, so that two boards joining at once through two instances get two positions.
      await this.lock(client, `series:${seriesId}`)
      const exists = await client.query('SELECT 1 FROM series WHERE id = $1', [seriesId])
      if (exists.rowCount === 0) return false
      const member = await client.query('SELECT 1 FROM series_boards WHERE board_id = $1 AND series_id = $2', [boardId, seriesId])
      if ((member.rowCount ?? 0) > 0) return true
      await client.query('DELETE FROM series_boards WHERE board_id = $1', [boardId])
      await client.query(
        'INSERT INTO series_boards (board_id, series_id, position) VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM series_boards WHERE series_id = $2))',
        [boardId, seriesId],
      )
      await this.dropEmptySeries(client)
      return true
    })
  }

  async leaveSeries(boardId: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query('DELETE FROM series_boards WHERE board_id = $1', [boardId])
      if ((rowCount ?? 0) > 0) await this.dropEmptySeries(client)
      return (rowCount ?? 0) > 0
    })
  }

  private async membershipWith(client: pg.PoolClient, boardId: string): Promise<SeriesMembership | undefined> {
    const { rows } = await client.query<{ series_id: string; name: string; created_at: string; position: number }>(
      'SELECT m.series_id, s.name, s.created_at, m.position FROM series_boards m JOIN series s ON s.id = m.series_id WHERE m.board_id = $1',
      [boardId],
    )
    const row = rows[0]
    return row && { seriesId: row.series_id, name: row.name, createdAt: Number(row.created_at), position: row.position }
  }

  private async dropEmptySeries(client: pg.PoolClient): Promise<void> {
    await client.query('DELETE FROM series s WHERE NOT EXISTS (SELECT 1 FROM series_boards m WHERE m.series_id = s.id)')
  }

  // -- PrivateSpaceStore -----------------------------------------------------------------

  async openPrivateRound(boardId: string, roundId: string, now: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO private_rounds (board_id, round_id, open, opened_at) VALUES ($1, $2, true, $3) ON CONFLICT DO NOTHING',
      [boardId, roundId, now],
    )
  }

  async loadPrivateSpace(boardId: string, roundId: string, owner: string): Promise<Uint8Array | null> {
    return this.transaction(async (client) => {
      const round = await client.query<{ open: boolean }>('SELECT open FROM private_rounds WHERE board_id = $1 AND round_id = $2', [boardId, roundId])
      if (round.rows[0]?.open !== true) return null
      const { rows } = await client.query<{ state: Buffer }>(
        'SELECT state FROM private_spaces WHERE board_id = $1 AND round_id = $2 AND owner = $3',
        [boardId, roundId, owner],
      )
      return rows[0] ? new Uint8Array(rows[0].state) : Y.encodeStateAsUpdate(new Y.Doc())
    }, 'REPEATABLE READ')
  }

  async storePrivateSpace(
    boardId: string,
    roundId: string,
    owner: string,
    update: Uint8Array,
    { notes, author, now }: { notes: number; author: string; now: number },
  ): Promise<boolean> {
    return this.transaction(async (client) => {
      // The round's row is locked for sharing: a reveal (which takes it for update) waits for this write, or this write sees it closed.
      const round = await client.query<{ open: boolean }>(
        'SELECT open FROM private_rounds WHERE board_id = $1 AND round_id = $2 FOR SHARE',
        [boardId, roundId],
      )
      if (round.rows[0]?.open !== true) return false
      const { rows } = await client.query<{ state: Buffer }>(
        'SELECT state FROM private_spaces WHERE board_id = $1 AND round_id = $2 AND owner = $3 FOR UPDATE',
        [boardId, roundId, owner],
      )
      const state = rows[0] ? Y.mergeUpdates([new Uint8Array(rows[0].state), update]) : update
      await client.query(
        `INSERT INTO private_spaces (board_id, round_id, owner, state, notes, author, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (board_id, round_id, owner) DO UPDATE SET state = excluded.state, notes = excluded.notes, author = excluded.author, updated_at = excluded.updated_at`,
        [boardId, roundId, owner, Buffer.from(state), notes, author, now],
      )
      return true
    })
  }

  async privateRoundTotals(boardId: string, roundId: string): Promise<{ notes: number; people: number }> {
    const { rows } = await this.pool.query<{ notes: string | null; people: string }>(
      'SELECT SUM(notes) AS notes, COUNT(*) AS people FROM private_spaces WHERE board_id = $1 AND round_id = $2 AND notes > 0',
      [boardId, roundId],
    )
    return { notes: Number(rows[0]?.notes ?? 0), people: Number(rows[0]?.people ?? 0) }
  }

  async closePrivateRound(boardId: string, roundId: string): Promise<StoredPrivateSpace[]> {
    return this.transaction(async (client) => {
      await client.query('SELECT open FROM private_rounds WHERE board_id = $1 AND round_id = $2 FOR UPDATE', [boardId, roundId])
      await client.query('UPDATE private_rounds SET open = false WHERE board_id = $1 AND round_id = $2', [boardId, roundId])
      const { rows } = await client.query<{ owner: string; state: Buffer; notes: number; author: string }>(
        'SELECT owner, state, notes, author FROM private_spaces WHERE board_id = $1 AND round_id = $2 ORDER BY updated_at, owner',
        [boardId, roundId],
      )
      return rows.map((row) => ({ owner: row.owner, state: new Uint8Array(row.state), notes: row.notes, author: row.author }))
    })
  }

  async dropPrivateSpaces(boardId: string, roundId: string): Promise<void> {
    await this.pool.query('DELETE FROM private_spaces WHERE board_id = $1 AND round_id = $2', [boardId, roundId])
  }

  // -- HistoryLog ---------------------------------------------------------------------------

  async appendHistory(boardId: string, rows: readonly NewHistoryRow[]): Promise<void> {
    if (rows.length === 0) return
    await this.transaction(async (client) => {
      for (const row of rows) {
        await client.query('INSERT INTO board_history (board_id, at, data) VALUES ($1, $2, $3)', [boardId, row.at, historyRowData(row)])
      }
      await client.query(
        'DELETE FROM board_history WHERE board_id = $1 AND id < (SELECT id FROM board_history WHERE board_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)',
        [boardId, MAX_HISTORY_ROWS - 1],
      )
    })
  }

  async listHistory(boardId: string): Promise<StoredHistoryRow[]> {
    const client = await this.pool.connect()
    try {
      return await this.listHistoryWith(client, boardId)
    } finally {
      client.release()
    }
  }

  private async listHistoryWith(client: pg.PoolClient, boardId: string): Promise<StoredHistoryRow[]> {
    const { rows } = await client.query<{ id: string; at: string; data: string }>('SELECT id, at, data FROM board_history WHERE board_id = $1 ORDER BY id', [boardId])
    const history: StoredHistoryRow[] = []
    for (const { id, at, data } of rows) {
      const row = readHistoryRow(Number(id), Number(at), data)
      if (row) history.push(row)
    }
    return history
  }

  // -- OwnTemplateStore -----------------------------------------------------------------------

  async createOwnTemplate(template: OwnTemplate): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO own_templates (id, created_at, retired_at) VALUES ($1, $2, $3)', [template.id, template.createdAt, template.retiredAt])
      for (const version of template.versions) {
        await client.query('INSERT INTO own_template_versions (template_id, version, published_at, data) VALUES ($1, $2, $3, $4)', [
          template.id,
          version.version,
          version.publishedAt,
          ownTemplateVersionData(version),
        ])
      }
    })
  }

  async publishOwnTemplateVersion(templateId: string, version: NewOwnTemplateVersion): Promise<OwnTemplateVersion | undefined> {
    return this.transaction(async (client) => {
      // The row lock orders publishers of one template, on every instance.
      const { rowCount } = await client.query('SELECT 1 FROM own_templates WHERE id = $1 FOR UPDATE', [templateId])
      if (!rowCount) return undefined
      const { rows } = await client.query<{ newest: number | null }>('SELECT MAX(version) AS newest FROM own_template_versions WHERE template_id = $1', [templateId])
      const number = (rows[0]?.newest ?? 0) + 1
      await client.query('INSERT INTO own_template_versions (template_id, version, published_at, data) VALUES ($1, $2, $3, $4)', [
        templateId,
        number,
        version.publishedAt,
        ownTemplateVersionData(version),
      ])
      return { ...version, version: number }
    })
  }

  async listOwnTemplates(): Promise<OwnTemplate[]> {
    return this.transaction(async (client) => {
      const templates = await client.query<{ id: string; created_at: string; retired_at: string | null }>('SELECT id, created_at, retired_at FROM own_templates ORDER BY created_at, id')
      const versions = await client.query<{ template_id: string; version: number; published_at: string; data: string }>(
        'SELECT template_id, version, published_at, data FROM own_template_versions',
      )
      return joinOwnTemplates(templates.rows, versions.rows)
    }, 'REPEATABLE READ')
  }

  async getOwnTemplate(templateId: string): Promise<OwnTemplate | undefined> {
    return this.transaction(async (client) => {
      const templates = await client.query<{ id: string; created_at: string; retired_at: string | null }>('SELECT id, created_at, retired_at FROM own_templates WHERE id = $1', [templateId])
      const versions = await client.query<{ template_id: string; version: number; published_at: string; data: string }>(
        'SELECT template_id, version, published_at, data FROM own_template_versions WHERE template_id = $1',
        [templateId],
      )
      return joinOwnTemplates(templates.rows, versions.rows)[0]
    }, 'REPEATABLE READ')
  }

  async setOwnTemplateRetired(templateId: string, retiredAt: number | null): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE own_templates SET retired_at = $1 WHERE id = $2', [retiredAt, templateId])
    return (rowCount ?? 0) > 0
  }

  // -- BoardLocks ---------------------------------------------------------------------------

  async withBoardLock<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    // A session-level lock on a connection of its own, held while the task uses others.
    const client = await this.pool.connect()
    const key = `exclusive:${boardId}`
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key])
      try {
        return await task()
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
      }
    } finally {
      client.release()
    }
  }

  // -- The connection -------------------------------------------------------------------------

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1')
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
