/**
 * Two instances of Dorfplatz on one PostgreSQL and one Redis, both real servers started for
 * this file: stock clients on either instance work on the same board, every server rule holds
 * whichever instance a request reaches, and a Redis or PostgreSQL outage leaves nobody's work
 * behind once it is over.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { getRecordsMap, PRIVATE_ROUND_META, readBoardRecords, readFacilitation, richTextToPlain } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { CloseCode, VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from './services/testServices.ts'
import { connectProvider, noteText, startTestServer, waitForDoc, waitForSync, writeNote, type TestServer } from './testServer.ts'

let postgres: PostgresServer
let redis: RedisServer
beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterAll(async () => {
  await redis?.stop()
  await postgres?.destroy()
})

/** Two instances on a fresh database and the shared Redis, checking the database often. */
async function twoInstances(): Promise<[TestServer, TestServer]> {
  const env = { DORFPLATZ_DATABASE_URL: await postgres.createDatabase(), DORFPLATZ_REDIS_URL: redis.url }
  return Promise.all([startTestServer(env, { reconcileIntervalMs: 200 }), startTestServer(env, { reconcileIntervalMs: 200 })])
}

/** The instance's /healthz status, once its bus is connected (a fresh instance subscribes at once). */
async function whenBusConnected(server: TestServer): Promise<void> {
  await vi.waitFor(async () => expect(((await (await fetch(`${server.url}/healthz`)).json()) as { bus: string }).bus).toBe('connected'), {
    timeout: 10_000,
  })
}

const api = (server: TestServer, token: string, path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) =>
  fetch(`${server.url}${path}`, {
    method: init.method,
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })

