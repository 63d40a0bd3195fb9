/**
 * Snapshots, files, the results report and import, against the real server with stock
 * y-websocket clients as the live board's people.
 */
import { describe, expect, it, vi } from 'vitest'
import {
  getCommentAuthorsMap,
  getRecordsMap,
  readBoardRecords,
  readFacilitation,
  readTemplateInstances,
  readTldrFile,
} from '@dorfplatz/board'
import { testNote, writeTestComment } from '@dorfplatz/board/testing'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(
  server: TestServer,
  method: string,
  path: string,
  { token, body, raw }: { token?: string; body?: unknown; raw?: string } = {},
): Promise<{ status: number; text: string; json: Json; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined && raw === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(raw !== undefined ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  let json: Json
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, text, json, headers: response.headers }
}

async function synced(server: TestServer, boardId: string, token: string) {
  const provider = connectProvider(server, boardId, token)
  await waitForSync(provider)
  return provider
}

const noteIds = (records: Map<string, unknown>) =>
  [...records.entries()].filter(([, value]) => (value as { type?: string }).type === 'note').map(([id]) => id).sort()

describe('snapshots', () => {
  it('saves a snapshot, restores it into the live board with two clients, and undoes the restore', async () => {
    const server = await startTestServer()
    const board = await server.createBoard('Workshop 1')
    const token = board.tokens.facilitator
    const alice = await synced(server, board.id, board.tokens.participant)
    const bob = await synced(server, board.id, board.tokens.participant)
    getRecordsMap(alice.doc).set('shape:ideen', testNote('ideen', 'Dorfladen mit Café'))
    await waitForDoc(bob.doc, (doc) => readBoardRecords(doc).has('shape:ideen'))

    const saved = await call(server, 'POST', `/api/boards/${board.id}/snapshots`, { token, body: { name: 'Ende Workshop 1' } })
    expect(saved.status).toBe(201)
    expect(saved.json.snapshot).toMatchObject({ name: 'Ende Workshop 1', kind: 'manual' })

    // After the snapshot: Bob adds a note and Alice changes hers.
    const bobRecords = getRecordsMap(bob.doc)
    bobRecords.set('shape:spaeter', testNote('spaeter', 'Nach dem Stand'))
    getRecordsMap(alice.doc).set('shape:ideen', testNote('ideen', 'Dorfladen ohne Café'))
    await waitForDoc(alice.doc, (doc) => readBoardRecords(doc).has('shape:spaeter'))
    const afterEdits = readBoardRecords(alice.doc)

    const restored = await call(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.json.snapshot.id}/restore`, { token })
    expect(restored.status).toBe(200)
    expect(restored.json).toMatchObject({ written: 1, deleted: 1, before: { kind: 'before-restore' } })
    for (const doc of [alice.doc, bob.doc]) {
      await waitForDoc(doc, (d) => !readBoardRecords(d).has('shape:spaeter'))
      expect(JSON.stringify(readBoardRecords(doc).get('shape:ideen'))).toContain('Dorfladen mit Café')
    }
    expect(readBoardRecords(alice.doc)).toEqual(readBoardRecords(bob.doc))
    // Everyone learns which version was restored, with the same change.
    const notice = readFacilitation(bob.doc).lastRestore
    expect(notice).toMatchObject({ snapshotId: saved.json.snapshot.id, name: 'Ende Workshop 1', kind: 'manual' })

    // The automatic snapshot taken before the restore brings the edits back.
    const list = await call(server, 'GET', `/api/boards/${board.id}/snapshots`, { token })
    expect(list.json.snapshots.map((s: Json) => s.kind)).toEqual(['before-restore', 'manual'])
    // Named by Dorfplatz in the restoring facilitator's language, German unless asked otherwise.
    expect(restored.json.before.name).toBe('Vor der Wiederherstellung von „Ende Workshop 1“')
    const undone = await call(server, 'POST', `/api/boards/${board.id}/snapshots/${restored.json.before.id}/restore?locale=en`, { token })
    expect(undone.json.before.name).toBe('Before a restore')
    await waitForDoc(bob.doc, (doc) => readBoardRecords(doc).has('shape:spaeter'))
    // A new notice for every restore, so that each one is told.
    expect(readFacilitation(bob.doc).lastRestore).toMatchObject({ snapshotId: restored.json.before.id, kind: 'before-restore' })
    expect(readFacilitation(bob.doc).lastRestore?.id).not.toBe(notice?.id)
    expect(readBoardRecords(bob.doc)).toEqual(afterEdits)
    const english = await call(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.json.snapshot.id}/restore?locale=en`, { token })
    expect(english.json.before.name).toBe('Before restoring “Ende Workshop 1”')
    const unknownLocale = await call(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.json.snapshot.id}/restore?locale=fr`, { token })
    expect(unknownLocale.status).toBe(400)
  })

  it('saves the board automatically when the last person leaves after changing it, and not otherwise', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const token = board.tokens.facilitator
    const lookers = await synced(server, board.id, board.tokens.participant)
    lookers.destroy()
    const writer = await synced(server, board.id, board.tokens.participant)
    getRecordsMap(writer.doc).set('shape:n', testNote('n', 'Zuletzt geschrieben'))
    const witness = await synced(server, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has('shape:n'))
    writer.destroy()
    witness.destroy()
    await vi.waitFor(async () => {
      const { json } = await call(server, 'GET', `/api/boards/${board.id}/snapshots`, { token })
      expect(json.snapshots.map((s: Json) => s.kind)).toEqual(['last-left'])
    })
    const { json } = await call(server, 'GET', `/api/boards/${board.id}/snapshots`, { token })
    const file = await call(server, 'GET', `/api/boards/${board.id}/snapshots/${json.snapshots[0].id}/file`, { token })
    const reading = readTldrFile(file.json)
    expect(reading.ok && reading.records.some((record) => record.id === 'shape:n')).toBe(true)
    const thumbnail = await call(server, 'GET', `/api/boards/${board.id}/snapshots/${json.snapshots[0].id}/thumbnail`, { token })
    expect(thumbnail.headers.get('content-type')).toContain('image/svg+xml')
    expect(thumbnail.text).toMatch(/^<svg [^>]*>.*<rect [^>]*fill="#f1ac4b"/)
  })

  it('is for facilitators only, and a snapshot belongs to its board', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const other = await server.createBoard('Anderes Board')
    const saved = await call(server, 'POST', `/api/boards/${other.id}/snapshots`, { token: other.tokens.facilitator, body: { name: 'x' } })
    for (const token of [board.tokens.participant, board.tokens.viewer]) {
      expect((await call(server, 'GET', `/api/boards/${board.id}/snapshots`, { token })).status).toBe(403)
      expect((await call(server, 'POST', `/api/boards/${board.id}/snapshots`, { token, body: { name: 'x' } })).status).toBe(403)
      expect((await call(server, 'GET', `/api/boards/${board.id}/file`, { token })).status).toBe(403)
      expect((await call(server, 'GET', `/api/boards/${board.id}/report.md`, { token })).status).toBe(403)
      expect((await call(server, 'POST', `/api/boards/${board.id}/import`, { token, body: {} })).status).toBe(403)
    }
    const token = board.tokens.facilitator
    expect((await call(server, 'GET', `/api/boards/${board.id}/snapshots/${saved.json.snapshot.id}/file`, { token })).status).toBe(404)
    expect((await call(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.json.snapshot.id}/restore`, { token })).status).toBe(404)
    expect((await call(server, 'POST', `/api/boards/${board.id}/snapshots`, { token, body: { name: '   ' } })).status).toBe(400)
    expect((await call(server, 'GET', `/api/boards/${board.id}/snapshots/..%2F..%2Fetc/file`, { token })).status).toBe(400)
  })
})

