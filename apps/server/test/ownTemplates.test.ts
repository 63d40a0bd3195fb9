/**
 * This installation's own templates against the real server: a facilitator saves a frame of a
 * board as a template, boards are made with it, a new version leaves older boards as they
 * were, who may do what, and template files from elsewhere that are refused.
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { getRecordsMap, readBoardRecords, readTemplateInstances } from '@dorfplatz/board'
import { handDrawnFrame } from '@dorfplatz/templates/testing/handDrawnFrame'
import { MAX_TEMPLATE_FILE_BYTES, zoneCentre, type TemplateInstance } from '@dorfplatz/templates'
import { VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import { connectProvider, startTestServer, waitForDoc, waitForSync, writeNote, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

const newVoterKey = () => crypto.randomBytes(32).toString('base64url')

async function call(server: TestServer, method: string, path: string, { token, body, type = 'application/json' }: { token?: string; body?: unknown; type?: string } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': type }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  let json: Json
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: response.status, json }
}

/** A board with a hand-drawn frame on it, written by its facilitator's browser. */
async function boardWithFrame(server: TestServer, options: Parameters<typeof handDrawnFrame>[0] = {}) {
  const board = await server.createBoard('Klausur')
  const client = connectProvider(server, board.id, board.tokens.facilitator)
  await waitForSync(client)
  const records = handDrawnFrame(options)
  client.doc.transact(() => {
    for (const record of records) getRecordsMap(client.doc).set(record.id, record)
  })
  await waitForRecords(server, board, records.map((record) => record.id))
  return { board, client, frameId: records[0]!.id }
}

/** Waits until the server's copy holds the records (a second client sees them). */
async function waitForRecords(server: TestServer, board: CreatedBoard, ids: string[]): Promise<void> {
  const reader = connectProvider(server, board.id, board.tokens.viewer)
  await waitForSync(reader)
  await waitForDoc(reader.doc, (doc) => ids.every((id) => readBoardRecords(doc).has(id)))
  reader.destroy()
}

const saveBody = (board: CreatedBoard, frameId: string, name = 'Klausur-Matrix') => ({
  boardId: board.id,
  frameId,
  name: { de: name, en: 'Retreat matrix' },
  description: { de: 'Was schnell geht und was lange dauert', en: '' },
  instruction: { de: 'Ordnen Sie jedes Vorhaben ein.', en: 'Place every project.' },
  publishedBy: 'Frau Weber',
})

async function instancesOf(server: TestServer, board: CreatedBoard): Promise<{ doc: Y.Doc; instances: TemplateInstance[] }> {
  const client = connectProvider(server, board.id, board.tokens.facilitator)
  await waitForSync(client)
  return { doc: client.doc, instances: readTemplateInstances(client.doc) }
}

