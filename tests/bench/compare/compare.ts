/**
 * The side-by-side comparison: one scenario against one server, with the load generated in child
 * processes (loadWorker.ts) so that the benchmark's own process does not stand in the way. Boards
 * are handed out whole to a worker, so that a writer and the clients that time its edits share one
 * clock. The server's CPU and peak RSS are read from /proc while the scenario runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Histogram } from './histogram.ts'
import { cpuSeconds, rssMiB, startContender, type Contender, type ContenderKind, type ContenderOptions } from './contenders.ts'
import type { BoardAssignment, ConnectCommand, ParentCommand, WorkerReport } from './loadWorker.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))

export interface Scenario {
  name: string
  boards: number
  clientsPerBoard: number
  writersPerBoard: number
  cursorHz: number
  editsPerSecondPerWriter: number
  seconds: number
  /** The same load for this long before the measured seconds, whose figures are dropped (the servers' code is compiled by then). */
  warmupSeconds?: number
  /** Load generator processes. */
  workers: number
  /** Sockets each worker opens at once. */
  concurrency: number
}

export interface ScenarioResult {
  contender: ContenderKind
  scenario: string
  sockets: number
  failedSockets: number
  /** From the first socket opening to the last one synced. */
  connectMs: number
  editP50Ms: number
  editP99Ms: number
  cursorP50Ms: number
  cursorP99Ms: number
  editsSent: number
  /** Edits that reached every client they should have reached, as a share. */
  editsDelivered: number
  /** Sockets the server closed while measuring. */
  socketsClosed: number
  serverCpuPercent: number
  serverPeakRssMiB: number
  /** The busiest load generator's CPU: near 100 % means it, not the server, set the pace. */
  generatorCpuPercent: number
}

class LoadWorker {
  readonly child: ChildProcess
  private readonly waiting = new Map<WorkerReport['type'], (report: WorkerReport) => void>()

  constructor() {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'loadWorker.ts')], {
      cwd: HERE,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (report: WorkerReport) => {
      const resolve = this.waiting.get(report.type)
      this.waiting.delete(report.type)
      resolve?.(report)
    })
  }

  ask<T extends WorkerReport['type']>(command: ParentCommand, answer: T): Promise<Extract<WorkerReport, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a load generator ended with ${code}`))
      this.child.once('exit', onExit)
      this.waiting.set(answer, (report) => {
        this.child.off('exit', onExit)
        resolve(report as Extract<WorkerReport, { type: T }>)
      })
      this.child.send(command)
    })
  }

  close(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve()
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve())
      this.child.send({ type: 'close' } satisfies ParentCommand)
    })
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Samples a process's RSS until stopped; answers the peak. */
function samplePeakRss(pid: number): () => number {
  let peak = rssMiB(pid)
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid))
    } catch {
      // The process has ended; the peak stands.
    }
  }, 100)
  return () => {
    clearInterval(timer)
    return peak
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

export async function runScenarioOn(contender: Contender, scenario: Scenario): Promise<ScenarioResult> {
  const boards = await contender.createBoards(scenario.boards)
  const workers = Array.from({ length: Math.min(scenario.workers, scenario.boards) }, () => new LoadWorker())
  const stopPeak = samplePeakRss(contender.pid)
  try {
    const shares: BoardAssignment[][] = workers.map(() => [])
    boards.forEach((board, i) =>
      shares[i % workers.length]!.push({
        ...board,
        clients: scenario.clientsPerBoard,
        writers: scenario.writersPerBoard,
      }),
    )
    const connectStarted = performance.now()
    const connected = await Promise.all(
      workers.map((worker, i) =>
        worker.ask(
          {
            type: 'connect',
            flavour: contender.flavour,
            boards: shares[i]!,
            cursorHz: scenario.cursorHz,
            editsPerSecondPerWriter: scenario.editsPerSecondPerWriter,
            concurrency: scenario.concurrency,
          } satisfies ConnectCommand,
          'connected',
        ),
      ),
    )
    const connectMs = Math.max(...connected.map((c) => c.lastSyncedMs))
    void connectStarted

    // A moment for the server to settle after the connection storm, then measure.
    await wait(1000)
    if (scenario.warmupSeconds) {
      for (const worker of workers) worker.child.send({ type: 'go' } satisfies ParentCommand)
      await wait(scenario.warmupSeconds * 1000)
      await Promise.all(workers.map((worker) => worker.ask({ type: 'stop' }, 'result')))
    }
    const cpuBefore = cpuSeconds(contender.pid)
    const startedAt = performance.now()
    for (const worker of workers) worker.child.send({ type: 'go' } satisfies ParentCommand)
    await wait(scenario.seconds * 1000)
    const results = await Promise.all(workers.map((worker) => worker.ask({ type: 'stop' }, 'result')))
    const elapsed = (performance.now() - startedAt) / 1000
    const serverCpuPercent = ((cpuSeconds(contender.pid) - cpuBefore) / elapsed) * 100

    const edit = new Histogram()
    const cursor = new Histogram()
    for (const result of results) {
      edit.addPairs(result.edit)
      cursor.addPairs(result.cursor)
    }
    const editsExpected = results.reduce((sum, r) => sum + r.editsExpected, 0)
    const editsSeen = results.reduce((sum, r) => sum + r.editsSeen, 0)
    return {
      contender: contender.kind,
      scenario: scenario.name,
      sockets: connected.reduce((sum, c) => sum + c.sockets, 0),
      failedSockets: connected.reduce((sum, c) => sum + c.failed, 0),
      connectMs: Math.round(connectMs),
      editP50Ms: round(edit.percentile(50)),
      editP99Ms: round(edit.percentile(99)),
      cursorP50Ms: round(cursor.percentile(50)),
      cursorP99Ms: round(cursor.percentile(99)),
      editsSent: results.reduce((sum, r) => sum + r.editsSent, 0),
      editsDelivered: editsExpected === 0 ? 1 : round(editsSeen / editsExpected, 4),
      socketsClosed: results.reduce((sum, r) => sum + r.closedSockets, 0),
      serverCpuPercent: Math.round(serverCpuPercent),
      serverPeakRssMiB: Math.round(stopPeak()),
      generatorCpuPercent: Math.max(...results.map((r) => r.cpuPercent)),
    }
  } finally {
    stopPeak()
    await Promise.all(workers.map((worker) => worker.close()))
  }
}

/** Starts the contender afresh, runs the scenario, stops it. */
export async function runScenario(
  kind: ContenderKind,
  scenario: Scenario,
  options: ContenderOptions = {},
): Promise<ScenarioResult> {
  const contender = await startContender(kind, options)
  try {
    return await runScenarioOn(contender, scenario)
  } finally {
    await contender.stop()
  }
}

/** The server's RSS at given times after it started listening, with nothing connected. */
export async function idleRss(kind: ContenderKind, afterSeconds: number[]): Promise<number[]> {
  const contender = await startContender(kind)
  try {
    const started = performance.now()
    const figures: number[] = []
    for (const seconds of afterSeconds) {
      await wait(Math.max(0, seconds * 1000 - (performance.now() - started)))
      figures.push(Math.round(rssMiB(contender.pid)))
    }
    return figures
  } finally {
    await contender.stop()
  }
}
