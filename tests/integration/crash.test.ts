/**
 * `kill -9` under write load, again and again: whatever any client saw relayed must be stored.
 * A few cycles here; `pnpm fuzz` runs many (DORFPLATZ_CRASH_CYCLES).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { getRecordsArray, getRecordsMap, readBoardRecords, type RecordEntry } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { startServerProcess, type ServerProcess } from './serverProcess.ts'

/** Kill cycles in this run; each waits for CYCLE_NOTES relayed notes, then kills the server mid-write. */
const CYCLES = Number(process.env.DORFPLATZ_CRASH_CYCLES ?? 3)
const CYCLE_NOTES = 150

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

/** The record keys that `event` added to the records array. */
function addedKeys(event: Y.YArrayEvent<RecordEntry>): string[] {
  const keys: string[] = []
  for (const item of event.changes.added) {
    for (const value of item.content.getContent() as Array<{ key?: unknown }>) if (typeof value?.key === 'string') keys.push(value.key)
  }
  return keys
}

it(`keeps every update any client has seen when the server is killed with SIGKILL mid-write, ${CYCLES} times`, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-crash-'))
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  let server = await startServerProcess({ dataDir })
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Absturztest' }),
  })
  const board = (await response.json()) as CreatedBoard
  const seenOverall = new Set<string>()

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const current = server
    cleanups.push(() => current.kill('SIGKILL'))
    const writers = [connect(server, board.id, board.tokens.participant), connect(server, board.id, board.tokens.facilitator)]
    const observer = connect(server, board.id, board.tokens.viewer)
    await Promise.all([...writers, observer].map(synced))

    // The observer only ever receives what the server relayed, and the server relays only what it has stored.
    const seen = new Set<string>()
    let killAt: () => void = () => {}
    const enoughSeen = new Promise<void>((resolve) => (killAt = resolve))
    getRecordsArray(observer.doc).observe((event) => {
      for (const key of addedKeys(event)) if (key.startsWith(`shape:c${cycle}-`)) seen.add(key)
      if (seen.size >= CYCLE_NOTES) killAt()
    })

    // Writers keep writing, one note per tick each, until the server is gone.
    let writing = true
    const writeLoops = writers.map(async (writer, w) => {
      const records = getRecordsMap(writer.doc)
      for (let n = 0; writing; n++) {
        const name = `c${cycle}-w${w}-${n}`
        records.set(`shape:${name}`, testNote(name, `Notiz ${n}`))
        await new Promise((resolve) => setImmediate(resolve))
      }
    })

    await enoughSeen
    // Freeze what the observer has seen the moment the server dies.
    observer.disconnect()
    for (const key of seen) seenOverall.add(key)
    const exit = await server.kill('SIGKILL')
    writing = false
    await Promise.all(writeLoops)
    for (const provider of [...writers, observer]) provider.destroy()
    expect(exit.signal).toBe('SIGKILL')
    expect(seen.size).toBeGreaterThanOrEqual(CYCLE_NOTES)

    server = await startServerProcess({ dataDir, port: server.port })
    const verifier = connect(server, board.id, board.tokens.viewer)
    await synced(verifier)
    const stored = readBoardRecords(verifier.doc)
    const lost = [...seenOverall].filter((key) => !stored.has(key))
    expect(lost).toEqual([])
    verifier.destroy()
  }
  const last = server
  cleanups.push(() => last.kill('SIGKILL'))
}, 60_000 + CYCLES * 20_000)
