/**
 * The facilitation rules, each proved against the real server with clients that speak the
 * sync protocol or the HTTP API directly, as a hand-made client would.
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import {
  FacilitationKey,
  getFacilitationMap,
  getMeta,
  getRecordsMap,
  getVotingRoundsMap,
  MetaKey,
  readBoardRecords,
  readBoardTitle,
  readFacilitation,
  readTemplateInstances,
  USER_FIELD,
} from '@dorfplatz/board'
import { CloseCode, VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import { getTemplate, isStructureShape, zoneCentre } from '@dorfplatz/templates'
import type { TLRecord } from '@tldraw/tlschema'
import { testNote } from '@dorfplatz/board/testing'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(
  server: TestServer,
  method: string,
  path: string,
  { token, body, voter }: { token?: string; body?: unknown; voter?: string } = {},
): Promise<{ status: number; body: Json }> {
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
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

const newVoterKey = () => crypto.randomBytes(32).toString('base64url')

function closeCodeOf(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
}

async function synced(server: TestServer, boardId: string, token: string): Promise<WebsocketProvider> {
  const provider = connectProvider(server, boardId, token)
  await waitForSync(provider)
  return provider
}

/** A sticky note with `text` whose top-left corner is at page point (x, y). */
function note(id: string, text: string, x = 0, y = 0): TLRecord {
  return testNote(id, text, { x, y })
}

async function boardWithTemplate(server: TestServer, templates: string[] = ['priority-matrix']): Promise<CreatedBoard> {
  const response = await call(server, 'POST', '/api/boards', { body: { title: 'Klausurtagung', templates } })
  expect(response.status).toBe(201)
  return response.body as CreatedBoard
}

describe('facilitation: who may run the session', () => {
  it('refuses every facilitator action to participants, viewers and callers without a valid token', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const base = `/api/boards/${board.id}`
    const actions: Array<[string, string, unknown]> = [
      ['POST', `${base}/timer`, { action: 'start', durationMs: 60_000 }],
      ['POST', `${base}/summon`, { pageId: 'page:page', userId: 'u', name: 'Anna', bounds: { x: 0, y: 0, w: 10, h: 10 } }],
      ['PUT', `${base}/follow`, { userId: 'u', name: 'Anna' }],
      ['DELETE', `${base}/follow`, undefined],
      ['PUT', `${base}/freeze`, { name: 'Anna' }],
      ['DELETE', `${base}/freeze`, undefined],
      ['POST', `${base}/rounds`, { title: 'Prioritäten', dotsPerPerson: 3, scope: { kind: 'all' } }],
      ['POST', `${base}/rounds/someround/reveal`, undefined],
    ]
    for (const [method, path, body] of actions) {
      expect((await call(server, method, path, { token: board.tokens.participant, body })).status, path).toBe(403)
      expect((await call(server, method, path, { token: board.tokens.viewer, body })).status, path).toBe(403)
      expect((await call(server, method, path, { body })).status, path).toBe(401)
      expect((await call(server, method, path, { token: 'x'.repeat(43), body })).status, path).toBe(401)
    }
    // Nothing of it reached the board.
    const doc = (await synced(server, board.id, board.tokens.viewer)).doc
    expect(getFacilitationMap(doc).size).toBe(0)
    expect(getVotingRoundsMap(doc).size).toBe(0)
  })

  it('refuses malformed facilitator requests with 400 and changes nothing', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const token = board.tokens.facilitator
    const base = `/api/boards/${board.id}`
    for (const body of [
      { action: 'start' },
      { action: 'start', durationMs: -5 },
      { action: 'start', durationMs: 24 * 3600 * 1000 },
      { action: 'explode' },
      { action: 'pause', extra: 1 },
      'start',
    ]) {
      expect((await call(server, 'POST', `${base}/timer`, { token, body })).status, JSON.stringify(body)).toBe(400)
    }
    for (const body of [
      { title: '', dotsPerPerson: 3, scope: { kind: 'all' } },
      { title: 'x', dotsPerPerson: 0, scope: { kind: 'all' } },
      { title: 'x', dotsPerPerson: 1000, scope: { kind: 'all' } },
      { title: 'x', dotsPerPerson: 3, scope: { kind: 'zone' } },
      { title: 'x'.repeat(500), dotsPerPerson: 3, scope: { kind: 'all' } },
    ]) {
      expect((await call(server, 'POST', `${base}/rounds`, { token, body })).status, JSON.stringify(body)).toBe(400)
    }
    expect(
      (await call(server, 'POST', `${base}/summon`, { token, body: { pageId: 'p', userId: 'u', name: 'A', bounds: { x: 'a' } } })).status,
    ).toBe(400)
    const doc = (await synced(server, board.id, board.tokens.viewer)).doc
    expect(getFacilitationMap(doc).size).toBe(0)
  })
})

