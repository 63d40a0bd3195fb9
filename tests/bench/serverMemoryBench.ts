/**
 * What a server holds when nothing happens, and what it gives back: the idle RSS of each compared
 * server shortly after start and once settled, a large board's first sync, and Dorfplatz's RSS
 * before and after 10,000 boards were each opened and closed again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { testNote } from '@dorfplatz/board/testing'
import { startServerProcess, type ServerProcess } from '../integration/serverProcess.ts'
import { writeBenchRecords } from './benchServer.ts'
import { inParallel, rssMiB, startContender, type ContenderKind } from './compare/contenders.ts'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const EMPTY_STATE_VECTOR_STEP_1 = Uint8Array.from([0, 0, 1, 0])
/** A y-websocket sync step 2 starts with [0 (sync), 1 (step 2)]. */
const isSyncStep2 = (data: Buffer) => data[0] === 0 && data[1] === 1

export interface IdleRssResult {
  kind: ContenderKind
  /** RSS 5 s after the server printed its address, and 60 s after (V8 has given back its start-up heap by then). */
  afterStartMiB: number
  settledMiB: number
}

/** All contenders at once: each is idle, so they do not disturb each other. */
export async function runIdleRss(kinds: ContenderKind[], settleSeconds = 60): Promise<IdleRssResult[]> {
  const contenders = await Promise.all(kinds.map((kind) => startContender(kind)))
  try {
    await wait(5000)
    const afterStart = contenders.map((c) => Math.round(rssMiB(c.pid)))
    await wait((settleSeconds - 5) * 1000)
    return contenders.map((c, i) => ({ kind: c.kind, afterStartMiB: afterStart[i]!, settledMiB: Math.round(rssMiB(c.pid)) }))
  } finally {
    await Promise.all(contenders.map((c) => c.stop()))
  }
}

/** Opens a socket with an empty state vector; resolves with the time from open to its sync step 2, and its size. */
function firstSync(url: string): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false })
    let openedAt = 0
    socket.on('open', () => {
      openedAt = performance.now()
      socket.send(EMPTY_STATE_VECTOR_STEP_1)
    })
    socket.on('message', (data: Buffer) => {
      if (!isSyncStep2(data)) return
      resolve({ ms: performance.now() - openedAt, bytes: data.byteLength })
      socket.close()
    })
    socket.on('error', reject)
    socket.on('close', (code) => reject(new Error(`closed with ${code} before its first sync`)))
  })
}

async function createBoard(server: ServerProcess, title: string): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`creating a board failed: ${response.status}`)
  return (await response.json()) as CreatedBoard
}

async function boardsLoaded(server: ServerProcess): Promise<number> {
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { boardsLoaded: number }
  return health.boardsLoaded
}

async function untilNoBoardLoaded(server: ServerProcess): Promise<void> {
  while ((await boardsLoaded(server)) > 0) await wait(100)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export interface FirstSyncResult {
  shapes: number
  bytes: number
  /** The board not in memory: read from storage, checked and encoded. */
  coldMs: number
  /** The board already open for someone else: encoded only (median of 20). */
  warmMs: number
}

/** A board with `shapes` notes: the time from a socket's open to its complete first sync, on loopback. */
export async function runFirstSyncBench(shapes: number): Promise<FirstSyncResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-bench-'))
  const server = await startServerProcess({
    dataDir,
    entry: 'built',
    env: { LOG_LEVEL: 'error', DORFPLATZ_IDLE_UNLOAD_MS: '200' },
  })
  try {
    const board = await createBoard(server, 'Große Tafel')
    const records = Array.from({ length: shapes }, (_, i) =>
      testNote(`n${i}`, `Notiz ${i}`, { x: (i % 70) * 220, y: Math.floor(i / 70) * 220 }),
    )
    await writeBenchRecords({ server, board, stop: async () => {} }, records)
    const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}`
    // Once to warm the server's code paths, then cold from storage.
    await untilNoBoardLoaded(server)
    await firstSync(url)
    const cold: number[] = []
    let bytes = 0
    for (let i = 0; i < 5; i++) {
      await untilNoBoardLoaded(server)
      const sync = await firstSync(url)
      cold.push(sync.ms)
      bytes = sync.bytes
    }
    // Someone keeps the board open; newcomers get it from memory.
    const holder = new WebSocket(url, { perMessageDeflate: false })
    await new Promise((resolve) => holder.once('open', resolve))
    holder.send(EMPTY_STATE_VECTOR_STEP_1)
    const warm: number[] = []
    for (let i = 0; i < 20; i++) warm.push((await firstSync(url)).ms)
    holder.close()
    return { shapes, bytes, coldMs: Math.round(median(cold) * 10) / 10, warmMs: Math.round(median(warm) * 10) / 10 }
  } finally {
    await server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export interface BoardChurnResult {
  boards: number
  idleBeforeMiB: number
  peakMiB: number
  idleAfterMiB: number
}

/**
 * Creates `count` boards, restarts the server on them and lets it settle (the idle level), opens
 * and closes each board once with a socket, waits until every board has left memory and the same
 * settling time has passed, and reads RSS again.
 */
export async function runBoardChurnBench(count: number, settleSeconds = 60): Promise<BoardChurnResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-bench-'))
  const env = {
    LOG_LEVEL: 'error',
    DORFPLATZ_RATE_LIMIT_PER_MINUTE: '0',
    DORFPLATZ_BOARDS_PER_HOUR: '0',
    DORFPLATZ_IDLE_UNLOAD_MS: '500',
  }
  let server = await startServerProcess({ dataDir, entry: 'built', env })
  try {
    const boards = await inParallel(count, 8, (i) => createBoard(server, `Tafel ${i + 1}`))
    await server.kill('SIGTERM')
    server = await startServerProcess({ dataDir, entry: 'built', env })
    await wait(settleSeconds * 1000)
    const pid = server.child.pid!
    const idleBeforeMiB = Math.round(rssMiB(pid))
    let peakMiB = idleBeforeMiB
    const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, Math.round(rssMiB(pid)))), 200)
    await inParallel(count, 20, (i) => firstSync(`${server.wsUrl}/sync/${boards[i]!.id}?token=${boards[i]!.tokens.viewer}`))
    await untilNoBoardLoaded(server)
    clearInterval(sampler)
    await wait(settleSeconds * 1000)
    return { boards: count, idleBeforeMiB, peakMiB, idleAfterMiB: Math.round(rssMiB(pid)) }
  } finally {
    await server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
