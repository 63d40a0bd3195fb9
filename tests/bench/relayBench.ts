/**
 * Relay benchmark: many clients on one board, each moving its cursor at
 * 10 Hz (awareness) and now and then editing the document. Measures the delay
 * from one client's send to another client's receipt, and the server's CPU
 * time, with the server in its own process as in production.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { getRecordsMap, type KeyValueArray } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { MessageType, type CreatedBoard } from '@dorfplatz/protocol'
import type { TLRecord } from '@tldraw/tlschema'
import { startPostgres } from '../../apps/server/test/services/testServices.ts'
import { startCluster } from '../integration/cluster.ts'
import { startServerProcess } from '../integration/serverProcess.ts'
import { startBenchServer } from './benchServer.ts'

/**
 * Where the board lives: one instance on SQLite (the default), one on PostgreSQL, or two
 * instances on PostgreSQL and Redis with every other client on each (so that most edits and
 * cursors cross instances).
 */
export type RelayTopology = 'sqlite' | 'postgres' | 'two-instances'

export interface RelayBenchOptions {
  topology?: RelayTopology
  clients: number
  cursorHz: number
  seconds: number
  /** Document edits per second across all clients. */
  editsPerSecond: number
}

export interface RelayBenchResult extends RelayBenchOptions {
  cursorSamples: number
  cursorP50Ms: number
  cursorP99Ms: number
  editSamples: number
  editP50Ms: number
  editP99Ms: number
  serverCpuPercent: number
  serverRssMiB: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

function rssMiB(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'))
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024
}

class BenchClient {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly socket: WebSocket
  readonly ready: Promise<void>
  private readonly records: KeyValueArray<TLRecord>

  constructor(url: string, onCursor: (sentAt: number) => void, onEdit: (sentAt: number) => void) {
    this.socket = new WebSocket(url)
    this.socket.binaryType = 'nodebuffer'
    // Edits are sticky notes, as on a real board; each carries when it was written.
    this.records = getRecordsMap(this.doc)
    this.records.on('change', (changes, transaction) => {
      if (transaction.origin !== 'remote') return
      for (const change of changes.values()) {
        if (change.action !== 'add') continue
        const sentAt = (change.newValue.meta as { sentAt?: unknown }).sentAt
        if (typeof sentAt === 'number') onEdit(sentAt)
      }
    })
    this.awareness.on('change', ({ updated }: { updated: number[] }) => {
      for (const id of updated) {
        if (id === this.doc.clientID) continue
        const sentAt = (this.awareness.getStates().get(id) as { t?: number } | undefined)?.t
        if (sentAt !== undefined) onCursor(sentAt)
      }
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote' || this.socket.readyState !== WebSocket.OPEN) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.SYNC)
      syncProtocol.writeUpdate(encoder, update)
      this.socket.send(encoding.toUint8Array(encoder))
    })
    this.socket.once('open', () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.SYNC)
      syncProtocol.writeSyncStep1(encoder, this.doc)
      this.socket.send(encoding.toUint8Array(encoder))
    })
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('error', reject)
      this.socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        const type = decoding.readVarUint(decoder)
        if (type === MessageType.SYNC) {
          const encoder = encoding.createEncoder()
          encoding.writeVarUint(encoder, MessageType.SYNC)
          const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'remote')
          if (encoding.length(encoder) > 1) this.socket.send(encoding.toUint8Array(encoder))
          if (syncType === syncProtocol.messageYjsSyncStep2) resolve()
        } else if (type === MessageType.AWARENESS) {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'remote')
        }
      })
    })
  }

  moveCursor(): void {
    this.awareness.setLocalState({ cursor: { x: Math.random() * 1000, y: Math.random() * 1000 }, t: Date.now() })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]))
    this.socket.send(encoding.toUint8Array(encoder))
  }

  edit(key: string): void {
    const note = testNote(key, `Notiz ${key}`)
    this.records.set(note.id, { ...note, meta: { sentAt: Date.now() } })
  }

  close(): void {
    this.awareness.destroy()
    this.socket.terminate()
  }
}

interface RelayServers {
  /** Where each client connects: the instances' addresses, used in turn. */
  wsUrls: string[]
  pids: number[]
  board: CreatedBoard
  stop(): Promise<void>
}

async function createBoardAt(url: string): Promise<CreatedBoard> {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Benchmark"}' })
  return (await response.json()) as CreatedBoard
}

async function startRelayServers(topology: RelayTopology): Promise<RelayServers> {
  if (topology === 'sqlite') {
    const { server, board, stop } = await startBenchServer('Benchmark')
    return { wsUrls: [server.wsUrl], pids: [server.child.pid!], board, stop }
  }
  if (topology === 'postgres') {
    const postgres = await startPostgres()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-bench-'))
    const server = await startServerProcess({
      dataDir,
      entry: 'built',
      env: { LOG_LEVEL: 'error', DORFPLATZ_DATABASE_URL: await postgres.createDatabase() },
    })
    const board = await createBoardAt(server.url)
    return {
      wsUrls: [server.wsUrl],
      pids: [server.child.pid!],
      board,
      async stop() {
        await server.kill('SIGTERM')
        await postgres.destroy()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  const cluster = await startCluster({ entry: 'built' })
  const board = await createBoardAt(cluster.url)
  return { wsUrls: cluster.instances.map((instance) => instance.wsUrl), pids: cluster.instances.map((instance) => instance.child.pid!), board, stop: () => cluster.stop() }
}

export async function runRelayBench(options: RelayBenchOptions): Promise<RelayBenchResult> {
  const { wsUrls, pids, board, stop } = await startRelayServers(options.topology ?? 'sqlite')
  try {
    const cursorDelays: number[] = []
    const editDelays: number[] = []
    const clients: BenchClient[] = []
    for (let i = 0; i < options.clients; i++) {
      clients.push(
        new BenchClient(
          `${wsUrls[i % wsUrls.length]}/sync/${board.id}?token=${board.tokens.participant}`,
          (sentAt) => cursorDelays.push(Date.now() - sentAt),
          (sentAt) => editDelays.push(Date.now() - sentAt),
        ),
      )
    }
    await Promise.all(clients.map((client) => client.ready))
    cursorDelays.length = 0

    const cpuBefore = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
    const startedAt = Date.now()
    const timers = clients.map((client, i) =>
      setTimeout(() => {
        const interval = setInterval(() => client.moveCursor(), 1000 / options.cursorHz)
        timers.push(interval)
      }, (i * 1000) / options.cursorHz / options.clients),
    )
    let editCount = 0
    const editTimer = setInterval(() => {
      const client = clients[editCount % clients.length]!
      client.edit(`e${editCount++}`)
    }, 1000 / options.editsPerSecond)
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000))
    for (const timer of timers) clearInterval(timer)
    clearInterval(editTimer)
    const elapsed = (Date.now() - startedAt) / 1000
    const cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore
    const rss = pids.reduce((sum, pid) => sum + rssMiB(pid), 0)
    for (const client of clients) client.close()

    cursorDelays.sort((a, b) => a - b)
    editDelays.sort((a, b) => a - b)
    return {
      ...options,
      cursorSamples: cursorDelays.length,
      cursorP50Ms: percentile(cursorDelays, 50),
      cursorP99Ms: percentile(cursorDelays, 99),
      editSamples: editDelays.length,
      editP50Ms: percentile(editDelays, 50),
      editP99Ms: percentile(editDelays, 99),
      serverCpuPercent: Math.round((cpu / elapsed) * 1000) / 10,
      serverRssMiB: Math.round(rss),
    }
  } finally {
    await stop()
  }
}
