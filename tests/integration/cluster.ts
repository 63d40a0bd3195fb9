/**
 * Dorfplatz as a state-wide operator runs it, for tests: two server processes on one PostgreSQL
 * and one Redis, behind nginx with the configuration in deploy/nginx/dorfplatz-cluster.conf (its
 * ports replaced by free ones). Every server is real and started here, in temporary folders.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, startPostgres, startRedis, type PostgresServer, type RedisServer } from '../../apps/server/test/services/testServices.ts'
import { startServerProcess, type ServerProcess } from './serverProcess.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx'

export interface Cluster {
  /** The balancer's address: what browsers and clients use. */
  url: string
  wsUrl: string
  postgres: PostgresServer
  redis: RedisServer
  instances: ServerProcess[]
  /** Kills instance `index` with `signal` (it stays down). */
  kill(index: number, signal: NodeJS.Signals): Promise<void>
  /** Starts instance `index` again on its port. */
  restart(index: number): Promise<void>
  stop(): Promise<void>
}

export interface NginxProcess {
  child: ChildProcess
  dir: string
  stop(): void
}

/**
 * nginx in the foreground in a temporary folder, with `site` (a server configuration as in
 * deploy/nginx/) in its http block; ready once `ready()` says so (an address answers).
 */
export async function startNginx(site: string, ready: () => Promise<boolean>): Promise<NginxProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-nginx-'))
  fs.writeFileSync(path.join(dir, 'dorfplatz.conf'), site)
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nworker_processes 1;\nevents { worker_connections 1024; }\n` +
      `http {\n  access_log off;\n  include ${dir}/dorfplatz.conf;\n}\n`,
  )
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const stop = () => {
    child.kill('SIGTERM')
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`)
    if (await ready()) return { child, dir, stop }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  stop()
  throw new Error(`nginx did not start: ${errors}`)
}

/** nginx with the repository's cluster configuration, on `port`, balancing `upstreamPorts`. */
function startClusterNginx(port: number, upstreamPorts: number[]): Promise<NginxProcess> {
  const site = fs
    .readFileSync(path.join(ROOT, 'deploy/nginx/dorfplatz-cluster.conf'), 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('127.0.0.1:8081', `127.0.0.1:${upstreamPorts[0]}`)
    .replace('127.0.0.1:8082', `127.0.0.1:${upstreamPorts[1]}`)
  // Ready once it answers (with 502 until an instance is up).
  const answers = () =>
    fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    )
  return startNginx(site, answers)
}

export async function startCluster({ entry = 'source' }: { entry?: 'source' | 'built' } = {}): Promise<Cluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await postgres.createDatabase()
  const ports = [await freePort(), await freePort()]
  const dataDirs = ports.map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-cluster-')))
  const env = {
    DORFPLATZ_DATABASE_URL: databaseUrl,
    DORFPLATZ_REDIS_URL: redis.url,
    DORFPLATZ_TRUST_PROXY: 'true',
    // Boards leave memory as soon as nobody has them open, so that tests can tell where a socket went.
    DORFPLATZ_IDLE_UNLOAD_MS: '0',
  }
  const start = (index: number) => startServerProcess({ dataDir: dataDirs[index]!, port: ports[index]!, entry, env })
  const instances = await Promise.all([start(0), start(1)])
  const port = await freePort()
  const nginx = await startClusterNginx(port, ports)
  const cluster: Cluster = {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    postgres,
    redis,
    instances,
    async kill(index, signal) {
      await instances[index]!.kill(signal)
    },
    async restart(index) {
      instances[index] = await start(index)
    },
    async stop() {
      nginx.stop()
      await Promise.all(instances.map((instance) => instance.kill('SIGKILL')))
      await redis.stop()
      await postgres.destroy()
      for (const dir of [...dataDirs, nginx.dir]) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
  return cluster
}
