/**
 * `dorfplatz migrate-storage`: an installation on SQLite moves to PostgreSQL board for board, and
 * the server on PostgreSQL then serves every board as it was, its links, versions and votes too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { VOTER_HEADER } from '@dorfplatz/protocol'
import { dorfplatz } from './operatorCommand.ts'
import { startPostgres, type PostgresServer } from './services/testServices.ts'
import { connectProvider, noteText, startTestServer, tempDataDir, waitForDoc, waitForSync, writeNote } from './testServer.ts'


/** A template file with two versions, as another installation exported it. */
const version = (number: number) => ({
  version: number,
  publishedAt: 1_764_000_000_000 + number,
  publishedBy: 'Frau Weber',
  name: { de: `Matrix ${number}`, en: '' },
  description: { de: '', en: '' },
  instruction: { de: 'Ordnen Sie zu.', en: '' },
  width: 1200,
  height: 900,
  zones: [{ id: 'a-1234', name: { de: 'A', en: '' }, area: { kind: 'rect', x: 48, y: 200, w: 500, h: 600 } }],
  structure: [{ kind: 'area', key: 'p1', geo: 'rectangle', x: 48, y: 200, w: 500, h: 600, color: 'green', fill: 'solid', zone: 'a-1234' }],
})
const TEMPLATE_FILE = { dorfplatzTemplate: 1, versions: [version(1), version(2)] }

let postgres: PostgresServer
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  await postgres?.destroy()
})

it('moves every board from SQLite to PostgreSQL as it was, and can be run again', async () => {
  const dataDir = tempDataDir()
  const before = await startTestServer({ DORFPLATZ_DATA_DIR: dataDir })
  const boards = await Promise.all([before.createBoard('Erstes'), before.createBoard('Zweites')])
  const writer = connectProvider(before, boards[0].id, boards[0].tokens.participant)
  await waitForSync(writer)
  writeNote(writer.doc, 'n', 'Mitgenommen')
  const witness = connectProvider(before, boards[0].id, boards[0].tokens.viewer)
  await waitForDoc(witness.doc, (doc) => noteText(doc, 'n') === 'Mitgenommen')
  const auth = { authorization: `Bearer ${boards[0].tokens.facilitator}`, 'content-type': 'application/json' }
  await fetch(`${before.url}/api/boards/${boards[0].id}/snapshots`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Vorher' }) })
  const round = (await (
    await fetch(`${before.url}/api/boards/${boards[0].id}/rounds`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Abstimmung', dotsPerPerson: 2, scope: { kind: 'all' } }),
    })
  ).json()) as { round: { id: string } }
  const ballot = (server: { url: string }) =>
    fetch(`${server.url}/api/boards/${boards[0].id}/rounds/${round.round.id}/ballot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${boards[0].tokens.participant}`, 'content-type': 'application/json', [VOTER_HEADER]: 'w'.repeat(43) },
      body: JSON.stringify({ shapeId: 'shape:n', delta: 1 }),
    })
  expect((await ballot(before)).status).toBe(200)
  // An own template of the installation goes along too.
  const imported = await fetch(`${before.url}/api/templates/import`, { method: 'POST', headers: auth, body: JSON.stringify(TEMPLATE_FILE) })
  expect(imported.status).toBe(201)
  const templateId = ((await imported.json()) as { id: string }).id
  writer.destroy()
  witness.destroy()
  await before.close()

  const url = await postgres.createDatabase()
  const moved = await dorfplatz('migrate-storage', '--from', dataDir, '--to', url)
  expect(moved.code).toBe(0)
  expect(moved.output).toContain('2 boards moved, 0 were there already; 1 templates moved.')

  const after = await startTestServer({ DORFPLATZ_DATABASE_URL: url })
  const reader = connectProvider(after, boards[0].id, boards[0].tokens.viewer)
  await waitForSync(reader)
  expect(noteText(reader.doc, 'n')).toBe('Mitgenommen')
  const info = await fetch(`${after.url}/api/boards/${boards[1].id}`, { headers: { authorization: `Bearer ${boards[1].tokens.facilitator}` } })
  expect(((await info.json()) as { title: string }).title).toBe('Zweites')
  const versions = (await (await fetch(`${after.url}/api/boards/${boards[0].id}/snapshots`, { headers: auth })).json()) as { snapshots: Array<{ name: string }> }
  expect(versions.snapshots.map((snapshot) => snapshot.name)).toContain('Vorher')
  // The open round's ballot came along: one dot of two is left.
  expect(((await (await ballot(after)).json()) as { remaining: number }).remaining).toBe(0)
  const templates = (await (await fetch(`${after.url}/api/templates`, { headers: auth })).json()) as { templates: Array<{ id: string; versions: unknown[] }> }
  expect(templates.templates.map((template) => [template.id, template.versions.length])).toEqual([[templateId, 2]])

  const again = await dorfplatz('migrate-storage', '--from', dataDir, '--to', url)
  expect(again.output).toContain('0 boards moved, 2 were there already; 0 templates moved.')
}, 90_000)

it('refuses a folder without a Dorfplatz database and an address that is not PostgreSQL, with a clear message', async () => {
  const missing = await dorfplatz('migrate-storage', '--from', tempDataDir(), '--to', 'postgres://nobody@127.0.0.1:1/none')
  expect(missing.code).toBe(1)
  expect(missing.output).toMatch(/There is no Dorfplatz database in .* \(dorfplatz\.sqlite is missing\)\./)
  const notPostgres = await dorfplatz('migrate-storage', '--from', '.', '--to', 'mysql://x')
  expect(notPostgres.output).toMatch(/no Dorfplatz database|must be a PostgreSQL address/)
  expect((await dorfplatz('nonsense')).output).toContain('Commands: migrate-storage')
}, 30_000)