describe('facilitation: the document part only the server writes', () => {
  it('closes the socket (4403) of any client writing the facilitation state, a facilitator’s included, and keeps the board', async () => {
    const server = await startTestServer()
    const created = await call(server, 'POST', '/api/boards', { body: { title: 'Gemeinderat', templates: ['swot'] } })
    const board = created.body as CreatedBoard
    const witness = await synced(server, board.id, board.tokens.viewer)
    const instances = readTemplateInstances(witness.doc)
    const writes: Array<[string, (doc: Y.Doc) => void, number?]> = [
      ['participant', (doc) => getFacilitationMap(doc).set(FacilitationKey.FREEZE, { since: 1, name: 'ich' })],
      ['participant', (doc) => getVotingRoundsMap(doc).set('fake', { id: 'fake', results: [] })],
      ['participant', (doc) => getMeta(doc).set(MetaKey.TITLE, 'Gekapert')],
      ['participant', (doc) => (getMeta(doc).get(MetaKey.TEMPLATES) as Y.Array<unknown>).push([{ instanceId: 'x' }])],
      ['participant', (doc) => (getMeta(doc).get(MetaKey.TEMPLATES) as Y.Array<unknown>).delete(0, 1)],
      // A nested type anywhere is refused as a malformed board document (4400) before its place is looked at.
      ['participant', (doc) => getMeta(doc).set(MetaKey.TEMPLATES, new Y.Array()), CloseCode.BAD_MESSAGE],
      ['facilitator', (doc) => getFacilitationMap(doc).set(FacilitationKey.TIMER, { status: 'paused', durationMs: 1, remainingMs: 1 })],
      ['facilitator', (doc) => getFacilitationMap(doc).set(FacilitationKey.FOLLOW, { userId: 'x', name: 'x', since: 1 })],
    ]
    for (const [role, write, code = CloseCode.FORBIDDEN] of writes) {
      const hostile = await synced(server, board.id, board.tokens[role as 'participant' | 'facilitator'])
      const closed = closeCodeOf(hostile)
      write(hostile.doc)
      expect(await closed).toBe(code)
      hostile.destroy()
    }
    // A facilitator's legitimate timer through the API, so that the witness has something to wait for.
    await call(server, 'POST', `/api/boards/${board.id}/timer`, {
      token: board.tokens.facilitator,
      body: { action: 'start', durationMs: 60_000 },
    })
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).timer !== null)
    const fresh = (await synced(server, board.id, board.tokens.viewer)).doc
    for (const doc of [witness.doc, fresh]) {
      expect(readBoardTitle(doc)).toBe('Gemeinderat')
      expect(readFacilitation(doc).freeze).toBeNull()
      expect(readFacilitation(doc).timer?.status).toBe('running')
      expect(getVotingRoundsMap(doc).size).toBe(0)
      expect(readTemplateInstances(doc)).toEqual(instances)
    }
  })

  it('still lets a participant write, change and delete notes', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const participant = await synced(server, board.id, board.tokens.participant)
    const witness = await synced(server, board.id, board.tokens.viewer)
    let closes = 0
    participant.on('connection-close', () => closes++)
    getRecordsMap(participant.doc).set('shape:n1', note('n1', 'Bürgerbus'))
    getRecordsMap(participant.doc).set('shape:n1', note('n1', 'Bürgerbus am Samstag'))
    getRecordsMap(participant.doc).delete('shape:n1')
    getRecordsMap(participant.doc).set('shape:n2', note('n2', 'Dorfladen'))
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has('shape:n2') && !readBoardRecords(doc).has('shape:n1'))
    expect(closes).toBe(0)
  })

  it('stamps presence with the role of the socket’s link, whatever the client claims', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const liar = await synced(server, board.id, board.tokens.participant)
    const watcher = await synced(server, board.id, board.tokens.viewer)
    liar.awareness.setLocalStateField(USER_FIELD, { id: 'u1', name: 'Bernd', color: '#123456', role: 'facilitator' })
    const seenRole = () => {
      const state = watcher.awareness.getStates().get(liar.awareness.clientID) as { user?: { role?: string } } | undefined
      return state?.user?.role
    }
    await new Promise<void>((resolve) => {
      const check = () => {
        if (seenRole() !== undefined) {
          watcher.awareness.off('change', check)
          resolve()
        }
      }
      watcher.awareness.on('change', check)
      check()
    })
    expect(seenRole()).toBe('participant')
  })
})