describe('two instances', () => {
  it('relay edits and presence between clients on different instances, and converge', async () => {
    const [one, two] = await twoInstances()
    const board = await one.createBoard('Zwei Instanzen')
    const a = connectProvider(one, board.id, board.tokens.facilitator)
    const b = connectProvider(two, board.id, board.tokens.participant)
    await Promise.all([waitForSync(a), waitForSync(b)])
    writeNote(a.doc, 'a', 'Von Instanz eins')
    await waitForDoc(b.doc, (doc) => noteText(doc, 'a') === 'Von Instanz eins')
    writeNote(b.doc, 'b', 'Von Instanz zwei')
    await waitForDoc(a.doc, (doc) => noteText(doc, 'b') === 'Von Instanz zwei')
    for (let n = 0; n < 20; n++) {
      writeNote(a.doc, 'both', `A ${n}`)
      writeNote(b.doc, 'both', `B ${n}`)
    }
    // Checked on either doc's updates: the one that is complete first gets no update after the other catches up.
    const converged = () => noteText(a.doc, 'both') === noteText(b.doc, 'both')
    await Promise.race([waitForDoc(a.doc, converged), waitForDoc(b.doc, converged)])

    a.awareness.setLocalStateField('user', { name: 'Anna' })
    await vi.waitFor(() => expect(b.awareness.getStates().get(a.doc.clientID)?.user).toEqual({ name: 'Anna', role: 'facilitator' }))
  })

  it('hold every facilitation rule whichever instance a request reaches', async () => {
    const [one, two] = await twoInstances()
    const board = await one.createBoard('Regeln')
    const participant = connectProvider(two, board.id, board.tokens.participant)
    await waitForSync(participant)

    const timer = await api(one, board.tokens.facilitator, `/api/boards/${board.id}/timer`, { method: 'POST', body: { action: 'start', durationMs: 60_000 } })
    expect(timer.status).toBe(200)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).timer?.status === 'running')

    // One open round, even when two facilitators open one on each instance at once.
    const rounds = await Promise.all(
      [one, two].map((server) =>
        api(server, board.tokens.facilitator, `/api/boards/${board.id}/rounds`, {
          method: 'POST',
          body: { title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'all' } },
        }),
      ),
    )
    expect(rounds.map((round) => round.status).sort()).toEqual([201, 409])
    const { round } = (await rounds.find((answer) => answer.status === 201)!.json()) as { round: { id: string } }

    // The budget holds against ballots sent to both instances at once.
    writeNote(participant.doc, 'n', 'Glasfaser')
    const created = connectProvider(one, board.id, board.tokens.viewer)
    await waitForDoc(created.doc, (doc) => noteText(doc, 'n') === 'Glasfaser')
    const ballots = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        api(n % 2 ? one : two, board.tokens.participant, `/api/boards/${board.id}/rounds/${round.id}/ballot`, {
          method: 'POST',
          body: { shapeId: 'shape:n', delta: 1 },
          headers: { [VOTER_HEADER]: 'k'.repeat(43) },
        }),
      ),
    )
    expect(ballots.filter((ballot) => ballot.status === 200)).toHaveLength(3)
    const revealed = await api(two, board.tokens.facilitator, `/api/boards/${board.id}/rounds/${round.id}/reveal`, { method: 'POST' })
    expect(((await revealed.json()) as { round: { results: Array<{ votes: number }> } }).round.results).toEqual([
      expect.objectContaining({ shapeId: 'shape:n', votes: 3 }),
    ])

    // The freeze set on one instance holds back a participant on the other.
    expect((await api(one, board.tokens.facilitator, `/api/boards/${board.id}/freeze`, { method: 'PUT', body: { name: 'Anna' } })).status).toBe(200)
    await waitForDoc(participant.doc, (doc) => readFacilitation(doc).freeze !== null)
    writeNote(participant.doc, 'held', 'Während der Pause')
    expect((await api(two, board.tokens.facilitator, `/api/boards/${board.id}/freeze`, { method: 'DELETE' })).status).toBe(204)
    await waitForDoc(created.doc, (doc) => noteText(doc, 'held') === 'Während der Pause')
  })

  it('keep one person’s private space in step across instances, count it on the board, and reveal it from either', async () => {
    const [one, two] = await twoInstances()
    await Promise.all([whenBusConnected(one), whenBusConnected(two)])
    const board = await one.createBoard('Stilles Brainstorming')
    const witness = connectProvider(one, board.id, board.tokens.viewer)
    await waitForSync(witness)
    const opened = await api(two, board.tokens.facilitator, `/api/boards/${board.id}/private-round`, {
      method: 'POST',
      body: { title: 'Ideen', scope: { kind: 'all' }, showAuthors: false, name: 'Moderation' },
    })
    expect(opened.status).toBe(201)
    const roundId = ((await opened.json()) as { privateRound: { id: string } }).privateRound.id
    const key = randomBytes(32).toString('base64url')
    // The same browser key on both instances: two tabs of one person behind a load balancer.
    const [tabOne, tabTwo] = [one, two].map((server) => connectProvider(server, `${board.id}/private/${roundId}`, board.tokens.participant, undefined, { key }))
    await Promise.all([waitForSync(tabOne!), waitForSync(tabTwo!)])
    getRecordsMap(tabOne!.doc).set('shape:p', { ...testNote('p', 'Dorf-App'), meta: { [PRIVATE_ROUND_META]: roundId } })
    await waitForDoc(tabTwo!.doc, (doc) => noteText(doc, 'p') === 'Dorf-App')
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound?.notes === 1)

    const revealed = await api(one, board.tokens.facilitator, `/api/boards/${board.id}/private-round/${roundId}/reveal`, { method: 'POST', body: {} })
    expect(await revealed.json()).toEqual({ notes: 1, people: 1 })
    await waitForDoc(witness.doc, (doc) => [...readBoardRecords(doc).values()].some((record) => richTextToPlain((record as { props?: { richText?: unknown } }).props?.richText) === 'Dorf-App'))
    // A write that reaches the other instance after the reveal is refused there: the round is closed in the database.
    const closed = new Promise<number>((resolve) => tabTwo!.on('connection-close', (event) => resolve(event?.code ?? 0)))
    getRecordsMap(tabTwo!.doc).set('shape:late', { ...testNote('late', 'Zu spät'), meta: { [PRIVATE_ROUND_META]: roundId } })
    expect(await closed).toBe(CloseCode.NO_SUCH_BOARD)
  })

  it('keep serving their own clients while Redis is down, and converge once it is back', async () => {
    const [one, two] = await twoInstances()
    await Promise.all([whenBusConnected(one), whenBusConnected(two)])
    const board: CreatedBoard = await one.createBoard('Ohne Redis')
    const a = connectProvider(one, board.id, board.tokens.participant)
    const b = connectProvider(two, board.id, board.tokens.participant)
    await Promise.all([waitForSync(a), waitForSync(b)])
    await redis.stop()
    writeNote(a.doc, 'a', 'Während Redis fehlt, eins')
    writeNote(b.doc, 'b', 'Während Redis fehlt, zwei')
    // Each instance still stores and relays to its own clients.
    const localToOne = connectProvider(one, board.id, board.tokens.viewer)
    await waitForDoc(localToOne.doc, (doc) => noteText(doc, 'a') === 'Während Redis fehlt, eins')
    await redis.start()
    await waitForDoc(a.doc, (doc) => noteText(doc, 'b') === 'Während Redis fehlt, zwei')
    await waitForDoc(b.doc, (doc) => noteText(doc, 'a') === 'Während Redis fehlt, eins')
    expect(a.wsconnected && b.wsconnected).toBe(true)
  }, 30_000)
})

describe('PostgreSQL down', () => {
  it('relays nothing it could not store, answers 503 on /healthz, and recovers by itself', async () => {
    const url = await postgres.createDatabase()
    const server = await startTestServer({ DORFPLATZ_DATABASE_URL: url })
    const board = await server.createBoard('Ohne Datenbank')
    const writer = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(writer)
    const closes: number[] = []
    writer.on('connection-close', (event) => closes.push(event?.code ?? 0))
    await postgres.stop()
    try {
      writeNote(writer.doc, 'offline', 'Geschrieben, als die Datenbank fehlte')
      await vi.waitFor(() => expect(closes).toContain(CloseCode.GOING_AWAY), { timeout: 10_000 })
      const health = await fetch(`${server.url}/healthz`)
      expect(health.status).toBe(503)
      expect(await health.json()).toEqual({ status: 'unavailable', reason: 'the database cannot be reached' })
    } finally {
      await postgres.start()
    }
    await vi.waitFor(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200), { timeout: 15_000 })
    // The client kept its note and sends it again once the server takes it.
    const reader = connectProvider(server, board.id, board.tokens.viewer)
    await waitForDoc(reader.doc, (doc) => noteText(doc, 'offline') === 'Geschrieben, als die Datenbank fehlte')
  }, 60_000)
})
