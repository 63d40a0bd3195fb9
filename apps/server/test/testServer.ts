/**
 * Starts the real server on port 0 with a temporary data directory, and gives
 * tests the clients they talk to it with: a stock y-websocket provider and a
 * raw socket. Everything started here is cleaned up when the test ends.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onTestFinished } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { getRecordsMap, readBoardRecords, richTextToPlain } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { buildApp, type BuildOptions } from '../src/app.ts'
import { loadConfig, type Config } from '../src/config.ts'

export interface TestServer {
  url: string
  wsUrl: string
  config: Config
  app: Awaited<ReturnType<typeof buildApp>>
  createBoard(title?: string): Promise<CreatedBoard>
  close(): Promise<void>
}

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-test-'))
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

export async function startTestServer(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DORFPLATZ_DATA_DIR: env.DORFPLATZ_DATA_DIR ?? tempDataDir(),
    DORFPLATZ_WEB_DIR: path.join(os.tmpdir(), 'dorfplatz-no-web-app'),
    LOG_LEVEL: 'silent',
    ...env,
  })
  const app = await buildApp(config, options)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (typeof address !== 'object' || !address) throw new Error('server has no address')
  const url = `http://127.0.0.1:${address.port}`
  let closed = false
  const server: TestServer = {
    url,
    wsUrl: `ws://127.0.0.1:${address.port}`,
    config,
    app,
    async createBoard(title = 'Testboard') {
      const response = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      })
      if (response.status !== 201) throw new Error(`createBoard: ${response.status} ${await response.text()}`)
      return (await response.json()) as CreatedBoard
    },
    async close() {
      if (closed) return
      closed = true
      await app.close()
    },
  }
  onTestFinished(() => server.close())
  return server
}

/** A stock y-websocket provider, exactly as any Yjs tool would connect. */
export function connectProvider(
  server: { wsUrl: string },
  boardId: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
  params: Record<string, string> = {},
): WebsocketProvider {
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  onTestFinished(() => {
    provider.destroy()
    doc.destroy()
  })
  return provider
}

export function waitForSync(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** Resolves once `predicate` holds for `doc`, checked after every update it receives. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  if (predicate(doc)) return Promise.resolve()
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate(doc)) return
      doc.off('update', check)
      resolve()
    }
    doc.on('update', check)
  })
}

export interface RawSocket {
  socket: WebSocket
  opened: Promise<void>
  closed: Promise<{ code: number; reason: string }>
  messages: Uint8Array[]
  nextMessage(): Promise<Uint8Array>
}

/** A bare WebSocket for speaking the protocol by hand, as a hostile client would. */
export function openRawSocket(url: string, options: WebSocket.ClientOptions = {}): RawSocket {
  const socket = new WebSocket(url, options)
  const messages: Uint8Array[] = []
  const waiters: Array<(message: Uint8Array) => void> = []
  socket.on('message', (data: Buffer) => {
    const message = new Uint8Array(data)
    const waiter = waiters.shift()
    if (waiter) waiter(message)
    else messages.push(message)
  })
  socket.on('error', () => {})
  const raw: RawSocket = {
    socket,
    opened: new Promise((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    }),
    closed: new Promise((resolve) => {
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    }),
    messages,
    nextMessage() {
      const queued = messages.shift()
      if (queued) return Promise.resolve(queued)
      return new Promise((resolve) => waiters.push(resolve))
    },
  }
  raw.opened.catch(() => {})
  onTestFinished(() => socket.terminate())
  return raw
}

/** Writes (or rewrites) a valid sticky note `shape:<name>` into a writable client's doc, as a browser would. */
export function writeNote(doc: Y.Doc, name: string, text: string, position?: { x: number; y: number }): void {
  getRecordsMap(doc).set(`shape:${name}`, testNote(name, text, position))
}

/** The text of note `shape:<name>` in `doc`, or undefined when there is none; reads without writing. */
export function noteText(doc: Y.Doc, name: string): string | undefined {
  const note = readBoardRecords(doc).get(`shape:${name}`) as { props?: { richText?: unknown } } | undefined
  return note === undefined ? undefined : richTextToPlain(note.props?.richText)
}
