/**
 * "Präsentieren" against the real server: only a facilitator starts, steps and ends it, through
 * the HTTP API; nobody writes it over the socket; steps skip deleted frames and stop at the ends.
 */
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { FacilitationKey, FIRST_PAGE_ID, getFacilitationMap, getRecordsMap, readBoardRecords, readFacilitation } from '@dorfplatz/board'
import { CloseCode, type CreatedBoard } from '@dorfplatz/protocol'
import type { TLRecord } from '@tldraw/tlschema'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(server: TestServer, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json }
}

async function synced(server: TestServer, boardId: string, token: string): Promise<WebsocketProvider> {
  const provider = connectProvider(server, boardId, token)
  await waitForSync(provider)
  return provider
}

function closeCodeOf(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
}

/** A board with two templates; its template frames, top-level, in board order. */
async function boardWithTwoTemplates(server: TestServer): Promise<{ board: CreatedBoard; frames: string[]; witness: WebsocketProvider }> {
  const created = await call(server, 'POST', '/api/boards', { body: { title: 'Klausurtagung', templates: ['swot', 'priority-matrix'] } })
  expect(created.status).toBe(201)
  const board = created.body as CreatedBoard
  const witness = await synced(server, board.id, board.tokens.viewer)
  const frames = [...(readBoardRecords(witness.doc).values() as Iterable<Json>)]
    .filter((record) => record.typeName === 'shape' && record.type === 'frame' && record.parentId === FIRST_PAGE_ID)
    .map((record) => record.id as string)
  expect(frames).toHaveLength(2)
  return { board, frames, witness }
}

