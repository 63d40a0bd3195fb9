/**
 * `dorfplatz backup` while a real server process runs and clients write without pause, then
 * `dorfplatz restore` into a new place and a new server on it: every board is served as it was at
 * the backup's moment — each board holds a prefix of its writes, with everything acknowledged
 * before the backup began. On SQLite (a data folder) and on PostgreSQL (a database).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { getRecordsMap, readBoardRecords } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { dorfplatz } from '../../apps/server/test/operatorCommand.ts'
import { startPostgres, type PostgresServer } from '../../apps/server/test/services/testServices.ts'
import { startServerProcess, type ServerProcess } from './serverProcess.ts'

const BOARDS = 3
/** Acknowledged writes per board before the backup starts, and after it has finished. */
const WRITES_BEFORE = 15
const WRITES_AFTER = 10

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

let postgres: PostgresServer
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  await postgres?.destroy()
})

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-backup-test-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}


/** A template file as another installation exported it. */
const TEMPLATE_FILE = {
  dorfplatzTemplate: 1,
  versions: [
    {
      version: 1,
      publishedAt: 1_764_000_000_000,
      publishedBy: 'Frau Weber',
      name: { de: 'Matrix', en: '' },
      description: { de: '', en: '' },
      instruction: { de: 'Ordnen Sie zu.', en: '' },
      width: 1200,
      height: 900,
      zones: [{ id: 'a-1234', name: { de: 'A', en: '' }, area: { kind: 'rect', x: 48, y: 200, w: 500, h: 600 } }],
      structure: [{ kind: 'area', key: 'p1', geo: 'rectangle', x: 48, y: 200, w: 500, h: 600, color: 'green', fill: 'solid', zone: 'a-1234' }],
    },
  ],
}

function connect(server: ServerProcess, boardId: string, token: string): WebsocketProvider {
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  cleanups.push(() => provider.destroy())
  return provider
}

const synced = (provider: WebsocketProvider) =>
  new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))

/** Resolves once `predicate` holds for `doc`, checked after each update. */
function when(doc: Y.Doc, predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve()
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate()) return
      doc.off('update', check)
      resolve()
    }
    doc.on('update', check)
  })
}

/** The note numbers on a board (notes `shape:n<number>`). */
const noteNumbers = (doc: Y.Doc) =>
  [...readBoardRecords(doc).keys()]
    .map((key) => /^shape:n(\d+)$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b)

/**
 * A client that writes note after note into one board; a write counts as acknowledged once a
 * second client has it relayed, which the server does only after storing it.
 */
function writeWithoutPause(writer: WebsocketProvider, witness: WebsocketProvider) {
  const state = { written: 0, acknowledged: 0, stopped: false }
  const done = (async () => {
    while (!state.stopped) {
      const n = state.written++
      getRecordsMap(writer.doc).set(`shape:n${n}`, testNote(`n${n}`, `Notiz ${n}`))
      await when(witness.doc, () => readBoardRecords(witness.doc).has(`shape:n${n}`))
      state.acknowledged = n + 1
    }
  })()
  return { state, done }
}

async function createBoard(server: ServerProcess, title: string): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as CreatedBoard
}

