import { describe, expect, it } from 'vitest'
import { startTestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response): Promise<any> => response.json()

describe('HTTP API', () => {
  it('creates a board with three distinct links and tells each token its role', async () => {
    const server = await startTestServer()
    const board = await server.createBoard('Workshop Verbandsgemeinde Musterhausen')
    expect(board.title).toBe('Workshop Verbandsgemeinde Musterhausen')
    expect(new Set(Object.values(board.tokens)).size).toBe(3)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect(board.links[role]).toBe(`${server.url}/b/${board.id}#token=${board.tokens[role]}`)
      const response = await fetch(`${server.url}/api/boards/${board.id}`, {
        headers: { authorization: `Bearer ${board.tokens[role]}` },
      })
      expect(response.status).toBe(200)
      expect(await json(response)).toEqual({ id: board.id, title: board.title, role })
    }
    const viaQuery = await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.viewer}`)
    expect((await json(viaQuery)).role).toBe('viewer')
  })

  it('uses the configured public URL for links', async () => {
    const server = await startTestServer({ DORFPLATZ_PUBLIC_URL: 'https://dorfplatz.example.org/' })
    const board = await server.createBoard()
    expect(board.links.participant).toBe(`https://dorfplatz.example.org/b/${board.id}#token=${board.tokens.participant}`)
  })

  it('refuses missing, unknown and foreign tokens with 401, the same whether the board exists or not', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const other = await server.createBoard('Anderes Board')
    const get = (id: string, token?: string) =>
      fetch(`${server.url}/api/boards/${id}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})

    const missing = await get(board.id)
    expect(missing.status).toBe(401)
    expect((await json(missing)).message).toMatch(/token/)
    expect((await get(board.id, 'x'.repeat(43))).status).toBe(401)
    expect((await get(board.id, 'not a token')).status).toBe(401)
    const foreign = await get(board.id, other.tokens.facilitator)
    expect(foreign.status).toBe(401)
    // Nobody learns from the answer whether a board id exists.
    const foreignBody = await json(foreign)
    for (const probe of [get('AAAAAAAAAAAAAAAA', board.tokens.facilitator), get('AAAAAAAAAAAAAAAA', 'x'.repeat(43))]) {
      const answer = await probe
      expect(answer.status).toBe(401)
      expect(await json(answer)).toEqual(foreignBody)
    }
    expect(await json(await get(board.id, 'x'.repeat(43)))).toEqual(foreignBody)
    expect((await get('bad id!', board.tokens.facilitator)).status).toBe(400)
  })

  it('answers malformed bodies with 400 and a clear message', async () => {
    const server = await startTestServer()
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': contentType }, body })

    const badJson = await post('{"title": ')
    expect(badJson.status).toBe(400)
    expect((await json(badJson)).message).toMatch(/JSON/)

    const noTitle = await post('{}')
    expect(noTitle.status).toBe(400)
    expect((await json(noTitle)).message).toMatch(/title/)

    expect((await post(JSON.stringify({ title: 'x'.repeat(121) }))).status).toBe(400)
    expect((await post(JSON.stringify({ title: '   ' }))).status).toBe(400)
    expect((await post(JSON.stringify({ title: 42 }))).status).toBe(400)
    expect((await post(JSON.stringify({ title: 'ok', extra: true }))).status).toBe(400)
    expect((await post('title=x', 'application/x-www-form-urlencoded')).status).toBe(415)
    const huge = await post(JSON.stringify({ title: 'x'.repeat(100_000) }))
    expect(huge.status).toBe(413)
  })

  it('needs the admin token to create boards when one is configured', async () => {
    const adminToken = 'admin-secret-0123456789'
    const server = await startTestServer({ DORFPLATZ_ADMIN_TOKEN: adminToken, DORFPLATZ_ACCESSIBILITY_CONTACT: 'barrierefreiheit@vg-musterhausen.de' })
    const create = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'Geschützt' }),
      })
    expect((await create({})).status).toBe(401)
    expect((await create({ authorization: 'Bearer wrong-secret-0123456789' })).status).toBe(401)
    expect((await create({ authorization: `Bearer ${adminToken}` })).status).toBe(201)
    const config = await json(await fetch(`${server.url}/api/config`))
    expect(config).toEqual({
      tldrawLicenseKey: '',
      adminTokenRequired: true,
      timeZone: 'Europe/Berlin',
      accessibilityContact: 'barrierefreiheit@vg-musterhausen.de',
    })
  })

  it('reports health', async () => {
    const server = await startTestServer()
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect((await json(response)).status).toBe('ok')
  })
})
