/**
 * The HTTP side of what a stranger can do: security headers on every answer, rate limits on
 * what anyone can reach, the socket's Origin check, the token checked before a body is read,
 * one answer for "no such board" and "not your board", and no internal text in any answer.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MAX_IMPORT_BYTES } from '@dorfplatz/protocol'
import { startTestServer, tempDataDir, type TestServer } from './testServer.ts'

/** A request whose body is announced but never sent: only an answer given before reading it can arrive. */
function requestWithoutBody(server: TestServer, urlPath: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(urlPath, server.url)
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MAX_IMPORT_BYTES - 1), ...headers } })
    request.on('response', (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      request.destroy()
    })
    request.on('error', reject)
    request.flushHeaders()
  })
}

/** Opens the sync socket with an Origin header; resolves with the HTTP status of a refusal, or 101 once upgraded. */
function upgradeStatus(server: TestServer, boardId: string, token: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${server.wsUrl}/sync/${boardId}?token=${token}`, origin ? { origin } : {})
    socket.on('open', () => {
      resolve(101)
      socket.close()
    })
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    socket.on('error', () => {})
  })
}

/** Any text that only the server's insides would write. */
const INTERNAL_TEXT = /RangeError|TypeError|Maximum call stack|at \w+ \(|node_modules|\.ts:\d+|SQLITE/

describe('security headers', () => {
  it('come with every answer: the app, the API, errors and the health check', async () => {
    const webDir = tempDataDir()
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Dorfplatz</title>')
    const server = await startTestServer({ DORFPLATZ_WEB_DIR: webDir })
    const board = await server.createBoard()
    for (const urlPath of ['/', `/b/${board.id}`, '/api/config', `/api/boards/${board.id}`, '/healthz', '/api/nothing']) {
      const response = await fetch(`${server.url}${urlPath}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, urlPath).toContain("default-src 'self'")
      expect(csp, urlPath).toContain("script-src 'self'")
      expect(csp, urlPath).toContain("frame-ancestors 'none'")
      expect(csp, urlPath).not.toContain('upgrade-insecure-requests')
      expect(response.headers.get('x-content-type-options'), urlPath).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), urlPath).toBe('DENY')
      expect(response.headers.get('referrer-policy'), urlPath).toBe('no-referrer')
    }
  })
})

describe('rate limits', () => {
  it('limit the boards one address creates, with a clear message, and leave other addresses alone', async () => {
    const server = await startTestServer({ DORFPLATZ_BOARDS_PER_HOUR: '3', DORFPLATZ_TRUST_PROXY: 'true' })
    const create = (address: string) =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ title: 'Flut' }),
      })
    for (let n = 0; n < 3; n++) expect((await create('203.0.113.7')).status).toBe(201)
    const refused = await create('203.0.113.7')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { message: string }).message).toMatch(/Too many new boards from this address; please try again in \d+ minutes/)
    expect((await create('198.51.100.4')).status).toBe(201)
    expect((await server.app.storage.listBoards()).length).toBe(4)
  })

  it('limit every API route an anonymous caller reaches, but not the app’s files', async () => {
    const webDir = tempDataDir()
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Dorfplatz</title>')
    const server = await startTestServer({ DORFPLATZ_RATE_LIMIT_PER_MINUTE: '5', DORFPLATZ_WEB_DIR: webDir })
    const board = await server.createBoard()
    const statuses: number[] = []
    for (const urlPath of ['/api/time', '/api/config', '/healthz', `/api/boards/${board.id}`, '/api/time', '/api/time']) {
      statuses.push((await fetch(`${server.url}${urlPath}`)).status)
    }
    // Five per minute (creating the board is limited on its own); refused tokens count too.
    expect(statuses).toEqual([200, 200, 200, 401, 200, 429])
    for (let n = 0; n < 10; n++) expect((await fetch(`${server.url}/`)).status).toBe(200)
  })
})

describe('the sync socket', () => {
  it('refuses pages of other sites before the upgrade, and takes this server’s own, the public address, allowed origins and non-browsers', async () => {
    const server = await startTestServer({
      DORFPLATZ_PUBLIC_URL: 'https://dorfplatz.vg-musterhausen.de',
      DORFPLATZ_ALLOWED_ORIGINS: 'https://intranet.vg-musterhausen.de',
    })
    const board = await server.createBoard()
    const token = board.tokens.participant
    expect(await upgradeStatus(server, board.id, token, 'https://evil.example')).toBe(403)
    expect(await upgradeStatus(server, board.id, token, 'null')).toBe(403)
    expect(await upgradeStatus(server, board.id, token, `http://127.0.0.1:${new URL(server.url).port}`)).toBe(101)
    expect(await upgradeStatus(server, board.id, token, 'https://dorfplatz.vg-musterhausen.de')).toBe(101)
    expect(await upgradeStatus(server, board.id, token, 'https://intranet.vg-musterhausen.de')).toBe(101)
    expect(await upgradeStatus(server, board.id, token)).toBe(101)
  })
})

describe('board routes', () => {
  it('check the token before reading a body', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const answer = await requestWithoutBody(server, `/api/boards/${board.id}/import`, { authorization: `Bearer ${'x'.repeat(43)}` })
    expect(answer.status).toBe(401)
    const participant = await requestWithoutBody(server, `/api/boards/${board.id}/import`, { authorization: `Bearer ${board.tokens.participant}` })
    expect(participant.status).toBe(403)
    const noBoard = await requestWithoutBody(server, `/api/boards/AAAAAAAAAAAAAAAA/import`, { authorization: `Bearer ${board.tokens.facilitator}` })
    expect(noBoard.status).toBe(401)
  })

  it('refuse a file with a record type no board knows (422), and a deeply nested one without internal text', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const importFile = (body: string) =>
      fetch(`${server.url}/api/boards/${board.id}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
        body,
      })
    const file = (await (await fetch(`${server.url}/api/boards/${board.id}/file`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })).json()) as {
      records: unknown[]
    }
    const unknownType = await importFile(JSON.stringify({ ...file, records: [...file.records, { id: 'virus:1', typeName: 'virus' }] }))
    expect(unknownType.status).toBe(422)
    expect(((await unknownType.json()) as { message: string }).message).toMatch(/type a board does not know/)

    const deep = `{"tldrawFileFormatVersion":1,"schema":${JSON.stringify((file as unknown as { schema: unknown }).schema)},"records":[{"id":"page:x","typeName":"page","meta":${'['.repeat(20_000)}${']'.repeat(20_000)}}]}`
    const deepAnswer = await importFile(deep)
    expect(deepAnswer.status).toBeGreaterThanOrEqual(400)
    expect(deepAnswer.status).toBeLessThan(500)
    expect(await deepAnswer.text()).not.toMatch(INTERNAL_TEXT)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('never answer with internal text, whatever the body', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const bodies = ['{"title": ', '[]', 'null', `{"title":${'['.repeat(50_000)}}`, '\u0000\u0001', '{"__proto__":{"x":1},"title":"a"}']
    for (const route of ['/api/boards', `/api/boards/${board.id}/rounds`, `/api/boards/${board.id}/snapshots`, `/api/boards/${board.id}/timer`]) {
      for (const body of bodies) {
        const answer = await fetch(`${server.url}${route}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
          body,
        })
        expect(answer.status, `${route} ${body.slice(0, 20)}`).toBeLessThan(500)
        expect(await answer.text()).not.toMatch(INTERNAL_TEXT)
      }
    }
  })
})
