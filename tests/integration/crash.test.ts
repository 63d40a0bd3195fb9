import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { startServerProcess, type ServerProcess } from './serverProcess.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function connect(server: ServerProcess, boardId: string, token: string): WebsocketProvider {
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  cleanups.push(() => provider.destroy())
  return provider
}

const synced = (provider: WebsocketProvider) =>
  new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))

it('keeps every update any client has seen when the server is killed with SIGKILL mid-write', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-crash-'))
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const first = await startServerProcess({ dataDir })
  cleanups.push(() => first.kill('SIGKILL'))
  const response = await fetch(`${first.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Absturztest' }),
  })
  const board = (await response.json()) as CreatedBoard

  const writers = [connect(first, board.id, board.tokens.participant), connect(first, board.id, board.tokens.facilitator)]
  const observer = connect(first, board.id, board.tokens.viewer)
  await Promise.all([...writers, observer].map(synced))

  // The observer only ever receives what the server relayed, and the server relays only what it has stored.
  const seen = new Set<string>()
  const observed = observer.doc.getArray<string>('log')
  let killAt: () => void = () => {}
  const enoughSeen = new Promise<void>((resolve) => (killAt = resolve))
  observed.observe(() => {
    for (const entry of observed.toArray()) seen.add(entry)
    if (seen.size >= 300) killAt()
  })

  // Writers keep writing, one entry per tick each, until the server is gone.
  let writing = true
  const writeLoops = writers.map(async (writer, w) => {
    const log = writer.doc.getArray<string>('log')
    for (let n = 0; writing; n++) {
      log.push([`w${w}-${n}`])
      await new Promise((resolve) => setImmediate(resolve))
    }
  })

  await enoughSeen
  // Freeze what the observer has seen the moment the server dies.
  observer.disconnect()
  const seenAtKill = new Set(seen)
  const exit = await first.kill('SIGKILL')
  writing = false
  await Promise.all(writeLoops)
  for (const writer of writers) writer.destroy()
  expect(exit.signal).toBe('SIGKILL')

  const second = await startServerProcess({ dataDir, port: first.port })
  cleanups.push(() => second.kill('SIGKILL'))
  const verifier = connect(second, board.id, board.tokens.viewer)
  await synced(verifier)
  const stored = new Set(verifier.doc.getArray<string>('log').toArray())

  const lost = [...seenAtKill].filter((entry) => !stored.has(entry))
  expect(seenAtKill.size).toBeGreaterThanOrEqual(300)
  expect(lost).toEqual([])
  // The writers' entries arrive in order per writer, so the stored log has no gaps before what was seen.
  expect(stored.size).toBeGreaterThanOrEqual(seenAtKill.size)
}, 60_000)
