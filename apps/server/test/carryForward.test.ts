/**
 * Results that carry forward and series of boards, against the real server: a facilitator
 * starts the next workshop's board with the notes of a zone and the top three of a revealed
 * round, each in its target zone with its text, colour, author and votes and a link back; only
 * the facilitator may, no client can forge the link back, and a series shows its boards' titles
 * in order to anyone with a link of one of them, never a token.
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  CARRIED_FROM_META,
  getRecordsMap,
  readBoardRecords,
  readFacilitation,
  readRecordAuthors,
  readTemplateInstances,
  richTextToPlain,
} from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { findZone, getTemplate, shapePagePoint, shapeToPage, zoneCentre } from '@dorfplatz/templates'
import { CloseCode, VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'
import { connectHostile, syncUpdateMessage } from './hostileClient.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(server: TestServer, method: string, path: string, { token, body, voter }: { token?: string; body?: unknown; voter?: string } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(voter ? { [VOTER_HEADER]: voter } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json, text }
}

async function synced(server: TestServer, boardId: string, token: string, name?: string) {
  const provider = connectProvider(server, boardId, token)
  if (name) provider.awareness.setLocalStateField('user', { id: `u-${name}`, name, color: '#2f6db5' })
  await waitForSync(provider)
  return provider
}

/** The notes of `doc`: each one's text, with its zone, mark and authors. */
function notesOf(doc: Y.Doc) {
  const byId = readBoardRecords(doc)
  const instances = readTemplateInstances(doc)
  const notes: Array<[string, { id: string; color: string; zone: string | null; template: string | null; carriedFrom: Json; authors: Json }]> = []
  for (const value of byId.values()) {
    const note = value as Json
    if (note.typeName !== 'shape' || note.type !== 'note') continue
    const pageId = shapeToPage(note, { x: 0, y: 0 }, byId).pageId!
    const found = findZone(instances, pageId, shapePagePoint(note, byId))
    notes.push([richTextToPlain(note.props.richText), {
      id: note.id,
      color: note.props.color,
      zone: found?.zone.id ?? null,
      template: found?.instance.templateId ?? null,
      carriedFrom: note.meta?.[CARRIED_FROM_META],
      authors: readRecordAuthors(doc, note.id),
    }])
  }
  return notes
}