describe('presenting', () => {
  it('lets the facilitator start, step and end a presentation that everyone sees, ending follow-me', async () => {
    const server = await startTestServer()
    const { board, frames, witness } = await boardWithTwoTemplates(server)
    const token = board.tokens.facilitator
    const base = `/api/boards/${board.id}/presenting`

    // Follow-me runs first; presenting takes over.
    expect((await call(server, 'PUT', `/api/boards/${board.id}/follow`, { token, body: { userId: 'anna', name: 'Anna' } })).status).toBe(200)
    const started = await call(server, 'PUT', base, { token, body: { pageId: FIRST_PAGE_ID, slides: frames, name: 'Anna' } })
    expect(started.status).toBe(200)
    expect(started.body.presenting).toMatchObject({ slides: frames, index: 0, pageId: FIRST_PAGE_ID, by: 'Anna' })
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).presenting?.index === 0)
    expect(readFacilitation(witness.doc).follow).toBeNull()

    expect((await call(server, 'POST', `${base}/step`, { token, body: { direction: 'previous' } })).status).toBe(409)
    const forward = await call(server, 'POST', `${base}/step`, { token, body: { direction: 'next' } })
    expect(forward.status).toBe(200)
    expect(forward.body.presenting.index).toBe(1)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).presenting?.index === 1)
    expect((await call(server, 'POST', `${base}/step`, { token, body: { direction: 'next' } })).status).toBe(409)
    expect((await call(server, 'POST', `${base}/step`, { token, body: { direction: 'previous' } })).body.presenting.index).toBe(0)

    // A late joiner lands on the current slide.
    const late = await synced(server, board.id, board.tokens.participant)
    expect(readFacilitation(late.doc).presenting).toMatchObject({ index: 0, slides: frames })

    // Follow-me ends the presentation in turn.
    expect((await call(server, 'PUT', `/api/boards/${board.id}/follow`, { token, body: { userId: 'anna', name: 'Anna' } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).presenting === null && readFacilitation(doc).follow !== null)

    expect((await call(server, 'PUT', base, { token, body: { pageId: FIRST_PAGE_ID, slides: frames, name: 'Anna' } })).status).toBe(200)
    expect((await call(server, 'DELETE', base, { token })).status).toBe(204)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).presenting === null)
    expect((await call(server, 'POST', `${base}/step`, { token, body: { direction: 'next' } })).status).toBe(409)
    late.destroy()
    witness.destroy()
  })

  it('skips slides whose frame was deleted meanwhile', async () => {
    const server = await startTestServer()
    const { board, frames, witness } = await boardWithTwoTemplates(server)
    const token = board.tokens.facilitator
    const facilitator = await synced(server, board.id, token)
    // A hand-drawn frame between the two templates' frames, deleted once the presentation runs.
    const template = readBoardRecords(facilitator.doc).get(frames[0] as string) as TLRecord & { x: number }
    const drawn = { ...template, id: 'shape:drawnframe', meta: {}, x: template.x - 5000, isLocked: false } as TLRecord
    getRecordsMap(facilitator.doc).set(drawn.id, drawn)
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has(drawn.id))

    const slides = [frames[0] as string, drawn.id, frames[1] as string]
    const base = `/api/boards/${board.id}/presenting`
    expect((await call(server, 'PUT', base, { token, body: { pageId: FIRST_PAGE_ID, slides, name: 'Anna' } })).status).toBe(200)
    getRecordsMap(facilitator.doc).delete(drawn.id)
    await waitForDoc(witness.doc, (doc) => !readBoardRecords(doc).has(drawn.id))
    expect((await call(server, 'POST', `${base}/step`, { token, body: { direction: 'next' } })).body.presenting.index).toBe(2)
    expect((await call(server, 'POST', `${base}/step`, { token, body: { direction: 'previous' } })).body.presenting.index).toBe(0)

    // A slide that is no frame on the page cannot start a presentation.
    for (const bad of [[drawn.id], ['shape:nothing'], [frames[0] as string, frames[0] as string]]) {
      expect((await call(server, 'PUT', base, { token, body: { pageId: FIRST_PAGE_ID, slides: bad, name: 'Anna' } })).status).toBe(422)
    }
    expect((await call(server, 'PUT', base, { token, body: { pageId: 'page:nowhere', slides: frames, name: 'Anna' } })).status).toBe(422)
    facilitator.destroy()
    witness.destroy()
  })

  it('refuses participants, viewers and malformed bodies, and changes nothing', async () => {
    const server = await startTestServer()
    const { board, frames, witness } = await boardWithTwoTemplates(server)
    const base = `/api/boards/${board.id}/presenting`
    const start = { pageId: FIRST_PAGE_ID, slides: frames, name: 'Anna' }
    const actions: Array<[string, string, unknown]> = [
      ['PUT', base, start],
      ['POST', `${base}/step`, { direction: 'next' }],
      ['DELETE', base, undefined],
    ]
    for (const [method, path, body] of actions) {
      for (const role of ['participant', 'viewer'] as const) {
        const answer = await call(server, method, path, { token: board.tokens[role], body })
        expect(answer.status, `${role} ${method} ${path}`).toBe(403)
      }
      expect((await call(server, method, path, { body })).status).toBe(401)
    }
    const token = board.tokens.facilitator
    for (const body of [
      {},
      { pageId: FIRST_PAGE_ID, slides: [], name: 'Anna' },
      { pageId: FIRST_PAGE_ID, slides: 'shape:a', name: 'Anna' },
      { pageId: FIRST_PAGE_ID, slides: [42], name: 'Anna' },
      { pageId: FIRST_PAGE_ID, slides: frames, name: 'x'.repeat(500) },
      { ...start, index: 3 },
    ]) {
      expect((await call(server, 'PUT', base, { token, body })).status, JSON.stringify(body)).toBe(400)
    }
    expect((await call(server, 'PUT', base, { token, body: start })).status).toBe(200)
    for (const body of [{}, { direction: 'sideways' }, { direction: 1 }, { direction: 'next', by: 2 }, 'next']) {
      expect((await call(server, 'POST', `${base}/step`, { token, body })).status, JSON.stringify(body)).toBe(400)
    }
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).presenting !== null)
    expect(readFacilitation(witness.doc).presenting?.index).toBe(0)
    witness.destroy()
  })

  it('closes the socket (4403) of a client writing the presenting state directly, a facilitator’s included', async () => {
    const server = await startTestServer()
    const { board, frames, witness } = await boardWithTwoTemplates(server)
    for (const role of ['participant', 'facilitator'] as const) {
      const hostile = await synced(server, board.id, board.tokens[role])
      const closed = closeCodeOf(hostile)
      getFacilitationMap(hostile.doc).set(FacilitationKey.PRESENTING, {
        slides: frames,
        index: 1,
        pageId: FIRST_PAGE_ID,
        startedAt: 1,
        by: 'Eindringling',
      })
      expect(await closed).toBe(CloseCode.FORBIDDEN)
      hostile.destroy()
    }
    // Something legitimate after it, so that the witness has seen whatever would have come before.
    const token = board.tokens.facilitator
    expect((await call(server, 'PUT', `/api/boards/${board.id}/freeze`, { token, body: { name: 'Anna' } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).freeze !== null)
    expect(readFacilitation(witness.doc).presenting).toBeNull()
    const fresh = await synced(server, board.id, board.tokens.viewer)
    expect(readFacilitation(fresh.doc).presenting).toBeNull()
    fresh.destroy()
    witness.destroy()
  })
})
