/**
 * A seeded fuzz run against the real server in its own process: hostile messages (see
 * hostileMessages.ts) over participant, facilitator and viewer links of one board, while honest
 * clients (tldraw stores bound to the board, as browsers are) keep editing that board and another
 * one. Afterwards it reports what an operator needs to know: whether the server stayed up, whether
 * the honest clients converged, and whether everything they saw relayed survived a `kill -9`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as prng from 'lib0/prng'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import { bindStoreToDoc, createBoardSchema, readBoardRecords } from '@dorfplatz/board'
import { createTestStore } from '@dorfplatz/board/testing/store'
import { applyRandomEdit } from '@dorfplatz/board/testing/randomBoardOps'
import { isStructureShape } from '@dorfplatz/templates'
import { MessageType, type CreatedBoard, type Role } from '@dorfplatz/protocol'
import type { TLStore } from '@tldraw/tlschema'
import { startServerProcess, type ServerProcess } from '../integration/serverProcess.ts'
import { BoardView, hostileMessage } from './hostileMessages.ts'

export interface FuzzOptions {
  seed: number
  /** Hostile messages to send in all. */
  messages: number
  /** Sockets sending at once. */
  concurrency?: number
  /** Called now and then with the messages sent so far. */
  onProgress?: (sent: number) => void
}

export interface FuzzReport {
  seed: number
  messagesSent: number
  socketsOpened: number
  seconds: number
  /** How the server closed the attackers' sockets, by close code. */
  closeCodes: Record<string, number>
  /** Messages sent, by kind. */
  kinds: Record<string, number>
  /** Closes of honest clients' sockets by the server, by code (none expected). */
  honestCloses: Record<string, number>
  /** CPU time the server spent during the attack, and its memory at the end of it. */
  serverCpuSeconds: number
  serverRssMiB: number
  serverAlive: boolean
  healthStatus: number
  isolatedBoards: number
  /** Whether every honest client (and the watchers) ended with the same records per board. */
  converged: boolean
  /** Records the watchers saw relayed that were missing after a `kill -9` and restart (none expected). */
  lostAfterKill: number
  recordsOnAttackedBoard: number
}

const SCHEMA = createBoardSchema()

/** User plus system CPU seconds of process `pid`, and its resident memory in MiB (Linux). */
function processUsage(pid: number): { cpuSeconds: number; rssMiB: number } {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  const rss = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1]
  return { cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, rssMiB: Math.round(Number(rss ?? 0) / 1024) }
}

// tldraw delivers store changes on animation frames; Node has none (under Vitest tldraw delivers at once).
const frameGlobals = globalThis as { requestAnimationFrame?: (callback: () => void) => unknown; cancelAnimationFrame?: (handle: unknown) => void }
frameGlobals.requestAnimationFrame ??= (callback) => setTimeout(callback, 16)
frameGlobals.cancelAnimationFrame ??= (handle) => clearTimeout(handle as NodeJS.Timeout)

/** A client as a browser is: a Yjs provider, a tldraw store bound to the document once synced. */
class HonestClient {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  store: TLStore | null = null
  readonly closes: Record<string, number>
  private serial = 0

  /** Closes are counted until the run is over (its own disconnects are not the server's doing). */
  counting = true

  constructor(
    server: ServerProcess,
    boardId: string,
    token: string,
    closes: Record<string, number>,
    private readonly role: Role,
  ) {
    this.closes = closes
    this.provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, this.doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    this.provider.on('connection-close', (event) => {
      if (!this.counting) return
      const code = String(event?.code ?? 'none')
      this.closes[code] = (this.closes[code] ?? 0) + 1
    })
  }

  async ready(readonly: boolean): Promise<void> {
    if (!this.provider.synced) await new Promise<void>((resolve) => this.provider.once('sync', () => resolve()))
    this.store = createTestStore(SCHEMA)
    bindStoreToDoc(this.store, this.doc, { readonly })
  }

  edit(random: prng.PRNG, peer: number): void {
    // As in the browser, a participant's editor keeps template structure out of reach.
    const mayEdit = this.role === 'facilitator' ? () => true : (shape: { meta?: unknown }) => !isStructureShape(shape)
    if (this.store) applyRandomEdit(random, this.store, peer, this.serial++, mayEdit)
  }

  records(): string {
    const records = readBoardRecords(this.doc)
    return JSON.stringify([...records.keys()].sort().map((key) => [key, records.get(key)]))
  }

  destroy(): void {
    this.counting = false
    this.provider.destroy()
    this.doc.destroy()
  }
}

/** A sync request for what changed since `stateVector`: a small answer, unlike one for the whole board. */
function syncRequest(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/**
 * Opens a socket, sends `messages`, then a sync request, and resolves once the server either
 * closed the socket or answered the request (messages of one socket are handled in order, so the
 * answer means every message before it was handled). Resolves with the close code, or null.
 */
function attack(url: string, messages: Array<Uint8Array | string>, probe: Uint8Array): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url)
    let settled = false
    const settle = (code: number | null) => {
      if (settled) return
      settled = true
      socket.terminate()
      resolve(code)
    }
    socket.on('open', () => {
      for (const message of messages) socket.send(message)
      socket.send(probe)
    })
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) === MessageType.SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) settle(null)
    })
    socket.on('close', (code) => settle(code))
    socket.on('error', () => settle(-1))
  })
}

/** Resolves once `check` holds, tested whenever one of `docs` changes; rejects after `timeoutMs`. */
function waitUntil(docs: Y.Doc[], check: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const test = () => {
      if (!check()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error('the honest clients did not converge'))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      for (const doc of docs) doc.off('update', test)
    }
    for (const doc of docs) doc.on('update', test)
    test()
  })
}