/** Workshop 1: a priority matrix with three quick wins and one time waster, a revealed round on all four. */
async function firstWorkshop(server: TestServer) {
  const created = await call(server, 'POST', '/api/boards', { body: { title: 'Workshop 1', templates: ['priority-matrix'] } })
  expect(created.status).toBe(201)
  const board = created.body as CreatedBoard
  const facilitator = await synced(server, board.id, board.tokens.facilitator, 'Frau Weber')
  const instance = readTemplateInstances(facilitator.doc)[0]!
  const zones = getTemplate('priority-matrix').zones
  const quickWins = zones.find((zone) => zone.id === 'schnelle-erfolge')!
  const timeWaster = zones.find((zone) => zone.id === 'zeitfresser')!
  const at = (zone: typeof quickWins, dx: number, dy: number) => {
    const centre = zoneCentre(zone.area)
    return { x: instance.x + centre.x - 100 + dx, y: instance.y + centre.y - 100 + dy }
  }
  const records = getRecordsMap(facilitator.doc)
  const green = testNote('a', 'Glasfaser', at(quickWins, -120, -120))
  records.set('shape:a', { ...green, props: { ...green.props, color: 'green' } })
  records.set('shape:b', testNote('b', 'Dorf-App', at(quickWins, 120, -120)))
  records.set('shape:c', testNote('c', 'Mitfahrbank', at(quickWins, 0, 120)))
  records.set('shape:d', testNote('d', 'WLAN am Dorfplatz', at(timeWaster, 0, 0)))
  await waitForDoc(facilitator.doc, (doc) => ['a', 'b', 'c', 'd'].every((name) => readRecordAuthors(doc, `shape:${name}`) !== null))

  const token = board.tokens.facilitator
  const opened = await call(server, 'POST', `/api/boards/${board.id}/rounds`, { token, body: { title: 'Was zuerst?', dotsPerPerson: 5, scope: { kind: 'all' } } })
  expect(opened.status).toBe(201)
  const roundId = opened.body.round.id as string
  const [anna, bernd] = [crypto.randomBytes(32).toString('base64url'), crypto.randomBytes(32).toString('base64url')]
  const dots: Array<[string, string, number]> = [[anna, 'shape:a', 3], [anna, 'shape:b', 2], [bernd, 'shape:d', 2], [bernd, 'shape:c', 1]]
  for (const [voter, shapeId, count] of dots) {
    for (let n = 0; n < count; n++) {
      expect((await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/ballot`, { token: board.tokens.participant, voter, body: { shapeId, delta: 1 } })).status).toBe(200)
    }
  }
  return { board, facilitator, instance, roundId, token }
}

const ROADMAP_FIRST_ZONE = getTemplate('roadmap').zones[0]!.id

describe('carrying results into a new board', () => {
  it('places a zone’s notes and the top three of a revealed round into zones of the new board, with text, colour, authors, votes and links back', async () => {
    const server = await startTestServer()
    const { board, instance, roundId, token } = await firstWorkshop(server)
    const carry = [
      { source: { kind: 'zone', instanceId: instance.instanceId, zoneId: 'schnelle-erfolge' }, target: { template: 0, zoneId: 'idee' } },
      { source: { kind: 'round', roundId, top: 3 }, target: { template: 1, zoneId: ROADMAP_FIRST_ZONE } },
    ]
    const body = { title: 'Workshop 2', templates: ['project-canvas', 'roadmap'], carry }

    // The round is still open: its results cannot be carried yet.
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token, body })).status).toBe(409)
    expect((await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, { token })).status).toBe(200)

    // Only the facilitator's link; a participant or a guest may not, and a wrong zone is refused.
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token: board.tokens.participant, body })).status).toBe(403)
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token: board.tokens.viewer, body })).status).toBe(403)
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { body })).status).toBe(401)
    const wrongTarget = { ...body, carry: [{ ...carry[0], target: { template: 1, zoneId: 'idee' } }] }
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token, body: wrongTarget })).status).toBe(422)
    const wrongSource = { ...body, carry: [{ ...carry[0], source: { kind: 'zone', instanceId: instance.instanceId, zoneId: 'nirgends' } }] }
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token, body: wrongSource })).status).toBe(422)
    const tooMany = { ...body, carry: [{ ...carry[1], source: { kind: 'round', roundId, top: 21 } }] }
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token, body: tooMany })).status).toBe(400)

    const created = await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token, body })
    expect(created.status).toBe(201)
    const next = created.body
    expect(next).toMatchObject({ title: 'Workshop 2', carried: 6 })
    expect(Object.keys(next.links)).toEqual(['facilitator', 'participant', 'viewer'])
    expect(next.links.facilitator).toBe(`${server.url}/b/${next.id}#token=${next.tokens.facilitator}`)
    // Both boards are now one series, named after the first board, in order.
    expect(next.series).toMatchObject({ name: 'Workshop 1', boards: [{ id: board.id, position: 1 }, { id: next.id, position: 2 }] })

    const viewer = await synced(server, next.id, next.tokens.viewer)
    const notes = notesOf(viewer.doc)
    const inCanvas = notes.filter(([, note]) => note.template === 'project-canvas')
    const inRoadmap = notes.filter(([, note]) => note.template === 'roadmap')
    // The zone's notes, top to bottom, in the canvas's "Idee"; the top three, ranked, in the roadmap's first cell.
    expect(inCanvas.map(([text, note]) => [text, note.zone])).toEqual(
      expect.arrayContaining([['Glasfaser', 'idee'], ['Dorf-App', 'idee'], ['Mitfahrbank', 'idee']]),
    )
    expect(inCanvas).toHaveLength(3)
    expect(inRoadmap.map(([text, note]) => [text, note.zone, note.carriedFrom.rank, note.carriedFrom.votes])).toEqual(
      expect.arrayContaining([
        ['Glasfaser', ROADMAP_FIRST_ZONE, 1, 3],
        ['Dorf-App', ROADMAP_FIRST_ZONE, 2, 2],
        ['WLAN am Dorfplatz', ROADMAP_FIRST_ZONE, 2, 2],
      ]),
    )
    expect(inRoadmap).toHaveLength(3)
    const glasfaser = inCanvas.find(([text]) => text === 'Glasfaser')![1]
    expect(glasfaser.color).toBe('green')
    expect(glasfaser.carriedFrom).toEqual({ boardId: board.id, boardTitle: 'Workshop 1', shapeId: 'shape:a', votes: 3 })
    expect(glasfaser.authors.createdBy).toMatchObject({ name: 'Frau Weber', role: 'facilitator' })
    const mitfahrbank = inCanvas.find(([text]) => text === 'Mitfahrbank')![1]
    expect(mitfahrbank.carriedFrom).toEqual({ boardId: board.id, boardTitle: 'Workshop 1', shapeId: 'shape:c', votes: 1 })
    // New ids, none covering another.
    expect(notes.every(([, note]) => !['shape:a', 'shape:b', 'shape:c', 'shape:d'].includes(note.id))).toBe(true)
    const byId = readBoardRecords(viewer.doc)
    const rects = notes.map(([, note]) => {
      const corner = shapeToPage(byId.get(note.id) as Json, { x: 0, y: 0 }, byId)
      return { x: corner.x, y: corner.y }
    })
    for (const [i, a] of rects.entries()) {
      for (const b of rects.slice(i + 1)) expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 200).toBe(true)
    }
    // The source board is as it was.
    expect(readFacilitation((await synced(server, board.id, board.tokens.viewer)).doc).rounds[0]?.status).toBe('revealed')
  })

  it('refuses a client that adds or changes the link back (4403), and lets one move a carried note', async () => {
    const server = await startTestServer()
    const { board, instance, token } = await firstWorkshop(server)
    const created = await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, {
      token,
      body: { title: 'Workshop 2', templates: ['project-canvas'], series: false, carry: [{ source: { kind: 'zone', instanceId: instance.instanceId, zoneId: 'zeitfresser' }, target: { template: 0, zoneId: 'risiken' } }] },
    })
    expect(created.status).toBe(201)
    expect(created.body.series).toBeNull()
    const next = created.body as CreatedBoard
    const participant = await synced(server, next.id, next.tokens.participant)
    const [carried] = [...readBoardRecords(participant.doc).values()].filter((value: Json) => value.meta?.[CARRIED_FROM_META]) as Json[]
    expect(carried.meta[CARRIED_FROM_META]).toMatchObject({ boardTitle: 'Workshop 1', shapeId: 'shape:d' })

    const url = `${server.wsUrl}/sync/${next.id}?token=${next.tokens.participant}`
    const forged = { boardId: board.id, boardTitle: 'Workshop 1', shapeId: 'shape:a', rank: 1, votes: 99 }
    const attempts: Array<[string, Json]> = [
      ['a new note that claims to be carried', { ...testNote('x', 'Rang 1!'), meta: { [CARRIED_FROM_META]: forged } }],
      ['more votes on a carried note', { ...carried, meta: { [CARRIED_FROM_META]: { ...carried.meta[CARRIED_FROM_META], votes: 99 } } }],
    ]
    for (const [what, value] of attempts) {
      const client = await connectHostile(url)
      await waitForDoc(client.doc, (doc) => readBoardRecords(doc).has(carried.id))
      client.send(syncUpdateMessage(client.craft((doc) => getRecordsMap(doc).set(value.id, value))))
      expect((await client.closed).code, what).toBe(CloseCode.FORBIDDEN)
    }
    // Moving it keeps the mark as the server wrote it: accepted.
    getRecordsMap(participant.doc).set(carried.id, { ...carried, x: carried.x + 40 })
    const witness = await synced(server, next.id, next.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => (readBoardRecords(doc).get(carried.id) as Json)?.x === carried.x + 40)
    expect((readBoardRecords(witness.doc).get(carried.id) as Json).meta[CARRIED_FROM_META]).toEqual(carried.meta[CARRIED_FROM_META])
  })

  it('asks for the admin token when one is configured, as creating a board does', async () => {
    const server = await startTestServer({ DORFPLATZ_ADMIN_TOKEN: 'a'.repeat(32) })
    const made = await call(server, 'POST', '/api/boards', { token: 'a'.repeat(32), body: { title: 'Workshop 1', templates: ['swot'] } })
    const board = made.body as CreatedBoard
    const body = { title: 'Workshop 2', templates: ['swot'], carry: [{ source: { kind: 'zone', instanceId: 'x', zoneId: 'y' }, target: { template: 0, zoneId: 'staerken' } }] }
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token: board.tokens.facilitator, body })).status).toBe(401)
    // With the admin token, the request reaches the board: its zone does not exist.
    expect((await call(server, 'POST', `/api/boards/${board.id}/carry-forward`, { token: 'a'.repeat(32), body })).status).toBe(422)
  })
})

