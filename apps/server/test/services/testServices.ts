/**
 * Real PostgreSQL and Redis servers for tests, started from the Debian packages' binaries in
 * temporary folders on free loopback ports, and stopped again. Nothing here uses a server the
 * machine may already run: every test run brings its own.
 *
 * PostgreSQL refuses to run as root, and CI runs as root: then the cluster's folder belongs to
 * the `postgres` user the package creates, and its programs run through `runuser`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Where Debian puts PostgreSQL's server programs (not on PATH); POSTGRES_BIN overrides it. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server'

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(POSTGRES_BIN, 'initdb'))
}

export function redisAvailable(): boolean {
  return fs.existsSync(REDIS_SERVER)
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Runs one of PostgreSQL's programs, as the `postgres` user when this process is root. */
function runPostgres(program: string, args: string[]) {
  const file = path.join(POSTGRES_BIN, program)
  return asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args)
}

export interface PostgresServer {
  url: string
  port: number
  /** Stops the server (fast shutdown) and keeps its data. */
  stop(): Promise<void>
  /** Starts it again on the same port and data. */
  start(): Promise<void>
  /** Stops it and deletes its data. */
  destroy(): Promise<void>
  /** A fresh, empty database on this server; resolves to its URL. */
  createDatabase(name?: string): Promise<string>
}

let databases = 0

export async function startPostgres(): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-pg-'))
  const data = path.join(dir, 'data')
  fs.mkdirSync(data, { mode: 0o700 })
  if (asRoot) {
    fs.chmodSync(dir, 0o755)
    await run('chown', ['-R', 'postgres', dir])
  }
  await runPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'dorfplatz', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  // fsync off: the tests kill Dorfplatz, never PostgreSQL; stopping it is a clean shutdown.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  const start = () => runPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']).then(() => undefined)
  const stop = () => runPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).then(() => undefined)
  await start()
  const base = `postgres://dorfplatz@127.0.0.1:${port}`
  let stopped = false
  return {
    url: `${base}/postgres`,
    port,
    async stop() {
      await stop()
      stopped = true
    },
    async start() {
      await start()
      stopped = false
    },
    async destroy() {
      if (!stopped) await stop().catch(() => undefined)
      fs.rmSync(dir, { recursive: true, force: true })
    },
    async createDatabase(name = `dorfplatz_test_${process.pid}_${++databases}`) {
      await runPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'dorfplatz', name])
      return `${base}/${name}`
    },
  }
}

export interface RedisServer {
  url: string
  port: number
  /** Kills the server (its memory is gone: it keeps nothing on disk). */
  stop(): Promise<void>
  /** Starts a new, empty one on the same port. */
  start(): Promise<void>
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child = started
      let output = ''
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      })
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)))
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, stop, start }
}
