/**
 * Prometheus metrics at `/metrics`: what the sync layer reports through its observer, HTTP
 * requests by route pattern and status, and prom-client's process metrics (memory, event-loop
 * delay). Off unless the operator asks for it: with DORFPLATZ_METRICS_TOKEN the main listener
 * answers callers that bring the token; with DORFPLATZ_METRICS_ADDRESS a separate listener (for
 * a loopback or internal address) serves it, and asks for the token too when one is set.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { ROLES, type Role } from '@dorfplatz/protocol'
import type { Config } from '../config.ts'
import type { SyncObserver } from '../sync/SyncObserver.ts'
import { secretsEqual } from '../tokens.ts'

/** Buckets of the relay and storage histograms, in seconds: a relay should take a few milliseconds. */
const LATENCY_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

export const METRICS_PATH = '/metrics'

/**
 * The app's metrics; also the sync layer's observer. What happens per message or per socket is
 * counted in plain numbers and handed to prom-client when Prometheus scrapes (prom-client's own
 * `inc` builds a label object each time); histograms are observed once per flush.
 */
export class DorfplatzMetrics implements SyncObserver {
  readonly registry = new Registry()
  private readonly socketsOpen: Record<Role, number> = { facilitator: 0, participant: 0, viewer: 0 }
  private readonly closesByCode = new Map<number, number>()
  private messagesIn = 0
  private bytesIn = 0
  private messagesOut = 0
  private bytesOut = 0
  private appended = 0
  private readonly relaySeconds: Histogram
  private readonly appendSeconds: { observe(value: number): void }
  private readonly compactSeconds: { observe(value: number): void }
  readonly httpRequests: Counter<'method' | 'route' | 'status'>

  constructor(boardsLoaded: () => number) {
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry })
    const { socketsOpen, closesByCode } = this
    new Gauge({
      name: 'dorfplatz_sockets_open',
      help: 'Sockets admitted to a board, by the role of their link',
      labelNames: ['role'],
      registers,
      collect() {
        for (const role of ROLES) this.set({ role }, socketsOpen[role])
      },
    })
    new Gauge({
      name: 'dorfplatz_boards_loaded',
      help: 'Boards in memory on this instance',
      registers,
      collect() {
        this.set(boardsLoaded())
      },
    })
    new Counter({
      name: 'dorfplatz_socket_refusals_total',
      help: 'Sockets the server closed, by close code (4400 bad message, 4401 token, 4413 too large, 4429 limits, 1001 shutdown, 1006 cut off as too slow or silent, …)',
      labelNames: ['code'],
      registers,
      collect() {
        this.reset()
        for (const [code, count] of closesByCode) this.inc({ code: String(code) }, count)
      },
    })
    const total = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset()
          this.inc(read())
        },
      })
    total('dorfplatz_messages_received_total', 'WebSocket messages received from clients', () => this.messagesIn)
    total('dorfplatz_received_bytes_total', 'Bytes of WebSocket messages received from clients', () => this.bytesIn)
    total('dorfplatz_messages_sent_total', 'WebSocket messages sent to clients', () => this.messagesOut)
    total('dorfplatz_sent_bytes_total', 'Bytes of WebSocket messages sent to clients', () => this.bytesOut)
    total('dorfplatz_updates_appended_total', 'Document updates appended to storage', () => this.appended)
    this.relaySeconds = new Histogram({
      name: 'dorfplatz_relay_seconds',
      help: "Time from an update's arrival to its relay to the board's other sockets (storing included)",
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    })
    const storage = new Histogram({
      name: 'dorfplatz_storage_seconds',
      help: 'Time of storage writes: a turn’s appends of one board (append), merging a log into its state (compact)',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    })
    this.appendSeconds = storage.labels({ operation: 'append' })
    this.compactSeconds = storage.labels({ operation: 'compact' })
    this.httpRequests = new Counter({
      name: 'dorfplatz_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    })
  }

  socketJoined(role: Role): void {
    this.socketsOpen[role]++
  }

  socketLeft(role: Role): void {
    this.socketsOpen[role]--
  }

  socketClosedByServer(code: number): void {
    this.closesByCode.set(code, (this.closesByCode.get(code) ?? 0) + 1)
  }

  messageIn(bytes: number): void {
    this.messagesIn++
    this.bytesIn += bytes
  }

  messageOut(bytes: number): void {
    this.messagesOut++
    this.bytesOut += bytes
  }

  updatesAppended(count: number, seconds: number): void {
    this.appended += count
    this.appendSeconds.observe(seconds)
  }

  compacted(seconds: number): void {
    this.compactSeconds.observe(seconds)
  }

  updatesRelayed(seconds: number): void {
    this.relaySeconds.observe(seconds)
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The metrics, when the operator turned them on (DORFPLATZ_METRICS_TOKEN or DORFPLATZ_METRICS_ADDRESS). */
    metrics: DorfplatzMetrics | undefined
    /** The address of the separate metrics listener once it listens (DORFPLATZ_METRICS_ADDRESS). */
    metricsAddress: () => AddressInfo | undefined
  }
}