describe('series of boards', () => {
  it('shows a series’ boards in order to every role, joins by the other board’s facilitator link only, leaves, and never shows a token', async () => {
    const server = await startTestServer()
    const [first, second, third] = [await server.createBoard('Workshop 1'), await server.createBoard('Workshop 2'), await server.createBoard('Workshop 3')]
    const series = (board: CreatedBoard, token: string) => call(server, 'GET', `/api/boards/${board.id}/series`, { token })
    expect((await series(first, first.tokens.viewer)).body).toEqual({ series: null })
    expect((await series(first, second.tokens.facilitator)).status).toBe(401)

    // Naming: participants may not; the facilitator starts the series, then renames it.
    expect((await call(server, 'PUT', `/api/boards/${first.id}/series`, { token: first.tokens.participant, body: { name: 'Reihe' } })).status).toBe(403)
    expect((await call(server, 'PUT', `/api/boards/${first.id}/series`, { token: first.tokens.facilitator, body: { name: 'Reihe' } })).status).toBe(200)
    const renamed = await call(server, 'PUT', `/api/boards/${first.id}/series`, { token: first.tokens.facilitator, body: { name: 'Digitale Kommune 2027' } })
    expect(renamed.body.series).toMatchObject({ name: 'Digitale Kommune 2027', boards: [{ id: first.id, title: 'Workshop 1', position: 1 }] })

    // Joining needs the other board's facilitator link: not its participant link, not a made-up one.
    const join = (board: CreatedBoard, token: string, joinBoardId: string, joinToken: string) =>
      call(server, 'PUT', `/api/boards/${board.id}/series`, { token, body: { joinBoardId, joinToken } })
    expect((await join(second, second.tokens.facilitator, first.id, first.tokens.participant)).status).toBe(403)
    expect((await join(second, second.tokens.facilitator, first.id, 'x'.repeat(43))).status).toBe(403)
    expect((await join(second, second.tokens.facilitator, 'AAAAAAAAAAAAAAAA', first.tokens.facilitator)).status).toBe(403)
    expect((await join(second, second.tokens.participant, first.id, first.tokens.facilitator)).status).toBe(403)
    expect((await join(second, second.tokens.facilitator, first.id, first.tokens.facilitator)).status).toBe(200)
    expect((await join(third, third.tokens.facilitator, first.id, first.tokens.facilitator)).status).toBe(200)

    const seen = await series(second, second.tokens.viewer)
    expect(seen.body.series.boards).toEqual([
      { id: first.id, title: 'Workshop 1', position: 1, createdAt: expect.any(Number) },
      { id: second.id, title: 'Workshop 2', position: 2, createdAt: expect.any(Number) },
      { id: third.id, title: 'Workshop 3', position: 3, createdAt: expect.any(Number) },
    ])
    for (const board of [first, second, third]) {
      for (const token of Object.values(board.tokens)) expect(seen.text).not.toContain(token)
    }

    // Leaving: only the facilitator; the others keep their places.
    expect((await call(server, 'DELETE', `/api/boards/${second.id}/series`, { token: second.tokens.participant })).status).toBe(403)
    expect((await call(server, 'DELETE', `/api/boards/${second.id}/series`, { token: second.tokens.facilitator })).status).toBe(204)
    expect((await series(second, second.tokens.facilitator)).body).toEqual({ series: null })
    expect((await series(third, third.tokens.participant)).body.series.boards.map((board: Json) => [board.title, board.position])).toEqual([
      ['Workshop 1', 1],
      ['Workshop 3', 3],
    ])

    // A deleted board leaves its series.
    expect((await call(server, 'DELETE', `/api/boards/${first.id}`, { token: first.tokens.facilitator })).status).toBe(204)
    expect((await series(third, third.tokens.viewer)).body.series.boards.map((board: Json) => board.title)).toEqual(['Workshop 3'])
  })
})