describe('facilitation: template structure', () => {
  async function structureRecord(doc: Y.Doc): Promise<{ id: string; value: Json }> {
    for (const [id, value] of readBoardRecords(doc)) {
      if (isStructureShape(value as { meta?: unknown }) && (value as Json).type === 'frame') return { id, value }
    }
    throw new Error('no template frame on the board')
  }

  it('refuses a participant moving, unlocking, deleting or forging template structure (4403), and keeps it', async () => {
    const server = await startTestServer()
    const board = await boardWithTemplate(server)
    const witness = await synced(server, board.id, board.tokens.viewer)
    const { id, value } = await structureRecord(witness.doc)
    const attempts: Array<(doc: Y.Doc) => void> = [
      (doc) => getRecordsMap(doc).set(id, { ...value, x: value.x + 500 }),
      (doc) => getRecordsMap(doc).set(id, { ...value, isLocked: false }),
      (doc) => getRecordsMap(doc).delete(id),
      (doc) => getRecordsMap(doc).set('shape:forged', { ...value, id: 'shape:forged', x: 9999 }),
      (doc) => {
        // Deleting the entry directly in the array, as a client bypassing the key-value layer would.
        const array = doc.getArray<{ key: string }>('records')
        const index = array.toArray().findIndex((entry) => entry.key === id)
        array.delete(index, 1)
      },
    ]
    for (const attempt of attempts) {
      const hostile = await synced(server, board.id, board.tokens.participant)
      const closed = closeCodeOf(hostile)
      attempt(hostile.doc)
      expect(await closed).toBe(CloseCode.FORBIDDEN)
      hostile.destroy()
    }
    const fresh = (await synced(server, board.id, board.tokens.viewer)).doc
    for (const doc of [fresh, witness.doc]) {
      expect(readBoardRecords(doc).get(id)).toEqual(value)
      expect(readBoardRecords(doc).has('shape:forged')).toBe(false)
    }
  })

  it('lets a facilitator unlock and move it, and participants’ clients clean up the superseded entry', async () => {
    const server = await startTestServer()
    const board = await boardWithTemplate(server)
    const participant = await synced(server, board.id, board.tokens.participant)
    // A writable key-value view, as the web app has: it deletes superseded entries it sees.
    const participantRecords = getRecordsMap(participant.doc)
    let participantCloses = 0
    participant.on('connection-close', () => participantCloses++)
    const facilitator = await synced(server, board.id, board.tokens.facilitator)
    const { id, value } = await structureRecord(facilitator.doc)
    // The facilitator writes the raw layout (append the new entry without deleting the old), so
    // that the participant's client is the one to delete the superseded entry.
    facilitator.doc.getArray('records').push([{ key: id, val: { ...value, isLocked: false, x: value.x + 100 } }])
    await waitForDoc(participant.doc, () => (participantRecords.get(id) as Json)?.x === value.x + 100)
    const fresh = (await synced(server, board.id, board.tokens.viewer)).doc
    await waitForDoc(fresh, (doc) => doc.getArray<{ key: string }>('records').toArray().filter((e) => e.key === id).length === 1)
    expect((readBoardRecords(fresh).get(id) as Json).x).toBe(value.x + 100)
    expect(participantCloses).toBe(0)
  })
})

