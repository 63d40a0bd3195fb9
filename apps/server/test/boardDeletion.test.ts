/**
 * Deleting a board (DELETE /api/boards/:id): only the facilitator link or the admin token may;
 * open sockets close with 4404, on every instance; and afterwards no row of any table and no
 * byte of any file in the data folder names the board, on SQLite and on PostgreSQL.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CloseCode, VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from './services/testServices.ts'
import { connectProvider, noteText, startTestServer, tempDataDir, waitForDoc, waitForSync, writeNote, type TestServer } from './testServer.ts'

let postgres: PostgresServer
let redis: RedisServer
beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterAll(async () => {
  await redis?.stop()
  await postgres?.destroy()
})

const ADMIN_TOKEN = 'admin-token-for-deletion-tests'

const api = (server: TestServer, token: string | undefined, urlPath: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) =>
  fetch(`${server.url}${urlPath}`, {
    method: init.method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })

async function createBoard(server: TestServer, title: string): Promise<CreatedBoard> {
  const response = await api(server, ADMIN_TOKEN, '/api/boards', { method: 'POST', body: { title } })
  expect(response.status).toBe(201)
  return (await response.json()) as CreatedBoard
}

/** A board with everything a board can have: notes, a version with its thumbnail, a voting round with ballots, a replaced link. */
async function fullBoard(server: TestServer, title: string): Promise<CreatedBoard> {
  const board = await createBoard(server, title)
  const facilitator = connectProvider(server, board.id, board.tokens.facilitator)
  await waitForSync(facilitator)
  writeNote(facilitator.doc, 'idea', `Idee auf ${title}`)
  const round = await api(server, board.tokens.facilitator, `/api/boards/${board.id}/rounds`, {
    method: 'POST',
    body: { title: 'Was zuerst?', dotsPerPerson: 2, scope: { kind: 'all' } },
  })
  expect(round.status).toBe(201)
  const { round: opened } = (await round.json()) as { round: { id: string } }
  const vote = await api(server, board.tokens.participant, `/api/boards/${board.id}/rounds/${opened.id}/ballot`, {
    method: 'POST',
    body: { shapeId: 'shape:idea', delta: 1 },
    headers: { [VOTER_HEADER]: 'v'.repeat(43) },
  })
  expect(vote.status).toBe(200)
  expect((await api(server, board.tokens.facilitator, `/api/boards/${board.id}/snapshots`, { method: 'POST', body: { name: 'Stand' } })).status).toBe(201)
  expect((await api(server, board.tokens.facilitator, `/api/boards/${board.id}/links/viewer/rotate`, { method: 'POST' })).status).toBe(200)
  facilitator.destroy()
  return board
}

/** Every file below `dir` whose bytes contain `text`. */
function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text)
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.readFileSync(file).includes(needle))
}

/** `table.column` of every SQLite row that holds `text` in any column, as text or inside a blob. */
function sqliteRowsContaining(file: string, text: string): string[] {
  const db = new Database(file, { readonly: true })
  const found: string[] = []
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all()
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value))
        if (bytes.includes(Buffer.from(text))) found.push(`${name}.${column}`)
      }
    }
  }
  db.close()
  return found
}