describe.each([
  { backend: 'SQLite' as const },
  { backend: 'PostgreSQL' as const },
])('backup and restore on $backend', ({ backend }) => {
  it('backs up while clients write, and the restored server serves every board as it was at that moment', async () => {
    const source = backend === 'SQLite' ? { dataDir: tempDir() } : { dataDir: tempDir(), url: await postgres.createDatabase() }
    const target = backend === 'SQLite' ? { dataDir: path.join(tempDir(), 'restored') } : { dataDir: tempDir(), url: await postgres.createDatabase() }
    const where = (place: { dataDir: string; url?: string }) => (place.url ? ['--database', place.url] : ['--data', place.dataDir])
    const env = (place: { url?: string }): Record<string, string> => (place.url ? { DORFPLATZ_DATABASE_URL: place.url } : {})

    const server = await startServerProcess({ dataDir: source.dataDir, env: env(source) })
    cleanups.push(() => server.kill('SIGKILL'))
    const boards = await Promise.all(Array.from({ length: BOARDS }, (_, n) => createBoard(server, `Board ${n}`)))
    const writers = await Promise.all(
      boards.map(async (board) => {
        const writer = connect(server, board.id, board.tokens.participant)
        const witness = connect(server, board.id, board.tokens.viewer)
        await Promise.all([synced(writer), synced(witness)])
        return { board, witness, ...writeWithoutPause(writer, witness) }
      }),
    )
    await Promise.all(writers.map(({ witness, state }) => when(witness.doc, () => state.acknowledged >= WRITES_BEFORE)))

    // One of the installation's own templates goes into the backup too.
    const template = TEMPLATE_FILE
    const imported = await fetch(`${server.url}/api/templates/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${boards[0]!.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify(template),
    })
    expect(imported.status).toBe(201)
    const templateId = ((await imported.json()) as { id: string }).id

    const file = path.join(tempDir(), 'dorfplatz.backup')
    const acknowledgedBefore = writers.map(({ state }) => state.acknowledged)
    const backup = await dorfplatz('backup', file, ...where(source))
    expect(backup.output).toContain(`Backed up ${BOARDS} boards`)
    expect(backup.code).toBe(0)
    const writtenAfter = writers.map(({ state }) => state.written)
    // The clients went on writing during and after the backup.
    await Promise.all(writers.map(({ witness, state }, n) => when(witness.doc, () => state.acknowledged >= writtenAfter[n]! + WRITES_AFTER)))
    for (const writer of writers) writer.state.stopped = true
    await Promise.all(writers.map(({ done }) => done))
    await server.kill('SIGTERM')

    // Refusals change nothing: an existing file, a missing file, a file that is not a backup, a folder or database that is not empty.
    const before = fs.readFileSync(file)
    expect(await dorfplatz('backup', file, ...where(source))).toMatchObject({ code: 1, output: expect.stringContaining('exists already') })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(await dorfplatz('restore', path.join(tempDir(), 'missing.backup'), ...where(target))).toMatchObject({
      code: 1,
      output: expect.stringContaining('There is no file'),
    })
    const notABackup = path.join(tempDir(), 'notes.txt')
    fs.writeFileSync(notABackup, 'Einkaufsliste')
    expect(await dorfplatz('restore', notABackup, ...where(target))).toMatchObject({ code: 1, output: expect.stringContaining('is not a Dorfplatz backup') })
    expect(await dorfplatz('restore', file, ...where(source))).toMatchObject({ code: 1, output: expect.stringContaining('not empty') })

    const restored = await dorfplatz('restore', file, ...where(target))
    expect(restored.output).toContain(`Restored ${BOARDS} boards`)
    expect(restored.code).toBe(0)
    const again = await startServerProcess({ dataDir: target.dataDir, env: env(target) })
    cleanups.push(() => again.kill('SIGKILL'))
    for (const [n, { board }] of writers.entries()) {
      const reader = connect(again, board.id, board.tokens.viewer)
      await synced(reader)
      const numbers = noteNumbers(reader.doc)
      // A prefix of the board's writes: note 0 … k-1, nothing missing in between, nothing from after the backup.
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i))
      expect(numbers.length).toBeGreaterThanOrEqual(acknowledgedBefore[n]!)
      expect(numbers.length).toBeLessThanOrEqual(writtenAfter[n]!)
    }
    const templates = (await (await fetch(`${again.url}/api/templates`)).json()) as { templates: Array<{ id: string; versions: unknown[] }> }
    expect(templates.templates.map((entry) => [entry.id, entry.versions.length])).toEqual([[templateId, 1]])
    await again.kill('SIGTERM')
  }, 180_000)
})