describe('files and import', () => {
  it('exports the live board as a .tldr file that tldraw’s schema reads, with a safe file name', async () => {
    const server = await startTestServer()
    const created = await call(server, 'POST', '/api/boards', { body: { title: 'Bürgerbus "Süd"/Nord', templates: ['swot'] } })
    const board = created.json as CreatedBoard
    const client = await synced(server, board.id, board.tokens.participant)
    getRecordsMap(client.doc).set('shape:n', testNote('n', 'Ehrenamt stärken'))
    await waitForDoc((await synced(server, board.id, board.tokens.viewer)).doc, (doc) => readBoardRecords(doc).has('shape:n'))
    const file = await call(server, 'GET', `/api/boards/${board.id}/file`, { token: board.tokens.facilitator })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="B_rgerbus S_d Nord \d{4}-\d\d-\d\d\.tldr"; filename\*=UTF-8''/)
    expect(file.json.tldrawFileFormatVersion).toBe(1)
    const reading = readTldrFile(file.json)
    if (!reading.ok) throw new Error(reading.reason)
    expect(reading.records.map((record) => record.id)).toEqual(expect.arrayContaining(['shape:n', 'page:page', 'document:document']))
    expect(reading.records).toHaveLength(readBoardRecords(client.doc).size)
  })

  it('imports a file’s pages under new ids, twice if asked, and refuses hostile files without touching the board', async () => {
    const server = await startTestServer()
    const source = await call(server, 'POST', '/api/boards', { body: { title: 'Vorlage', templates: ['priority-matrix'] } })
    const sourceBoard = source.json as CreatedBoard
    const writer = await synced(server, sourceBoard.id, sourceBoard.tokens.participant)
    getRecordsMap(writer.doc).set('shape:n', testNote('n', 'Importierte Idee'))
    await waitForDoc((await synced(server, sourceBoard.id, sourceBoard.tokens.viewer)).doc, (doc) => readBoardRecords(doc).has('shape:n'))
    const file = (await call(server, 'GET', `/api/boards/${sourceBoard.id}/file`, { token: sourceBoard.tokens.facilitator })).json

    const board = await server.createBoard('Ziel')
    const token = board.tokens.facilitator
    const live = await synced(server, board.id, board.tokens.participant)
    const before = readBoardRecords(live.doc)

    const hostile: unknown[] = [
      {},
      { tldrawFileFormatVersion: 1, schema: file.schema, records: 'nope' },
      { tldrawFileFormatVersion: 99, schema: file.schema, records: [] },
      { tldrawFileFormatVersion: 1, schema: { schemaVersion: 2, sequences: { 'com.tldraw.shape.rakete': 9 } }, records: file.records },
      { tldrawFileFormatVersion: 1, schema: file.schema, records: [...file.records, { id: 'shape:evil', typeName: 'shape', type: 'note', props: '<script>' }] },
      { tldrawFileFormatVersion: 1, schema: file.schema, records: file.records.filter((r: Json) => r.typeName !== 'page') },
      { tldrawFileFormatVersion: 1, schema: file.schema, records: [...file.records, file.records.find((r: Json) => r.id === 'shape:n')] },
    ]
    for (const body of hostile) {
      const answer = await call(server, 'POST', `/api/boards/${board.id}/import`, { token, body })
      expect(answer.status, JSON.stringify(answer.json)).toBe(422)
      expect(answer.json.message).toMatch(/^This file cannot be imported/)
    }
    expect((await call(server, 'POST', `/api/boards/${board.id}/import`, { token, raw: '{"tldrawFileFormatVersion":' })).status).toBe(400)
    expect((await call(server, 'POST', `/api/boards/${board.id}/import`, { token, raw: `{"x":"${'a'.repeat(9 * 1024 * 1024)}"}` })).status).toBe(413)
    expect(readBoardRecords((await synced(server, board.id, board.tokens.viewer)).doc)).toEqual(before)

    const imported = await call(server, 'POST', `/api/boards/${board.id}/import`, { token, body: file })
    expect(imported.status).toBe(201)
    expect(imported.json.pages).toBe(1)
    const shapesInFile = file.records.filter((r: Json) => r.typeName === 'shape').length
    expect(imported.json.shapes).toBe(shapesInFile)
    await waitForDoc(live.doc, (doc) => readBoardRecords(doc).has(imported.json.firstPageId))
    const again = await call(server, 'POST', `/api/boards/${board.id}/import`, { token, body: file })
    await waitForDoc(live.doc, (doc) => readBoardRecords(doc).has(again.json.firstPageId))

    const after = readBoardRecords(live.doc)
    const pages = [...after.values()].filter((r: Json) => r.typeName === 'page') as Json[]
    expect(pages).toHaveLength(3)
    // Marked as imported in the facilitator's language.
    expect((after.get(imported.json.firstPageId) as Json).name).toMatch(/ \(importiert\)$/)
    const inEnglish = await call(server, 'POST', `/api/boards/${board.id}/import?locale=en`, { token, body: file })
    await waitForDoc(live.doc, (doc) => readBoardRecords(doc).has(inEnglish.json.firstPageId))
    expect((readBoardRecords(live.doc).get(inEnglish.json.firstPageId) as Json).name).toMatch(/ \(imported\)$/)
    expect(pages.map((p) => p.index).sort()).toEqual(pages.map((p) => p.index).sort((a: string, b: string) => (a < b ? -1 : 1)))
    // Everything the board had is untouched; the imported note is there twice, under new ids, on the new pages.
    for (const [id, value] of before) expect(after.get(id)).toEqual(value)
    const notes = [...after.values()].filter((r: Json) => r.type === 'note') as Json[]
    expect(notes).toHaveLength(2)
    expect(notes.every((note) => note.id !== 'shape:n')).toBe(true)
    // Imported template parts are drawing now, not this board's templates.
    expect(readTemplateInstances(live.doc)).toEqual([])
    expect(JSON.stringify([...after.values()])).not.toContain('"role":"structure"')
  })
})