async function createBoard(server: ServerProcess, title: string, templates: string[] = []): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, templates }),
  })
  if (response.status !== 201) throw new Error(`creating a board failed: ${response.status}`)
  return (await response.json()) as CreatedBoard
}

export async function runFuzz({ seed, messages, concurrency = 16, onProgress }: FuzzOptions): Promise<FuzzReport> {
  const random = prng.create(seed)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-fuzz-'))
  // Rate limits are for strangers; the fuzz run opens many sockets and makes many requests from one address.
  const env = { DORFPLATZ_RATE_LIMIT_PER_MINUTE: '0', DORFPLATZ_BOARDS_PER_HOUR: '0', LOG_LEVEL: 'fatal' }
  let server = await startServerProcess({ dataDir, env })
  const honestCloses: Record<string, number> = {}
  const clients: HonestClient[] = []
  const startedAt = performance.now()
  try {
    const attacked = await createBoard(server, 'Angegriffen', ['swot'])
    const other = await createBoard(server, 'Nebenan')
    const onAttacked = (['facilitator', 'participant'] as const).map((role) => new HonestClient(server, attacked.id, attacked.tokens[role], honestCloses, role))
    const onOther = [new HonestClient(server, other.id, other.tokens.participant, honestCloses, 'participant')]
    const watchers = [
      new HonestClient(server, attacked.id, attacked.tokens.viewer, honestCloses, 'viewer'),
      new HonestClient(server, other.id, other.tokens.viewer, honestCloses, 'viewer'),
    ]
    clients.push(...onAttacked, ...onOther, ...watchers)
    await Promise.all([...onAttacked, ...onOther].map((client) => client.ready(false)))
    await Promise.all(watchers.map((client) => client.ready(true)))

    // Honest work goes on throughout: a facilitator and a participant on the attacked board, a participant next door.
    const editors = [...onAttacked, ...onOther]
    const editing = setInterval(() => {
      editors.forEach((client, peer) => client.edit(random, peer))
    }, 40)

    const closeCodes: Record<string, number> = {}
    const kinds: Record<string, number> = {}
    let sent = 0
    let sockets = 0
    // The attacker's view of the board, refreshed now and then; crafting against a stale view is fine (and hostile too).
    let view = new BoardView(watchers[0]!.doc)
    const worker = async () => {
      while (sent < messages) {
        if (sockets % 100 === 0) view = new BoardView(watchers[0]!.doc)
        const batch = Array.from({ length: Math.min(prng.uint32(random, 1, 4), messages - sent) }, () => hostileMessage(random, view))
        sent += batch.length
        sockets++
        // One socket speaks for one link; the batch's first message decides which.
        const role: Role = batch[0]!.role
        for (const message of batch) kinds[message.kind] = (kinds[message.kind] ?? 0) + 1
        const code = await attack(
          `${server.wsUrl}/sync/${attacked.id}?token=${attacked.tokens[role]}`,
          batch.map((message) => message.bytes),
          syncRequest(view.stateVector),
        )
        const key = code === null ? 'answered' : String(code)
        closeCodes[key] = (closeCodes[key] ?? 0) + 1
        if (sockets % 200 === 0) onProgress?.(sent)
      }
    }
    const usageBefore = processUsage(server.child.pid!)
    await Promise.all(Array.from({ length: concurrency }, worker))
    clearInterval(editing)
    const usageAfter = processUsage(server.child.pid!)

    const serverAlive = server.child.exitCode === null && server.child.signalCode === null
    const health = await fetch(`${server.url}/healthz`).catch(() => null)
    const healthBody = health?.ok ? ((await health.json()) as { boardsIsolated?: unknown[] }) : null

    // Quiet now: every client of a board must end with the same records as its watcher.
    const pairs: Array<[HonestClient[], HonestClient]> = [
      [onAttacked, watchers[0]!],
      [onOther, watchers[1]!],
    ]
    let converged = true
    try {
      for (const [writers, watcher] of pairs) {
        await waitUntil([...writers, watcher].map((client) => client.doc), () => writers.every((client) => client.records() === watcher.records()), 30_000)
      }
    } catch {
      converged = false
    }
    const seen = pairs.map(([, watcher]) => readBoardRecords(watcher.doc))
    for (const client of clients) client.destroy()
    clients.length = 0

    // Whatever the watchers saw relayed was stored first: it must survive the hardest stop there is.
    const port = server.port
    await server.kill('SIGKILL')
    server = await startServerProcess({ dataDir, port, env })
    let lostAfterKill = 0
    for (const [index, board] of [attacked, other].entries()) {
      const reader = new HonestClient(server, board.id, board.tokens.viewer, {}, 'viewer')
      await reader.ready(true)
      const stored = readBoardRecords(reader.doc)
      for (const [key, value] of seen[index]!) if (JSON.stringify(stored.get(key)) !== JSON.stringify(value)) lostAfterKill++
      reader.destroy()
    }

    return {
      seed,
      messagesSent: sent,
      socketsOpened: sockets,
      seconds: Math.round((performance.now() - startedAt) / 100) / 10,
      closeCodes,
      kinds,
      honestCloses,
      serverCpuSeconds: Math.round((usageAfter.cpuSeconds - usageBefore.cpuSeconds) * 10) / 10,
      serverRssMiB: usageAfter.rssMiB,
      serverAlive,
      healthStatus: health?.status ?? 0,
      isolatedBoards: healthBody?.boardsIsolated?.length ?? -1,
      converged,
      lostAfterKill,
      recordsOnAttackedBoard: seen[0]!.size,
    }
  } finally {
    for (const client of clients) client.destroy()
    await server.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
