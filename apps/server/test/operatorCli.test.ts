/**
 * `dorfplatz boards list | export ID FOLDER | delete ID` for the operator, on SQLite and on
 * PostgreSQL: what each writes, and that a wrong path, a missing board or a bad id is refused with
 * a clear message and changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dorfplatz } from './operatorCommand.ts'
import { startPostgres, type PostgresServer } from './services/testServices.ts'
import { connectProvider, startTestServer, tempDataDir, waitForDoc, waitForSync, writeNote, noteText } from './testServer.ts'



let postgres: PostgresServer
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  await postgres?.destroy()
})

describe.each([
  { backend: 'SQLite' as const },
  { backend: 'PostgreSQL' as const },
])('dorfplatz boards on $backend', ({ backend }) => {
  it('lists boards, exports one into a folder, deletes one, and refuses what it cannot do', async () => {
    const dataDir = tempDataDir()
    const url = backend === 'PostgreSQL' ? await postgres.createDatabase() : undefined
    const where = url ? ['--database', url] : ['--data', dataDir]
    const server = await startTestServer({ DORFPLATZ_DATA_DIR: dataDir, ...(url ? { DORFPLATZ_DATABASE_URL: url } : {}) })
    const board = await server.createBoard('Dorfladen Musterhausen')
    const other = await server.createBoard('Zweites Board')
    const writer = connectProvider(server, board.id, board.tokens.facilitator)
    await waitForSync(writer)
    writeNote(writer.doc, 'laden', 'Dorfladen mit Café')
    const witness = connectProvider(server, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => noteText(doc, 'laden') === 'Dorfladen mit Café')
    const saved = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Vor der Pause' }),
    })
    expect(saved.status).toBe(201)
    writer.destroy()
    witness.destroy()
    await server.close()

    const list = await dorfplatz('boards', 'list', ...where)
    expect(list.code).toBe(0)
    expect(list.output).toContain(board.id)
    expect(list.output).toContain('Dorfladen Musterhausen')
    expect(list.output).toContain(other.id)
    expect(list.output).toMatch(/2 boards in/)

    const folder = path.join(tempDataDir(), 'auskunft')
    const exported = await dorfplatz('boards', 'export', board.id, folder, ...where)
    expect(exported.code).toBe(0)
    const files = fs.readdirSync(folder, { recursive: true }).map(String).sort()
    const tldr = files.find((name) => /^Dorfladen Musterhausen .*\.tldr$/.test(name))!
    const report = files.find((name) => /^Ergebnisprotokoll Dorfladen Musterhausen .*\.md$/.test(name))!
    const version = files.find((name) => name.startsWith(`Versionen${path.sep}Dorfladen Musterhausen Vor der Pause`))!
    expect([tldr, report, version].every(Boolean)).toBe(true)
    const file = JSON.parse(fs.readFileSync(path.join(folder, tldr), 'utf8')) as { records: Array<{ id: string }> }
    expect(file.records.map((record) => record.id)).toContain('shape:laden')
    expect(fs.readFileSync(path.join(folder, report), 'utf8')).toContain('Dorfladen mit Café')
    expect(JSON.parse(fs.readFileSync(path.join(folder, version), 'utf8')).records.map((record: { id: string }) => record.id)).toContain('shape:laden')

    // Refusals, each changing nothing.
    expect(await dorfplatz('boards', 'export', board.id, folder, ...where)).toMatchObject({ code: 1, output: expect.stringContaining('not an empty folder') })
    expect(fs.readdirSync(folder, { recursive: true }).map(String).sort()).toEqual(files)
    expect(await dorfplatz('boards', 'export', board.id, path.join(dataDir, 'no', 'such', 'folder'), ...where)).toMatchObject({
      code: 1,
      output: expect.stringContaining('does not exist'),
    })
    expect(await dorfplatz('boards', 'delete', 'AAAAAAAAAAAAAAAA', ...where)).toMatchObject({ code: 1, output: expect.stringContaining('There is no board AAAAAAAAAAAAAAAA') })
    expect(await dorfplatz('boards', 'delete', '../../etc', ...where)).toMatchObject({ code: 1, output: expect.stringContaining('is not a board id') })
    expect(await dorfplatz('boards', 'frobnicate', ...where)).toMatchObject({ code: 1, output: expect.stringContaining('Usage: dorfplatz boards') })
    expect(await dorfplatz('boards', 'list', '--data', path.join(dataDir, 'elsewhere'))).toMatchObject({
      code: 1,
      output: expect.stringContaining('There is no Dorfplatz database'),
    })
    expect(fs.existsSync(path.join(dataDir, 'elsewhere'))).toBe(false)

    const deleted = await dorfplatz('boards', 'delete', board.id, ...where)
    expect(deleted.code).toBe(0)
    expect(deleted.output).toContain(`Deleted board ${board.id}`)
    const after = await dorfplatz('boards', 'list', ...where)
    expect(after.output).not.toContain(board.id)
    expect(after.output).toContain(other.id)
    expect(await dorfplatz('boards', 'delete', board.id, ...where)).toMatchObject({ code: 1, output: expect.stringContaining('There is no board') })
  }, 180_000)
})
