/**
 * The servers the comparison benchmark runs side by side, each in a process of its own: Dorfplatz
 * (the built server on SQLite, as `npm start` runs it), the bare batching relay (the limit), the
 * reference y-websocket server (stores nothing) and Hocuspocus on SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { startServerProcess } from '../../integration/serverProcess.ts'
import type { WireFlavour } from './loadWorker.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))

export type ContenderKind = 'dorfplatz' | 'relay' | 'durable-relay' | 'y-websocket' | 'hocuspocus'

export const CONTENDER_TITLES: Record<ContenderKind, string> = {
  dorfplatz: 'Dorfplatz',
  relay: 'bare relay (limit)',
  'durable-relay': 'bare relay, fsync first',
  'y-websocket': 'y-websocket server',
  hocuspocus: 'Hocuspocus + SQLite',
}

export interface ContenderBoard {
  url: string
  documentName: string
}

export interface Contender {
  kind: ContenderKind
  flavour: WireFlavour
  pid: number
  /** Boards to load: Dorfplatz creates them through its API; the others take any name. */
  createBoards(count: number): Promise<ContenderBoard[]>
  stop(): Promise<void>
}

export interface ContenderOptions {
  /** Dorfplatz: how long a board nobody has open stays in memory. */
  idleUnloadMs?: number
  /** Dorfplatz: start on this data folder (kept) instead of a new one. */
  dataDir?: string
}

function startNodeScript(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(HERE, script)], {
    cwd: HERE,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (\d+)/.exec(output)
      if (match) resolve({ child, port: Number(match[1]) })
    })
    child.once('exit', (code) => reject(new Error(`${script} ended with ${code} before listening`)))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Runs `task` on each index with at most `limit` at once. */
export async function inParallel<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const index = next++
        results[index] = await task(index)
      }
    }),
  )
  return results
}

async function startDorfplatz(options: ContenderOptions): Promise<Contender> {
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-bench-'))
  const server = await startServerProcess({
    dataDir,
    entry: 'built',
    env: {
      LOG_LEVEL: 'error',
      // The load comes from one address; the limits for one address would measure themselves.
      DORFPLATZ_RATE_LIMIT_PER_MINUTE: '0',
      DORFPLATZ_BOARDS_PER_HOUR: '0',
      ...(options.idleUnloadMs === undefined ? {} : { DORFPLATZ_IDLE_UNLOAD_MS: String(options.idleUnloadMs) }),
    },
  })
  return {
    kind: 'dorfplatz',
    flavour: 'y-websocket',
    pid: server.child.pid!,
    async createBoards(count) {
      return inParallel(count, 4, async (i) => {
        const response = await fetch(`${server.url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Benchmark ${i + 1}` }),
        })
        if (response.status !== 201) throw new Error(`creating a benchmark board failed: ${response.status}`)
        const board = (await response.json()) as CreatedBoard
        return { url: `${server.wsUrl}/sync/${board.id}?token=${board.tokens.participant}`, documentName: board.id }
      })
    },
    async stop() {
      await server.kill('SIGTERM')
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function startContender(kind: ContenderKind, options: ContenderOptions = {}): Promise<Contender> {
  if (kind === 'dorfplatz') return startDorfplatz(options)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-bench-other-'))
  const script = { relay: 'bareRelay.mjs', 'durable-relay': 'bareRelay.mjs', 'y-websocket': 'yWebsocketServer.mjs', hocuspocus: 'hocuspocusServer.mjs' }[kind]
  const { child, port } = await startNodeScript(script, {
    DATA_FILE: path.join(dataDir, 'hocuspocus.sqlite'),
    ...(kind === 'durable-relay' ? { LOG_FILE: path.join(dataDir, 'relay.log') } : {}),
  })
  return {
    kind,
    flavour: kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
    pid: child.pid!,
    async createBoards(count) {
      return Array.from({ length: count }, (_, i) => ({
        url: kind === 'hocuspocus' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/board-${i}`,
        documentName: `board-${i}`,
      }))
    },
    async stop() {
      await stopChild(child)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime, in clock ticks of 1/100 s (USER_HZ).
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export function rssMiB(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'))
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024
}
