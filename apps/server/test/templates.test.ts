import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { CloseCode } from '@dorfplatz/protocol'
import { readBoardRecords, readTemplateInstances } from '@dorfplatz/board'
import { TEMPLATE_IDS, getTemplate, type TemplateId } from '@dorfplatz/templates'
import { connectProvider, openRawSocket, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response): Promise<any> => response.json()

function post(server: TestServer, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
}

/** The template frames a document holds, by id. */
function frames(doc: Y.Doc): Map<string, { x: number; y: number; props: { w: number; h: number; name: string } }> {
  const result = new Map()
  for (const [id, value] of readBoardRecords(doc)) {
    if ((value as { type?: string }).type === 'frame') result.set(id, value)
  }
  return result
}

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

describe('templates on boards', () => {
  it('creates a board with every template, in German, side by side without overlap', async () => {
    const server = await startTestServer()
    const response = await post(server, '/api/boards', { title: 'Workshoptag', templates: TEMPLATE_IDS, locale: 'de' })
    expect(response.status).toBe(201)
    const board = await json(response)
    const client = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(client)

    const instances = readTemplateInstances(client.doc)
    expect(instances.map((instance) => instance.templateId)).toEqual([...TEMPLATE_IDS])
    // Each instance carries the zones it was drawn with, so later versions cannot move its notes' zones.
    for (const instance of instances) expect(instance.zones).toEqual(getTemplate(instance.templateId as TemplateId).zones)
    const byId = frames(client.doc)
    const rects = instances.map((instance) => {
      const frame = byId.get(instance.frameId)!
      expect(frame.props.name).toBe(getTemplate(instance.templateId as TemplateId).name.de)
      expect({ x: frame.x, y: frame.y }).toEqual({ x: instance.x, y: instance.y })
      return { x: frame.x, y: frame.y, w: frame.props.w, h: frame.props.h }
    })
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false)
    }
  })

  it('builds templates in English when asked', async () => {
    const server = await startTestServer()
    const board = await json(await post(server, '/api/boards', { title: 'Workshop', templates: ['swot'], locale: 'en' }))
    const client = connectProvider(server, board.id, board.tokens.viewer)
    await waitForSync(client)
    const [frame] = frames(client.doc).values()
    expect(frame?.props.name).toBe(getTemplate('swot').name.en)
  })

  it('refuses unknown templates and too many of them', async () => {
    const server = await startTestServer()
    expect((await post(server, '/api/boards', { title: 'x', templates: ['mindmap'] })).status).toBe(400)
    expect((await post(server, '/api/boards', { title: 'x', templates: Array(11).fill('swot') })).status).toBe(400)
    expect((await post(server, '/api/boards', { title: 'x', locale: 'fr' })).status).toBe(400)
  })

  it('lets the facilitator add a template to a live board, which everyone sees at once', async () => {
    const server = await startTestServer()
    const board = await json(await post(server, '/api/boards', { title: 'Live', templates: ['priority-matrix'] }))
    const participant = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(participant)

    const added = await post(server, `/api/boards/${board.id}/templates`, { templateId: 'swot', locale: 'de' }, board.tokens.facilitator)
    expect(added.status).toBe(201)
    const { instance } = await json(added)
    expect(instance.templateId).toBe('swot')
    await waitForDoc(participant.doc, (doc) => frames(doc).has(instance.frameId))
    const [matrix, swot] = readTemplateInstances(participant.doc).map((i) => frames(participant.doc).get(i.frameId)!)
    expect(
      overlaps(
        { x: matrix!.x, y: matrix!.y, w: matrix!.props.w, h: matrix!.props.h },
        { x: swot!.x, y: swot!.y, w: swot!.props.w, h: swot!.props.h },
      ),
    ).toBe(false)

    // Stored, not only relayed: a board loaded again has it.
    await server.close()
    const again = await startTestServer({ DORFPLATZ_DATA_DIR: server.config.dataDir })
    const fresh = connectProvider(again, board.id, board.tokens.viewer)
    await waitForSync(fresh)
    expect(readTemplateInstances(fresh.doc).map((i) => i.templateId)).toEqual(['priority-matrix', 'swot'])
  })

  it('lets only the facilitator add templates', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const add = (token?: string) => post(server, `/api/boards/${board.id}/templates`, { templateId: 'swot' }, token)
    expect((await add(board.tokens.participant)).status).toBe(403)
    expect((await add(board.tokens.viewer)).status).toBe(403)
    expect((await add()).status).toBe(401)
    expect((await add('x'.repeat(43))).status).toBe(401)
    expect((await post(server, `/api/boards/${board.id}/templates`, { templateId: 'nope' }, board.tokens.facilitator)).status).toBe(400)
    const client = connectProvider(server, board.id, board.tokens.viewer)
    await waitForSync(client)
    expect(readTemplateInstances(client.doc)).toEqual([])
  })
})

describe('board list and links', () => {
  const adminToken = 'admin-secret-0123456789'

  it('lists every board for the admin only, newest first', async () => {
    const server = await startTestServer({ DORFPLATZ_ADMIN_TOKEN: adminToken })
    const first = await json(await post(server, '/api/boards', { title: 'Erstes' }, adminToken))
    const second = await json(await post(server, '/api/boards', { title: 'Zweites' }, adminToken))
    const list = await fetch(`${server.url}/api/boards`, { headers: { authorization: `Bearer ${adminToken}` } })
    expect(list.status).toBe(200)
    const { boards } = await json(list)
    expect(boards.map((b: { id: string }) => b.id)).toEqual([second.id, first.id])
    expect(boards[0].title).toBe('Zweites')
    expect(JSON.stringify(boards)).not.toContain(first.tokens.facilitator)
    expect((await fetch(`${server.url}/api/boards`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/boards`, { headers: { authorization: `Bearer ${first.tokens.facilitator}` } })).status).toBe(401)
  })

  it('has no board list without a configured admin token', async () => {
    const server = await startTestServer()
    const response = await fetch(`${server.url}/api/boards`)
    expect(response.status).toBe(404)
    expect((await json(response)).message).toMatch(/admin token/)
  })

  it('replaces a link: the old one stops working at once and its sockets close with 4401', async () => {
    const server = await startTestServer({ DORFPLATZ_ADMIN_TOKEN: adminToken })
    const board = await json(await post(server, '/api/boards', { title: 'Rotation' }, adminToken))
    const oldSocket = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.facilitator}`)
    await oldSocket.opened
    await oldSocket.nextMessage()

    expect((await post(server, `/api/boards/${board.id}/links/facilitator/rotate`, {}, board.tokens.participant)).status).toBe(403)
    const rotated = await post(server, `/api/boards/${board.id}/links/facilitator/rotate`, {}, adminToken)
    expect(rotated.status).toBe(200)
    const { token, link } = await json(rotated)
    expect(link).toBe(`${server.url}/b/${board.id}#token=${token}`)
    expect((await oldSocket.closed).code).toBe(CloseCode.UNAUTHORIZED)

    const info = (t: string) => fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${t}` } })
    expect((await info(board.tokens.facilitator)).status).toBe(401)
    expect((await json(await info(token))).role).toBe('facilitator')
    expect((await json(await info(board.tokens.participant))).role).toBe('participant')
    const fresh = connectProvider(server, board.id, token)
    await waitForSync(fresh)
  })
})
