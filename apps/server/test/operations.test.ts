/**
 * What an operator watches: Prometheus metrics behind their token or on their own listener, and
 * the JSON log lines of requests and sockets, which must never carry a link's token.
 */
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '@dorfplatz/protocol'
import { connectProvider, noteText, openRawSocket, startTestServer, waitForDoc, waitForSync, writeNote } from './testServer.ts'

const METRICS_TOKEN = 'metrics-token-0123456789abcdef'

/** The value of one sample line of a Prometheus text exposition, e.g. `dorfplatz_sockets_open{role="viewer"}`. */
function sample(text: string, name: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `)) return Number(line.slice(name.length + 1))
  }
  return undefined
}

async function scrape(url: string, token = METRICS_TOKEN): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/plain')
  return response.text()
}

/** Log lines as the server writes them, parsed, with a way to wait for one. */
function captureLog() {
  const lines: Array<Record<string, unknown>> = []
  let raw = ''
  const waiters: Array<{ match: (line: Record<string, unknown>) => boolean; resolve: () => void }> = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString()
      for (const text of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>
        lines.push(line)
        for (const waiter of [...waiters]) {
          if (!waiter.match(line)) continue
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
      done()
    },
  })
  return {
    stream,
    lines,
    get raw() {
      return raw
    },
    waitFor(match: (line: Record<string, unknown>) => boolean): Promise<void> {
      if (lines.some(match)) return Promise.resolve()
      return new Promise((resolve) => waiters.push({ match, resolve }))
    },
  }
}

describe('metrics', () => {
  it('are off unless configured: /metrics is not there', async () => {
    const server = await startTestServer()
    expect(server.app.metrics).toBeUndefined()
    const response = await fetch(`${server.url}/metrics`)
    expect(response.status).toBe(404)
  })

  it('with a token: refuses callers without it, and counts sockets, updates, relays, refusals and routes', async () => {
    const server = await startTestServer({ DORFPLATZ_METRICS_TOKEN: METRICS_TOKEN })
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401)

    const board = await server.createBoard()
    expect((await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.participant}`)).status).toBe(200)
    const writer = connectProvider(server, board.id, board.tokens.participant)
    const reader = connectProvider(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    writeNote(writer.doc, 'metrics', 'Glasfaser für alle')
    await waitForDoc(reader.doc, (doc) => noteText(doc, 'metrics') === 'Glasfaser für alle')
    const refused = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=not-a-token`)
    expect((await refused.closed).code).toBe(CloseCode.UNAUTHORIZED)

    const text = await scrape(server.url)
    expect(sample(text, 'dorfplatz_sockets_open{role="participant"}')).toBe(1)
    expect(sample(text, 'dorfplatz_sockets_open{role="viewer"}')).toBe(1)
    expect(sample(text, 'dorfplatz_sockets_open{role="facilitator"}')).toBe(0)
    expect(sample(text, 'dorfplatz_boards_loaded')).toBe(1)
    expect(sample(text, 'dorfplatz_updates_appended_total')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'dorfplatz_relay_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'dorfplatz_storage_seconds_count{operation="append"}')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'dorfplatz_messages_received_total')).toBeGreaterThan(0)
    expect(sample(text, 'dorfplatz_received_bytes_total')).toBeGreaterThan(0)
    expect(sample(text, 'dorfplatz_messages_sent_total')).toBeGreaterThan(0)
    expect(sample(text, 'dorfplatz_sent_bytes_total')).toBeGreaterThan(0)
    expect(sample(text, 'dorfplatz_socket_refusals_total{code="4401"}')).toBe(1)
    // The route's pattern, never the board id or its token.
    expect(sample(text, 'dorfplatz_http_requests_total{method="GET",route="/api/boards/:id",status="200"}')).toBe(1)
    expect(sample(text, 'dorfplatz_http_requests_total{method="POST",route="/api/boards",status="201"}')).toBe(1)
    expect(text).not.toContain(board.id)
    // prom-client's process metrics.
    expect(text).toContain('process_resident_memory_bytes')
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds')

    // The server's side of every socket; the viewer's is the one that closes next.
    const serverSockets = [...server.app.websocketServer.clients]
    const oneClosed = Promise.race(serverSockets.map((socket) => new Promise((resolve) => socket.once('close', resolve))))
    reader.destroy()
    await oneClosed
    const after = await scrape(server.url)
    expect(sample(after, 'dorfplatz_sockets_open{role="viewer"}')).toBe(0)
  })

  it('on a separate listener: served there, not on the main one', async () => {
    const server = await startTestServer({ DORFPLATZ_METRICS_ADDRESS: '127.0.0.1:0' })
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404)
    const address = server.app.metricsAddress()
    expect(address).toBeDefined()
    const metricsUrl = `http://127.0.0.1:${address!.port}`
    const response = await fetch(`${metricsUrl}/metrics`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('dorfplatz_sockets_open')
    expect((await fetch(`${metricsUrl}/api/boards`)).status).toBe(404)
  })

  it('on a separate listener with a token: the token is needed there too', async () => {
    const server = await startTestServer({ DORFPLATZ_METRICS_ADDRESS: '127.0.0.1:0', DORFPLATZ_METRICS_TOKEN: METRICS_TOKEN })
    const metricsUrl = `http://127.0.0.1:${server.app.metricsAddress()!.port}`
    expect((await fetch(`${metricsUrl}/metrics`)).status).toBe(401)
    expect(await scrape(metricsUrl)).toContain('dorfplatz_boards_loaded')
  })
})