describe('facilitation: timer, summon, follow-me', () => {
  it('runs a timer on the server clock that every client, a late one too, sees the same', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const early = await synced(server, board.id, board.tokens.participant)
    const timer = (body: unknown) => call(server, 'POST', `/api/boards/${board.id}/timer`, { token: board.tokens.facilitator, body })

    const before = (await call(server, 'GET', '/api/time')).body.now as number
    const started = await timer({ action: 'start', durationMs: 5 * 60_000 })
    expect(started.status).toBe(200)
    expect(started.body.timer.status).toBe('running')
    expect(started.body.timer.endsAt).toBeGreaterThanOrEqual(before + 5 * 60_000)
    await waitForDoc(early.doc, (doc) => readFacilitation(doc).timer?.status === 'running')
    expect(readFacilitation(early.doc).timer).toEqual(started.body.timer)

    const paused = await timer({ action: 'pause' })
    expect(paused.body.timer.status).toBe('paused')
    expect(paused.body.timer.remainingMs).toBeLessThanOrEqual(5 * 60_000)
    expect(paused.body.timer.remainingMs).toBeGreaterThan(4 * 60_000)
    expect((await timer({ action: 'pause' })).status).toBe(409)
    const added = await timer({ action: 'add', ms: 60_000 })
    expect(added.body.timer.remainingMs).toBe(paused.body.timer.remainingMs + 60_000)
    expect(added.body.timer.durationMs).toBe(6 * 60_000)
    const resumed = await timer({ action: 'resume' })
    expect(resumed.body.timer.status).toBe('running')

    const late = await synced(server, board.id, board.tokens.viewer)
    expect(readFacilitation(late.doc).timer).toEqual(resumed.body.timer)

    expect((await timer({ action: 'stop' })).body.timer).toBeNull()
    await waitForDoc(late.doc, (doc) => readFacilitation(doc).timer === null)
    expect((await timer({ action: 'resume' })).status).toBe(409)
  })

  it('keeps the timer and the freeze over a restart of the server', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    await call(server, 'POST', `/api/boards/${board.id}/timer`, {
      token: board.tokens.facilitator,
      body: { action: 'start', durationMs: 10 * 60_000 },
    })
    await call(server, 'PUT', `/api/boards/${board.id}/freeze`, { token: board.tokens.facilitator, body: { name: 'Anna' } })
    await server.close()
    const again = await startTestServer({ DORFPLATZ_DATA_DIR: server.config.dataDir })
    const doc = (await synced(again, board.id, board.tokens.participant)).doc
    expect(readFacilitation(doc).timer?.status).toBe('running')
    expect(readFacilitation(doc).freeze?.name).toBe('Anna')
  })

  it('publishes a summon and follow-me to everyone', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const participant = await synced(server, board.id, board.tokens.participant)
    const token = board.tokens.facilitator
    const bounds = { x: 100, y: 200, w: 1280, h: 720 }
    const first = await call(server, 'POST', `/api/boards/${board.id}/summon`, {
      token,
      body: { pageId: 'page:page', userId: 'anna', name: 'Anna', bounds },
    })
    expect(first.status).toBe(200)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).summon?.id === first.body.summon.id)
    expect(readFacilitation(participant.doc).summon).toMatchObject({ pageId: 'page:page', name: 'Anna', bounds })
    // Every summon is a new one, even to the same place.
    const second = await call(server, 'POST', `/api/boards/${board.id}/summon`, {
      token,
      body: { pageId: 'page:page', userId: 'anna', name: 'Anna', bounds },
    })
    expect(second.body.summon.id).not.toBe(first.body.summon.id)

    expect((await call(server, 'PUT', `/api/boards/${board.id}/follow`, { token, body: { userId: 'anna', name: 'Anna' } })).status).toBe(200)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).follow?.userId === 'anna')
    expect((await call(server, 'DELETE', `/api/boards/${board.id}/follow`, { token })).status).toBe(204)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).follow === null)
  })
})