/** Whether the operator turned metrics on. */
export function metricsEnabled(config: Config): boolean {
  return config.metricsToken !== undefined || config.metricsAddress !== undefined
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined
}

/** Decorates `app.metrics` (before the rooms are made, which report to it) and serves it as configured. */
export const metricsPlugin = fp<{ config: Config }>(
  async (app: FastifyInstance, { config }) => {
    // The registry asks for the boards when scraped; the rooms are decorated later.
    const metrics = metricsEnabled(config) ? new DorfplatzMetrics(() => app.rooms?.loadedBoards ?? 0) : undefined
    app.decorate('metrics', metrics)
    const separate = metrics && config.metricsAddress ? http.createServer() : undefined
    app.decorate('metricsAddress', () => (separate?.listening ? (separate.address() as AddressInfo) : undefined))
    if (!metrics) return

    app.addHook('onResponse', async (request, reply) => {
      // The route's pattern, never the raw URL: ids and tokens must not become label values.
      const route = request.routeOptions.url ?? 'unmatched'
      metrics.httpRequests.labels({ method: request.method, route, status: String(reply.statusCode) }).inc()
    })

    const allowed = (authorization: string | undefined) => {
      if (config.metricsToken === undefined) return true
      const token = bearer(authorization)
      return token !== undefined && secretsEqual(token, config.metricsToken)
    }

    if (config.metricsToken !== undefined) {
      app.get(
        METRICS_PATH,
        {
          logLevel: 'warn',
          schema: {
            summary: 'Prometheus metrics (with DORFPLATZ_METRICS_TOKEN as Bearer token)',
            headers: { type: 'object', properties: { authorization: { type: 'string' } } },
            response: {
              200: { description: 'Metrics in the Prometheus text format', type: 'string' },
              401: { $ref: 'apiError#' },
            },
          },
        },
        async (request, reply) => {
          if (!allowed(request.headers.authorization)) {
            return reply
              .code(401)
              .header('www-authenticate', 'Bearer')
              .send({ statusCode: 401, error: 'Unauthorized', message: 'The metrics need the metrics token.' })
          }
          return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
        },
      )
    }

    const address = config.metricsAddress
    if (address === undefined || separate === undefined) return
    separate.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const path = (request.url ?? '').split('?')[0]
      if (request.method !== 'GET' || path !== METRICS_PATH) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n')
        return
      }
      if (!allowed(request.headers.authorization)) {
        response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('The metrics need the metrics token.\n')
        return
      }
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: unknown) => {
          app.log.error({ err: error }, 'metrics could not be collected')
          response.writeHead(500, { 'content-type': 'text/plain' }).end('The metrics could not be collected.\n')
        },
      )
    })
    const server = separate
    // It listens once the app is ready (before the main listener, so a taken port stops the start) and closes with it.
    app.addHook('onReady', async () => {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(address.port, address.host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      app.log.info({ address: `${address.host}:${(server.address() as AddressInfo).port}` }, 'metrics listening')
    })
    app.addHook('onClose', async () => {
      if (!server.listening) return
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    })
  },
  { name: 'dorfplatz-metrics' },
)
