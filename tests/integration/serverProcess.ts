/**
 * Runs the Dorfplatz server as a child process, the way an operator does, so
 * that tests can kill it with any signal and start it again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The server as source (run through tsx, no build needed) or as the built bundle, started as `pnpm start` starts it. */
const ENTRIES = {
  source: ['--import', 'tsx', path.join(ROOT, 'apps/server/src/server.ts')],
  built: ['--max-semi-space-size=2', path.join(ROOT, 'apps/server/dist/server.js')],
} as const

/** What the root package.json's `start` script (and the systemd unit) sets for the built server: see docs/performance.md. */
const BUILT_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072' }

/** The tail of the server's output kept for error messages. */
const MAX_KEPT_OUTPUT_CHARS = 64 * 1024

export interface ServerProcess {
  url: string
  wsUrl: string
  port: number
  child: ChildProcess
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts the server from source on `port` (0 for any) and resolves once it prints its address. */
export function startServerProcess(options: {
  dataDir: string
  port?: number
  entry?: keyof typeof ENTRIES
  env?: Record<string, string>
}): Promise<ServerProcess> {
  // DORFPLATZ_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=…" profiles the servers a test or benchmark starts.
  const flags = process.env.DORFPLATZ_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
  const entry = ENTRIES[options.entry ?? 'source']
  // The extra flags come last before the script, so that they win over the entry's own.
  const child = spawn(process.execPath, [...entry.slice(0, -1), ...flags, entry[entry.length - 1]!], {
    cwd: ROOT,
    env: {
      ...(options.entry === 'built' ? BUILT_ENV : {}),
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DORFPLATZ_DATA_DIR: options.dataDir,
      LOG_LEVEL: process.env.DORFPLATZ_TEST_LOG_LEVEL ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let output = ''
  // DORFPLATZ_TEST_SERVER_LOG=<file> keeps every line the servers print, for looking into a failure.
  const logFile = process.env.DORFPLATZ_TEST_SERVER_LOG
  if (logFile) {
    const log = fs.createWriteStream(logFile, { flags: 'a' })
    child.stdout!.pipe(log)
    child.stderr!.pipe(log)
  }
  return new Promise((resolve, reject) => {
    let ready = false
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT_CHARS)
      const match = ready ? null : /läuft auf http:\/\/[^:]+:(\d+)/.exec(output)
      if (!match) return
      ready = true
      const port = Number(match[1])
      resolve({
        url: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}`,
        port,
        child,
        exited,
        kill(signal) {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          // Tell why when a graceful stop drags on; the server's own deadline ends it.
          const slow = setTimeout(() => console.error(`server still running 5 s after ${signal}; its output:\n${output.slice(-4000)}`), 5000)
          return exited.finally(() => clearTimeout(slow))
        },
      })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT_CHARS)
    })
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${output}`)))
  })
}