describe('facilitation: freezing the board', () => {
  it('holds participants’ edits back while frozen, lets facilitators edit, and takes the held edits after the release', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const participant = await synced(server, board.id, board.tokens.participant)
    const facilitator = await synced(server, board.id, board.tokens.facilitator)
    const witness = await synced(server, board.id, board.tokens.viewer)
    let participantCloses = 0
    participant.on('connection-close', () => participantCloses++)
    const token = board.tokens.facilitator

    expect((await call(server, 'PUT', `/api/boards/${board.id}/freeze`, { token, body: { name: 'Anna' } })).status).toBe(200)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).freeze !== null)

    getRecordsMap(participant.doc).set('shape:late', note('late', 'Während der Pause geschrieben'))
    getRecordsMap(facilitator.doc).set('shape:f', note('f', 'Von der Moderation'))
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has('shape:f'))
    // The facilitator's later note arrived, the participant's earlier one did not.
    expect(readBoardRecords(witness.doc).has('shape:late')).toBe(false)
    const duringFreeze = (await synced(server, board.id, board.tokens.viewer)).doc
    expect(readBoardRecords(duringFreeze).has('shape:late')).toBe(false)

    expect((await call(server, 'DELETE', `/api/boards/${board.id}/freeze`, { token })).status).toBe(204)
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has('shape:late'))
    expect(participantCloses).toBe(0)
  })
})