/** `table.column` of every PostgreSQL row (schema public) that holds `text`, as text or inside a bytea. */
async function postgresRowsContaining(url: string, text: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const found: string[] = []
  const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
  )
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const holds = type === 'bytea' ? `position(convert_to($1, 'UTF8') in "${column}") > 0` : `"${column}"::text LIKE '%' || $1 || '%'`
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE ${holds}`, [text])
    if (Number(rows[0]?.n) > 0) found.push(`${table}.${column}`)
  }
  await client.end()
  return found
}

describe.each([
  { backend: 'SQLite', env: async () => ({ DORFPLATZ_DATA_DIR: tempDataDir() }) },
  { backend: 'PostgreSQL', env: async () => ({ DORFPLATZ_DATA_DIR: tempDataDir(), DORFPLATZ_DATABASE_URL: await postgres.createDatabase() }) },
])('deleting a board on $backend', ({ backend, env }) => {
  it('takes the facilitator link, closes open sockets with 4404, and leaves no row and no file naming the board', async () => {
    const settings: Record<string, string> = { ...(await env()), DORFPLATZ_ADMIN_TOKEN: ADMIN_TOKEN }
    const server = await startTestServer(settings)
    const doomed = await fullBoard(server, 'Wird gelöscht')
    const kept = await fullBoard(server, 'Bleibt')

    const participant = connectProvider(server, doomed.id, doomed.tokens.participant)
    await waitForSync(participant)
    expect(noteText(participant.doc, 'idea')).toBe('Idee auf Wird gelöscht')
    const closed = new Promise<number>((resolve) => participant.on('connection-close', (event) => resolve(event?.code ?? 0)))
    // Bad requests change nothing.
    expect((await api(server, doomed.tokens.participant, `/api/boards/${doomed.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await api(server, undefined, `/api/boards/${doomed.id}`, { method: 'DELETE' })).status).toBe(401)
    expect((await api(server, kept.tokens.facilitator, `/api/boards/${doomed.id}`, { method: 'DELETE' })).status).toBe(401)
    expect((await api(server, doomed.tokens.facilitator, `/api/boards/not-a-board`, { method: 'DELETE' })).status).toBe(400)
    expect((await api(server, ADMIN_TOKEN, `/api/boards/${'Z'.repeat(doomed.id.length)}`, { method: 'DELETE' })).status).toBe(404)
    expect(noteText(participant.doc, 'idea')).toBe('Idee auf Wird gelöscht')

    expect((await api(server, doomed.tokens.facilitator, `/api/boards/${doomed.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await closed).toBe(CloseCode.NO_SUCH_BOARD)
    participant.destroy()
    expect((await api(server, doomed.tokens.facilitator, `/api/boards/${doomed.id}`, { method: 'GET' })).status).toBe(401)
    expect((await api(server, ADMIN_TOKEN, `/api/boards/${doomed.id}`, { method: 'DELETE' })).status).toBe(404)
    // The other board is untouched.
    const reader = connectProvider(server, kept.id, kept.tokens.participant)
    await waitForSync(reader)
    expect(noteText(reader.doc, 'idea')).toBe('Idee auf Bleibt')
    reader.destroy()
    await server.close()

    if (backend === 'PostgreSQL') {
      expect(await postgresRowsContaining(settings.DORFPLATZ_DATABASE_URL!, kept.id)).toContain('boards.id')
      expect(await postgresRowsContaining(settings.DORFPLATZ_DATABASE_URL!, doomed.id)).toEqual([])
    } else {
      const file = path.join(settings.DORFPLATZ_DATA_DIR!, 'dorfplatz.sqlite')
      expect(sqliteRowsContaining(file, kept.id)).toContain('boards.id')
      expect(sqliteRowsContaining(file, doomed.id)).toEqual([])
    }
    expect(filesContaining(settings.DORFPLATZ_DATA_DIR!, doomed.id)).toEqual([])
    if (backend === 'SQLite') expect(filesContaining(settings.DORFPLATZ_DATA_DIR!, kept.id)).not.toEqual([])
  })
})

it('the admin token deletes any board, and sockets on another instance close with 4404 through Redis', async () => {
  const env = { DORFPLATZ_DATABASE_URL: await postgres.createDatabase(), DORFPLATZ_REDIS_URL: redis.url, DORFPLATZ_ADMIN_TOKEN: ADMIN_TOKEN }
  const [one, two] = await Promise.all([startTestServer(env), startTestServer(env)])
  const board = await createBoard(one, 'Zwei Instanzen')
  await vi.waitFor(async () => expect(((await (await fetch(`${two.url}/healthz`)).json()) as { bus: string }).bus).toBe('connected'))
  const onTwo = connectProvider(two, board.id, board.tokens.participant)
  await waitForSync(onTwo)
  writeNote(onTwo.doc, 'n', 'Auf Instanz zwei')
  const onOne = connectProvider(one, board.id, board.tokens.facilitator)
  await waitForDoc(onOne.doc, (doc) => noteText(doc, 'n') === 'Auf Instanz zwei')
  const closedOnTwo = new Promise<number>((resolve) => onTwo.on('connection-close', (event) => resolve(event?.code ?? 0)))
  const closedOnOne = new Promise<number>((resolve) => onOne.on('connection-close', (event) => resolve(event?.code ?? 0)))

  expect((await api(one, ADMIN_TOKEN, `/api/boards/${board.id}`, { method: 'DELETE' })).status).toBe(204)
  expect(await closedOnOne).toBe(CloseCode.NO_SUCH_BOARD)
  expect(await closedOnTwo).toBe(CloseCode.NO_SUCH_BOARD)
  expect(two.app.rooms.peek(board.id)).toBeUndefined()
  expect(await postgresRowsContaining(env.DORFPLATZ_DATABASE_URL, board.id)).toEqual([])
})