describe('logs', () => {
  it('one line per request and per socket opened and closed, never a token', async () => {
    const log = captureLog()
    const server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream: log.stream })
    const board = await server.createBoard()
    const token = board.tokens.participant

    expect((await fetch(`${server.url}/api/boards/${board.id}?token=${token}`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    const provider = connectProvider(server, board.id, token, new Y.Doc())
    await waitForSync(provider)
    await log.waitFor((line) => line.msg === 'socket opened')
    provider.destroy()
    await log.waitFor((line) => line.msg === 'socket closed' && line.role === 'participant')
    const refused = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}x`)
    await refused.closed
    await log.waitFor((line) => line.msg === 'socket closed' && line.code === CloseCode.UNAUTHORIZED)

    const requests = log.lines.filter((line) => line.msg === 'request')
    const boardRequests = requests.filter((line) => line.route === '/api/boards/:id')
    expect(boardRequests).toHaveLength(2)
    expect(boardRequests[0]).toMatchObject({ method: 'GET', statusCode: 200, url: `/api/boards/${board.id}?token=…` })
    expect(typeof boardRequests[0]!.durationMs).toBe('number')
    expect(log.lines.filter((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toEqual([])
    expect(log.lines.find((line) => line.msg === 'socket opened')).toMatchObject({ boardId: board.id, role: 'participant' })
    const closed = log.lines.find((line) => line.msg === 'socket closed' && line.role === 'participant')
    expect(closed).toMatchObject({ boardId: board.id, code: expect.any(Number), durationMs: expect.any(Number) })

    for (const secret of Object.values(board.tokens)) expect(log.raw).not.toContain(secret)
  })
})

describe('behind a reverse proxy', () => {
  const forwarded = { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'dorfplatz.example.org' }
  const createVia = async (url: string) => {
    const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: forwarded, body: JSON.stringify({ title: 'Proxy' }) })
    expect(response.status).toBe(201)
    return ((await response.json()) as { links: Record<string, string> }).links.participant!
  }

  it('ignores X-Forwarded-* unless told to trust the proxy', async () => {
    const server = await startTestServer()
    expect(await createVia(server.url)).toMatch(new RegExp(`^${server.url}/b/`))
  })

  it('believes them from a trusted proxy address', async () => {
    const server = await startTestServer({ DORFPLATZ_TRUST_PROXY: '127.0.0.1' })
    expect(await createVia(server.url)).toMatch(/^https:\/\/dorfplatz\.example\.org\/b\//)
  })

  it('not from an address it does not trust', async () => {
    const server = await startTestServer({ DORFPLATZ_TRUST_PROXY: '10.0.0.1' })
    expect(await createVia(server.url)).toMatch(new RegExp(`^${server.url}/b/`))
  })
})