describe('results report', () => {
  it('lists each zone’s notes with their votes, ranked, as Markdown and as CSV', async () => {
    const server = await startTestServer()
    const created = await call(server, 'POST', '/api/boards', { body: { title: 'Digitalstrategie', templates: ['priority-matrix'] } })
    const board = created.json as CreatedBoard
    const token = board.tokens.facilitator
    const client = await synced(server, board.id, board.tokens.participant)
    const instance = readTemplateInstances(client.doc)[0]!
    const zone = (id: string) => getTemplate('priority-matrix').zones.find((candidate) => candidate.id === id)!
    const at = (zoneId: string, dx = 0) => {
      const centre = zoneCentre(zone(zoneId).area)
      return { x: instance.x + centre.x - 100 + dx, y: instance.y + centre.y - 100 }
    }
    const records = getRecordsMap(client.doc)
    records.set('shape:a', testNote('a', 'Glasfaser', at('schnelle-erfolge', -120)))
    records.set('shape:b', testNote('b', 'Dorf-App', at('schnelle-erfolge', 120)))
    records.set('shape:c', testNote('c', '=HYPERLINK("x")', at('zeitfresser')))
    records.set('shape:d', testNote('d', 'Außerhalb', { x: -3000, y: -3000 }))
    const witness = await synced(server, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has('shape:d'))

    const round = (await call(server, 'POST', `/api/boards/${board.id}/rounds`, {
      token,
      body: { title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'all' } },
    })).json.round
    const voter = 'v'.repeat(43)
    for (const shapeId of ['shape:b', 'shape:b', 'shape:a']) {
      const answer = await fetch(`${server.url}/api/boards/${board.id}/rounds/${round.id}/ballot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'dorfplatz-voter': voter },
        body: JSON.stringify({ shapeId, delta: 1 }),
      })
      expect(answer.status).toBe(200)
    }
    await call(server, 'POST', `/api/boards/${board.id}/rounds/${round.id}/reveal`, { token })
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).rounds[0]?.status === 'revealed')

    const markdown = await call(server, 'GET', `/api/boards/${board.id}/report.md`, { token })
    expect(markdown.status).toBe(200)
    expect(markdown.headers.get('content-type')).toContain('text/markdown')
    const md = markdown.text
    expect(md).toContain('# Ergebnisprotokoll: Digitalstrategie')
    const quickWins = md.slice(md.indexOf('### Schnelle Erfolge'), md.indexOf('###', md.indexOf('### Schnelle Erfolge') + 3))
    expect(quickWins).toContain('| 1 | Dorf-App | 2 |')
    expect(quickWins).toContain('| 2 | Glasfaser | 1 |')
    expect(md.slice(md.indexOf('### Zeitfresser'))).toContain('| 1 | =HYPERLINK("x") | 0 |')
    expect(md.slice(md.indexOf('## Weitere Notizen'))).toContain('| 1 | Außerhalb | 0 |')
    const roundPart = md.slice(md.indexOf('### Was zuerst?'), md.indexOf('## Priorisierungsmatrix'))
    expect(roundPart).toContain('| 1 | Dorf-App | 2 |\n| 2 | Glasfaser | 1 |')
    // Empty zones are named in one line, not given a heading each.
    expect(md).toContain('_Ohne Notizen: Große Vorhaben, Lückenfüller._')
    expect(md).not.toContain('### Lückenfüller')

    const csv = await call(server, 'GET', `/api/boards/${board.id}/report.csv`, { token })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await (await fetch(`${server.url}/api/boards/${board.id}/report.csv`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(rows[0]).toBe('"Vorlage";"Feld";"Rang";"Notiz";"Punkte gesamt";"Punkte: Was zuerst?";"Kommentare"')
    expect(rows).toContain('"Priorisierungsmatrix";"Schnelle Erfolge";"1";"Dorf-App";"2";"2";""')
    expect(rows).toContain('"Priorisierungsmatrix";"Zeitfresser";"1";"\'=HYPERLINK(""x"")";"0";"0";""')
    expect(rows).toContain('"";"Weitere Notizen";"1";"Außerhalb";"0";"0";""')
    expect(noteIds(readBoardRecords(witness.doc))).toEqual(['shape:a', 'shape:b', 'shape:c', 'shape:d'])

    const english = await call(server, 'GET', `/api/boards/${board.id}/report.md?locale=en`, { token })
    expect(english.text).toContain('# Results report: Digitalstrategie')
    expect(english.text).toContain('### Quick wins')
  })

  it('lists a note’s comments, and leaves resolved threads out on request', async () => {
    const server = await startTestServer()
    const board = (await call(server, 'POST', '/api/boards', { body: { title: 'Dorfladen' } })).json as CreatedBoard
    const token = board.tokens.facilitator
    const client = await synced(server, board.id, board.tokens.participant)
    // This client shows no presence: the server knows it by its link's role alone, with no name.
    getRecordsMap(client.doc).set('shape:a', testNote('a', 'Dorfladen im Gemeindehaus'))
    writeTestComment(client.doc, { noteId: 'shape:a', thread: 't1', id: 'm1', text: 'Wer betreibt ihn?', at: 1 })
    writeTestComment(client.doc, { noteId: 'shape:a', resolved: true, thread: 't2', id: 'm2', text: 'Miete klären', at: 2 })
    const witness = await synced(server, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => getCommentAuthorsMap(doc).size === 2)

    const all = (await call(server, 'GET', `/api/boards/${board.id}/report.md`, { token })).text
    expect(all).toContain('**Kommentare zu „Dorfladen im Gemeindehaus“**')
    expect(all).toContain('Unbekannt (01.01.1970, 01:00): Wer betreibt ihn?')
    expect(all).toContain('- _(erledigt)_ Unbekannt (01.01.1970, 01:00): Miete klären')
    const open = (await call(server, 'GET', `/api/boards/${board.id}/report.md?resolved=omit`, { token })).text
    expect(open).toContain('Wer betreibt ihn?')
    expect(open).not.toContain('Miete klären')
    const csv = (await call(server, 'GET', `/api/boards/${board.id}/report.csv?resolved=omit&locale=en`, { token })).text
    expect(csv).toContain('"Other notes";"1";"Dorfladen im Gemeindehaus";"0";"Unknown: Wer betreibt ihn?"')
    expect((await call(server, 'GET', `/api/boards/${board.id}/report.md?resolved=maybe`, { token })).status).toBe(400)
  })
})
