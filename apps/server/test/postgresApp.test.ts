/**
 * The whole server on PostgreSQL (DORFPLATZ_DATABASE_URL) instead of SQLite: boards, live sync,
 * facilitation, votes and versions work the same, and survive a restart of the server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectProvider, noteText, startTestServer, waitForDoc, waitForSync, writeNote } from './testServer.ts'
import { startPostgres, type PostgresServer } from './services/testServices.ts'

let postgres: PostgresServer
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  await postgres?.destroy()
})

it('serves boards from PostgreSQL: live edits, a voting round and a version, also after a restart', async () => {
  const url = await postgres.createDatabase()
  const first = await startTestServer({ DORFPLATZ_DATABASE_URL: url })
  const board = await first.createBoard('Auf PostgreSQL')
  const a = connectProvider(first, board.id, board.tokens.facilitator)
  const b = connectProvider(first, board.id, board.tokens.participant)
  await Promise.all([waitForSync(a), waitForSync(b)])
  writeNote(b.doc, 'pg', 'In PostgreSQL gespeichert')
  await waitForDoc(a.doc, (doc) => noteText(doc, 'pg') === 'In PostgreSQL gespeichert')

  const auth = { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' }
  const round = await fetch(`${first.url}/api/boards/${board.id}/rounds`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: 'Was zuerst?', dotsPerPerson: 1, scope: { kind: 'all' } }),
  })
  expect(round.status).toBe(201)
  const { round: opened } = (await round.json()) as { round: { id: string } }
  const vote = (delta: number) =>
    fetch(`${first.url}/api/boards/${board.id}/rounds/${opened.id}/ballot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.participant}`, 'content-type': 'application/json', 'dorfplatz-voter': 'v'.repeat(43) },
      body: JSON.stringify({ shapeId: 'shape:pg', delta }),
    })
  expect((await vote(1)).status).toBe(200)
  expect((await vote(1)).status).toBe(409)
  const saved = await fetch(`${first.url}/api/boards/${board.id}/snapshots`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Stand' }) })
  expect(saved.status).toBe(201)
  a.destroy()
  b.destroy()
  await first.close()

  const second = await startTestServer({ DORFPLATZ_DATABASE_URL: url })
  const reader = connectProvider(second, board.id, board.tokens.viewer)
  await waitForSync(reader)
  expect(noteText(reader.doc, 'pg')).toBe('In PostgreSQL gespeichert')
  const versions = await fetch(`${second.url}/api/boards/${board.id}/snapshots`, { headers: auth })
  // The version saved by hand, and the one saved when everyone had left.
  const kinds = ((await versions.json()) as { snapshots: Array<{ name: string; kind: string }> }).snapshots.map((snapshot) => snapshot.kind)
  expect(kinds.sort()).toEqual(['last-left', 'manual'])
}, 60_000)