describe('facilitation: dot voting', () => {
  async function votingBoard(server: TestServer) {
    const board = await boardWithTemplate(server)
    const participant = await synced(server, board.id, board.tokens.participant)
    const instance = readTemplateInstances(participant.doc)[0]!
    const zones = getTemplate('priority-matrix').zones
    const [inside, elsewhere] = [zones[0]!, zones[1]!]
    const at = (zone: typeof inside) => {
      const centre = zoneCentre(zone.area)
      return { x: instance.x + centre.x - 100, y: instance.y + centre.y - 100 }
    }
    const records = getRecordsMap(participant.doc)
    const a = at(inside)
    const b = at(elsewhere)
    records.set('shape:a', note('a', 'Glasfaser für alle Ortsteile', a.x, a.y))
    records.set('shape:b', note('b', 'Dorf-App', a.x + 10, a.y + 10))
    records.set('shape:c', note('c', 'Mitfahrbank', b.x, b.y))
    const facilitator = await synced(server, board.id, board.tokens.facilitator)
    await waitForDoc(facilitator.doc, (doc) => readBoardRecords(doc).has('shape:c'))
    return { board, participant, instance, zone: inside }
  }

  it('holds each voter to the budget, keeps who voted for what private, and reveals ranked totals', async () => {
    const server = await startTestServer()
    const { board, participant, instance, zone } = await votingBoard(server)
    const token = board.tokens.facilitator
    const opened = await call(server, 'POST', `/api/boards/${board.id}/rounds`, {
      token,
      body: { title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'zone', instanceId: instance.instanceId, zoneId: zone.id } },
    })
    expect(opened.status).toBe(201)
    const roundId = opened.body.round.id as string
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).activeRound?.id === roundId)
    expect(
      (await call(server, 'POST', `/api/boards/${board.id}/rounds`, { token, body: { title: 'Noch eine', dotsPerPerson: 1, scope: { kind: 'all' } } })).status,
    ).toBe(409)

    const ballot = `/api/boards/${board.id}/rounds/${roundId}/ballot`
    const mayor = newVoterKey()
    const other = newVoterKey()
    const vote = (voter: string, shapeId: string, delta: 1 | -1 = 1, who = board.tokens.participant) =>
      call(server, 'POST', ballot, { token: who, voter, body: { shapeId, delta } })

    expect((await vote(mayor, 'shape:a')).status).toBe(200)
    expect((await vote(mayor, 'shape:a')).status).toBe(200)
    const third = await vote(mayor, 'shape:b')
    expect(third.body).toEqual({ roundId, dots: { 'shape:a': 2, 'shape:b': 1 }, remaining: 0 })
    // The fourth dot is refused, however it is sent.
    expect((await vote(mayor, 'shape:b')).status).toBe(409)
    const burst = await Promise.all(Array.from({ length: 5 }, () => vote(mayor, 'shape:a')))
    expect(burst.every((answer) => answer.status === 409)).toBe(true)
    // Outside the round's zone, and a note that does not exist.
    expect((await vote(other, 'shape:c')).status).toBe(422)
    expect((await vote(other, 'shape:nope')).status).toBe(422)
    // Viewers may not vote; voters need a well-formed key.
    expect((await vote(other, 'shape:a', 1, board.tokens.viewer)).status).toBe(403)
    expect((await call(server, 'POST', ballot, { token: board.tokens.participant, voter: 'kurz', body: { shapeId: 'shape:a', delta: 1 } })).status).toBe(400)
    expect((await call(server, 'POST', ballot, { token: board.tokens.participant, body: { shapeId: 'shape:a', delta: 1 } })).status).toBe(400)

    // Take one back, place it elsewhere.
    expect((await vote(mayor, 'shape:b', -1)).body.remaining).toBe(1)
    expect((await vote(mayor, 'shape:c', -1)).status).toBe(409)
    expect((await vote(other, 'shape:a', 1, board.tokens.facilitator)).status).toBe(200)
    expect((await vote(other, 'shape:b', 1, board.tokens.facilitator)).status).toBe(200)

    // Each voter reads only their own ballot, and the board shows only how many took part.
    expect((await call(server, 'GET', ballot, { token: board.tokens.participant, voter: mayor })).body.dots).toEqual({ 'shape:a': 2 })
    expect((await call(server, 'GET', ballot, { token: board.tokens.participant, voter: newVoterKey() })).body).toEqual({
      roundId,
      dots: {},
      remaining: 3,
    })
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).activeRound?.dotsCast === 4)
    const open = readFacilitation(participant.doc).activeRound!
    expect(open.voters).toBe(2)
    expect(open.results).toBeUndefined()
    expect(JSON.stringify(getVotingRoundsMap(participant.doc).toJSON())).not.toContain('shape:a')

    expect((await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, { token: board.tokens.participant })).status).toBe(403)
    const revealed = await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, { token })
    expect(revealed.status).toBe(200)
    expect(revealed.body.round.results).toEqual([
      { shapeId: 'shape:a', votes: 3, text: 'Glasfaser für alle Ortsteile' },
      { shapeId: 'shape:b', votes: 1, text: 'Dorf-App' },
    ])
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).rounds[0]?.status === 'revealed')
    const state = readFacilitation(participant.doc)
    expect(state.activeRound).toBeNull()
    expect(state.rounds[0]).toMatchObject({ title: 'Was zuerst?', voters: 2, dotsCast: 4, results: revealed.body.round.results })

    // Who voted what is gone; the round is closed to further dots and reveals.
    expect(await server.app.storage.tallyRound(board.id, roundId)).toEqual({ totals: new Map(), voters: 0, dots: 0 })
    expect((await vote(mayor, 'shape:a', -1)).status).toBe(409)
    expect((await call(server, 'GET', ballot, { token: board.tokens.participant, voter: mayor })).status).toBe(409)
    expect((await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, { token })).status).toBe(409)

    // The next round starts fresh, and the first stays on the board for the report.
    const next = await call(server, 'POST', `/api/boards/${board.id}/rounds`, {
      token,
      body: { title: 'Zweite Runde', dotsPerPerson: 1, scope: { kind: 'all' } },
    })
    expect(next.status).toBe(201)
    expect((await vote(mayor, 'shape:c', 1)).status).toBe(409)
    const nextBallot = `/api/boards/${board.id}/rounds/${next.body.round.id}/ballot`
    expect((await call(server, 'POST', nextBallot, { token: board.tokens.participant, voter: mayor, body: { shapeId: 'shape:c', delta: 1 } })).status).toBe(200)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).rounds.length === 2)
  })

  it('opens a round over a whole template: its notes in every field count, notes beside it do not', async () => {
    const server = await startTestServer()
    const { board, participant, instance } = await votingBoard(server)
    getRecordsMap(participant.doc).set('shape:beside', note('beside', 'Neben der Matrix', instance.x - 5000, instance.y))
    const token = board.tokens.facilitator
    const opened = await call(server, 'POST', `/api/boards/${board.id}/rounds`, {
      token,
      body: { title: 'Was packen wir an?', dotsPerPerson: 3, scope: { kind: 'template', instanceId: instance.instanceId } },
    })
    expect(opened.status).toBe(201)
    expect(opened.body.round.scope).toEqual({ kind: 'template', instanceId: instance.instanceId })
    const roundId = opened.body.round.id as string
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).activeRound?.scope.kind === 'template')

    const voter = newVoterKey()
    const vote = (shapeId: string) =>
      call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/ballot`, { token: board.tokens.participant, voter, body: { shapeId, delta: 1 } })
    // Notes in two different fields of the matrix.
    expect((await vote('shape:a')).status).toBe(200)
    expect((await vote('shape:c')).status).toBe(200)
    expect((await vote('shape:beside')).status).toBe(422)

    const revealed = await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, { token })
    expect(revealed.body.round.results.map((result: { shapeId: string }) => result.shapeId).sort()).toEqual(['shape:a', 'shape:c'])

    // The note beside the template is on the board: a round over all notes takes its dot.
    const all = await call(server, 'POST', `/api/boards/${board.id}/rounds`, { token, body: { title: 'Alles', dotsPerPerson: 1, scope: { kind: 'all' } } })
    const besideVote = await call(server, 'POST', `/api/boards/${board.id}/rounds/${all.body.round.id}/ballot`, {
      token: board.tokens.participant,
      voter,
      body: { shapeId: 'shape:beside', delta: 1 },
    })
    expect(besideVote.status).toBe(200)
  })

  it('refuses a round on a zone the board does not have', async () => {
    const server = await startTestServer()
    const { board, instance } = await votingBoard(server)
    const open = (scope: unknown) =>
      call(server, 'POST', `/api/boards/${board.id}/rounds`, { token: board.tokens.facilitator, body: { title: 'x', dotsPerPerson: 2, scope } })
    expect((await open({ kind: 'zone', instanceId: 'nope', zoneId: 'x' })).status).toBe(422)
    expect((await open({ kind: 'zone', instanceId: instance.instanceId, zoneId: 'nope' })).status).toBe(422)
    expect((await open({ kind: 'template', instanceId: 'nope' })).status).toBe(422)
    expect((await open({ kind: 'template' })).status).toBe(400)
    expect((await open({ kind: 'template', instanceId: instance.instanceId, zoneId: 'x' })).status).toBe(400)
    expect((await open({ kind: 'all' })).status).toBe(201)
  })
})