describe('own templates', () => {
  it('saves a frame as a template: labelled areas become zones, and new boards get it', async () => {
    const server = await startTestServer()
    const { board, frameId } = await boardWithFrame(server)
    const saved = await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, frameId) })
    expect(saved.status).toBe(201)
    const template = saved.json
    expect(template.id).toMatch(/^own:klausur-matrix-[0-9a-f]{8}$/)
    expect(template.newest.version).toBe(1)
    expect(template.newest.publishedBy).toBe('Frau Weber')
    expect(template.newest.zones.map((zone: Json) => zone.name.de)).toEqual(['Schnelle Erfolge', 'Große Vorhaben'])
    const [quick, big] = template.newest.zones
    expect(quick.id).toMatch(/^schnelle-erfolge-[0-9a-f]{4}$/)
    expect(big.id).toMatch(/^grosse-vorhaben-[0-9a-f]{4}$/)
    // The heading at y = 20 would sit in the template's header: everything moves down below it.
    expect(quick.area).toEqual({ kind: 'rect', x: 40, y: 300, w: 500, h: 600 })
    expect(template.newest.height).toBe(980)

    const listed = await call(server, 'GET', '/api/templates', { token: board.tokens.viewer })
    expect(listed.status).toBe(200)
    expect(listed.json.templates.map((entry: Json) => entry.id)).toEqual([template.id])
    expect(listed.json.templates[0].newest.structure).toBeUndefined()

    const created = await call(server, 'POST', '/api/boards', { body: { title: 'Workshop 2', templates: [template.id, 'swot'] } })
    expect(created.status).toBe(201)
    const { doc, instances } = await instancesOf(server, created.json)
    expect(instances.map((instance) => instance.templateId)).toEqual([template.id, 'swot'])
    const own = instances[0]!
    expect(own.name).toEqual({ de: 'Klausur-Matrix', en: 'Retreat matrix' })
    expect(own.version).toBe(1)
    expect(own.zones!.map((zone) => zone.id)).toEqual([quick.id, big.id])
    const records = readBoardRecords(doc)
    const frame = records.get(own.frameId) as Json
    expect(frame.props).toMatchObject({ name: 'Klausur-Matrix', w: 1200, h: 980 })
    // Areas, labels, line and arrow came along; the sticky note did not.
    const children = [...records.values()].filter((record: Json) => record.parentId === own.frameId) as Json[]
    expect(children.map((child) => child.type).sort()).toEqual(['arrow', 'geo', 'geo', 'line', 'text', 'text', 'text', 'text', 'text'])
    expect(children.every((child) => child.isLocked)).toBe(true)
    expect(children.some((child) => child.type === 'note')).toBe(false)

    // Without an instruction, the header has the title alone.
    const bare = await call(server, 'POST', '/api/templates', {
      token: board.tokens.facilitator,
      body: { boardId: board.id, frameId, name: { de: 'Ohne Anleitung' }, publishedBy: 'Frau Weber' },
    })
    expect(bare.status).toBe(201)
    const plain = await call(server, 'POST', '/api/boards', { body: { title: 'Ohne', templates: [bare.json.id], locale: 'en' } })
    const { doc: plainDoc, instances: [plainInstance] } = await instancesOf(server, plain.json)
    expect(plainInstance!.name).toEqual({ de: 'Ohne Anleitung', en: 'Ohne Anleitung' })
    expect(readBoardRecords(plainDoc).has(`${plainInstance!.frameId}.instruction`)).toBe(false)
    expect(readBoardRecords(plainDoc).has(`${plainInstance!.frameId}.title`)).toBe(true)

    // "Vorlage hinzufügen" offers it too.
    const added = await call(server, 'POST', `/api/boards/${board.id}/templates`, { token: board.tokens.facilitator, body: { templateId: template.id } })
    expect(added.status).toBe(201)
    expect(added.json.instance.templateId).toBe(template.id)
  })

  it('a new version leaves boards made with the old one as they were: zones, report and votes', async () => {
    const server = await startTestServer()
    const { board, frameId } = await boardWithFrame(server)
    const v1 = (await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, frameId) })).json
    const [quickV1, bigV1] = v1.newest.zones

    // A board of the first workshop, with a note in the second zone.
    const first = (await call(server, 'POST', '/api/boards', { body: { title: 'Workshop 1', templates: [v1.id] } })).json as CreatedBoard
    const { doc: firstDoc, instances: [firstInstance] } = await instancesOf(server, first)
    const centre = zoneCentre(bigV1.area)
    writeNote(firstDoc, 'vorhaben', 'Glasfaser bis 2030', { x: firstInstance!.x + centre.x - 100, y: firstInstance!.y + centre.y - 100 })
    await waitForRecords(server, first, ['shape:vorhaben'])

    // After the review: the first area is wider, the second renamed.
    const redrawn = await boardWithFrame(server, { frameId: 'shape:redrawn', firstWidth: 520, secondLabel: 'Langfristige Vorhaben' })
    const v2 = await call(server, 'POST', `/api/templates/${v1.id}/versions`, {
      token: redrawn.board.tokens.facilitator,
      body: { ...saveBody(redrawn.board, redrawn.frameId, 'Klausur-Matrix (nach der Beta)'), publishedBy: 'Herr Klein' },
    })
    expect(v2.status).toBe(201)
    expect(v2.json.versions.map((version: Json) => [version.version, version.publishedBy])).toEqual([
      [1, 'Frau Weber'],
      [2, 'Herr Klein'],
    ])
    const [quickV2, longV2] = v2.json.newest.zones
    expect(quickV2.id).toBe(quickV1.id)
    expect(quickV2.area.w).toBe(520)
    expect(longV2.id).not.toBe(bigV1.id)
    expect(longV2.name.de).toBe('Langfristige Vorhaben')

    // The old board still holds version 1's zones and counts by them.
    const { instances: [still] } = await instancesOf(server, first)
    expect(still!.version).toBe(1)
    expect(still!.zones).toEqual(firstInstance!.zones)
    const report = await call(server, 'GET', `/api/boards/${first.id}/report.md`, { token: first.tokens.facilitator })
    expect(report.status).toBe(200)
    expect(report.json).toContain('## Klausur-Matrix')
    expect(report.json).toMatch(/### Große Vorhaben[\s\S]*Glasfaser bis 2030/)
    const round = await call(server, 'POST', `/api/boards/${first.id}/rounds`, {
      token: first.tokens.facilitator,
      body: { title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'zone', instanceId: still!.instanceId, zoneId: bigV1.id } },
    })
    expect(round.status).toBe(201)
    // The note in version 1's zone takes a dot in a round on that zone; one elsewhere would be refused.
    const ballot = await fetch(`${server.url}/api/boards/${first.id}/rounds/${round.json.round.id}/ballot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.tokens.participant}`, [VOTER_HEADER]: newVoterKey() },
      body: JSON.stringify({ shapeId: 'shape:vorhaben', delta: 1 }),
    })
    expect(ballot.status).toBe(200)
    expect(await ballot.json()).toMatchObject({ dots: { 'shape:vorhaben': 1 } })

    // A new board gets version 2.
    const second = (await call(server, 'POST', '/api/boards', { body: { title: 'Workshop 2', templates: [v1.id] } })).json as CreatedBoard
    const { instances: [fresh] } = await instancesOf(server, second)
    expect(fresh!.version).toBe(2)
    expect(fresh!.zones!.map((zone) => zone.name.de)).toEqual(['Schnelle Erfolge', 'Langfristige Vorhaben'])
  })

  it('retires a template from new boards without touching boards that use it', async () => {
    const server = await startTestServer()
    const { board, frameId } = await boardWithFrame(server)
    const template = (await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, frameId) })).json
    const used = (await call(server, 'POST', '/api/boards', { body: { title: 'Alt', templates: [template.id] } })).json as CreatedBoard
    const retired = await call(server, 'POST', `/api/templates/${template.id}/retire`, { token: board.tokens.facilitator, body: { retired: true } })
    expect(retired.status).toBe(200)
    expect(retired.json.retiredAt).toEqual(expect.any(Number))
    const refused = await call(server, 'POST', '/api/boards', { body: { title: 'Neu', templates: [template.id] } })
    expect(refused.status).toBe(422)
    expect((await instancesOf(server, used)).instances.map((instance) => instance.templateId)).toEqual([template.id])
    const back = await call(server, 'POST', `/api/templates/${template.id}/retire`, { token: board.tokens.facilitator, body: { retired: false } })
    expect(back.json.retiredAt).toBeNull()
    expect((await call(server, 'POST', '/api/boards', { body: { title: 'Neu', templates: [template.id] } })).status).toBe(201)
  })

  it('lets only facilitator links write, and every link read', async () => {
    const server = await startTestServer()
    const { board, frameId } = await boardWithFrame(server)
    const template = (await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, frameId) })).json
    const file = JSON.stringify((await call(server, 'GET', `/api/templates/${template.id}/export`, { token: board.tokens.viewer })).json)
    for (const role of ['participant', 'viewer'] as const) {
      const token = board.tokens[role]
      expect((await call(server, 'POST', '/api/templates', { token, body: saveBody(board, frameId) })).status).toBe(403)
      expect((await call(server, 'POST', `/api/templates/${template.id}/versions`, { token, body: saveBody(board, frameId) })).status).toBe(403)
      expect((await call(server, 'POST', `/api/templates/${template.id}/retire`, { token, body: { retired: true } })).status).toBe(403)
      expect((await call(server, 'POST', '/api/templates/import', { token, body: file })).status).toBe(403)
      expect((await call(server, 'GET', '/api/templates', { token })).status).toBe(200)
    }
    expect((await call(server, 'POST', '/api/templates', { body: saveBody(board, frameId) })).status).toBe(401)
    expect((await call(server, 'POST', '/api/templates', { token: 'x'.repeat(43), body: saveBody(board, frameId) })).status).toBe(401)
    // A facilitator link proves its own board only.
    const other = await server.createBoard('Andere')
    expect((await call(server, 'POST', '/api/templates', { token: other.tokens.facilitator, body: saveBody(board, frameId) })).status).toBe(403)
    // Without an admin token, anyone may read (as anyone may create a board).
    expect((await call(server, 'GET', '/api/templates')).status).toBe(200)
    expect((await call(server, 'GET', '/api/templates')).json.templates).toHaveLength(1)
  })

  it('with DORFPLATZ_ADMIN_TOKEN, only the admin token writes, and reading needs a link', async () => {
    const admin = 'admin-token-0123456789abcdef'
    const server = await startTestServer({ DORFPLATZ_ADMIN_TOKEN: admin })
    const created = await call(server, 'POST', '/api/boards', { token: admin, body: { title: 'Klausur' } })
    const board = created.json as CreatedBoard
    const client = connectProvider(server, board.id, board.tokens.facilitator)
    await waitForSync(client)
    const records = handDrawnFrame()
    client.doc.transact(() => {
      for (const record of records) getRecordsMap(client.doc).set(record.id, record)
    })
    await waitForRecords(server, board, records.map((record) => record.id))

    const asFacilitator = await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, records[0]!.id) })
    expect(asFacilitator.status).toBe(401)
    expect(asFacilitator.json.message).toMatch(/admin token/)
    const asAdmin = await call(server, 'POST', '/api/templates', { token: admin, body: saveBody(board, records[0]!.id) })
    expect(asAdmin.status).toBe(201)
    expect((await call(server, 'POST', `/api/templates/${asAdmin.json.id}/retire`, { token: board.tokens.facilitator, body: { retired: true } })).status).toBe(401)
    expect((await call(server, 'GET', '/api/templates')).status).toBe(401)
    expect((await call(server, 'GET', '/api/templates', { token: board.tokens.viewer })).status).toBe(200)
    expect((await call(server, 'GET', '/api/templates', { token: admin })).status).toBe(200)
  })

  it('exports a template and imports it on another installation with its versions', async () => {
    const server = await startTestServer()
    const { board, frameId } = await boardWithFrame(server)
    const template = (await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, frameId) })).json
    await call(server, 'POST', `/api/templates/${template.id}/versions`, { token: board.tokens.facilitator, body: saveBody(board, frameId, 'Zweite Fassung') })
    const exported = await fetch(`${server.url}/api/templates/${template.id}/export?versions=all`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(exported.headers.get('content-disposition')).toContain('Zweite%20Fassung.dorfplatz-vorlage.json')
    const file = await exported.text()
    expect(JSON.parse(file)).toMatchObject({ dorfplatzTemplate: 1, versions: [{ version: 1 }, { version: 2 }] })
    const newest = (await call(server, 'GET', `/api/templates/${template.id}/export?versions=newest`)).json
    expect(newest.versions.map((version: Json) => version.version)).toEqual([2])

    const elsewhere = await startTestServer()
    const other = await elsewhere.createBoard('Nachbarkreis')
    const imported = await call(elsewhere, 'POST', '/api/templates/import', { token: other.tokens.facilitator, body: file })
    expect(imported.status).toBe(201)
    expect(imported.json.versions.map((version: Json) => [version.version, version.name.de])).toEqual([
      [1, 'Klausur-Matrix'],
      [2, 'Zweite Fassung'],
    ])
    expect(imported.json.newest.zones).toEqual(template.newest.zones)
    const made = await call(elsewhere, 'POST', '/api/boards', { body: { title: 'Dort', templates: [imported.json.id] } })
    expect(made.status).toBe(201)
  })

  describe('refuses template files that are not one, with the reason, storing nothing', () => {
    const valid = {
      dorfplatzTemplate: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
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
    const withVersion = (change: (version: Json) => void): string => {
      const copy = structuredClone(valid) as Json
      change(copy.versions[0])
      return JSON.stringify(copy)
    }
    const zone = valid.versions[0]!.zones[0]!
    const cases: Array<[string, string, RegExp]> = [
      ['not JSON', 'Das ist keine Vorlage', /kein JSON/],
      ['NaN (not JSON either)', JSON.stringify(valid).replace('"width":1200', '"width":NaN'), /kein JSON/],
      ['JSON that is no template', JSON.stringify({ hello: 'world' }), /keine Dorfplatz-Vorlage/],
      ['a newer format', JSON.stringify({ ...valid, dorfplatzTemplate: 2 }), /neueren Dorfplatz-Version/],
      ['too large', JSON.stringify({ ...valid, exportedAt: 'x'.repeat(MAX_TEMPLATE_FILE_BYTES) }), /größer als 512 KiB/],
      ['a number for a name', withVersion((version) => (version.name = 5)), /kein Objekt/],
      ['a huge number', withVersion((version) => (version.width = 1e300)), /liegt nicht zwischen/],
      ['an infinite number', withVersion((version) => (version.zones[0].area.x = 1)).replace('"x":1,', '"x":1e999,'), /keine endliche Zahl/],
      ['a negative size', withVersion((version) => (version.structure[0].w = -5)), /größer als 0/],
      ['a prototype key', withVersion((version) => (version.zones[0].area = { kind: 'rect', x: 1, y: 1, w: 1, h: 1 })).replace('"kind":"rect"', '"__proto__":{"polluted":true},"kind":"rect"'), /unzulässiger Schlüssel „__proto__“/],
      // Ten thousand whole zones would pass the size limit; ten thousand small ones must fail on their number.
      ['10,000 zones', withVersion((version) => (version.zones = Array.from({ length: 10_000 }, (_, n) => ({ id: `z${n}` })))), /mehr als 40 Zonen/],
      ['10,000 whole zones', withVersion((version) => (version.zones = Array.from({ length: 10_000 }, (_, n) => ({ ...zone, id: `z-${n}` })))), /größer als 512 KiB/],
      ['deep nesting', withVersion((version) => (version.description = { de: '', en: '' })).replace('"description":{"de":"","en":""}', `"description":${'['.repeat(5000)}${']'.repeat(5000)}`), /zu tief verschachtelt/],
      ['a script in a zone name', withVersion((version) => (version.zones[0].name.de = '<script>alert(1)</script>')), /HTML oder Skript/],
      ['a script address in a label', withVersion((version) => version.structure.push({ kind: 'label', key: 'l', x: 0, y: 0, w: 100, text: 'javascript:alert(1)', size: 'm', bold: false, color: 'black', align: 'start' })), /HTML oder Skript/],
      ['an unknown field', withVersion((version) => (version.onload = 'x')), /unbekanntes Feld/],
      ['a name longer than 80 characters', withVersion((version) => (version.name.de = 'N'.repeat(81))), /länger als 80 Zeichen/],
      ['a part naming no zone', withVersion((version) => (version.structure[0].zone = 'nirgends')), /nennt keine Zone/],
      ['no version', JSON.stringify({ ...valid, versions: [] }), /keine Version/],
    ]

    it.each(cases)('%s', async (_what, file, reason) => {
      const server = await startTestServer()
      const board = await server.createBoard('Import')
      const answer = await call(server, 'POST', '/api/templates/import', { token: board.tokens.facilitator, body: file })
      expect(answer.status).toBe(422)
      expect(answer.json.reason.de).toMatch(reason)
      expect(answer.json.reason.en).toEqual(expect.any(String))
      expect(answer.json.message).toBe(answer.json.reason.en)
      expect((await call(server, 'GET', '/api/templates')).json.templates).toEqual([])
      expect(({} as Json).polluted).toBeUndefined()
    })

    it('accepts the valid file these cases are made from', async () => {
      const server = await startTestServer()
      const board = await server.createBoard('Import')
      expect((await call(server, 'POST', '/api/templates/import', { token: board.tokens.facilitator, body: JSON.stringify(valid), type: 'text/plain' })).status).toBe(201)
    })

    it('refuses a frame without labelled areas, and a frame that is not there', async () => {
      const server = await startTestServer()
      const { board, frameId } = await boardWithFrame(server, { firstLabel: '', secondLabel: '' })
      const empty = await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, frameId) })
      expect(empty.status).toBe(422)
      expect(empty.json.reason.de).toMatch(/keine beschriftete Fläche/)
      const missing = await call(server, 'POST', '/api/templates', { token: board.tokens.facilitator, body: saveBody(board, 'shape:nothing') })
      expect(missing.status).toBe(422)
      expect(missing.json.reason.de).toMatch(/diesen Rahmen nicht/)
    })
  })
})
