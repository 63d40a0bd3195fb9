/**
 * The app's metrics with prom-client, loaded only when the operator turns metrics on (see
 * metricsPlugin.ts): an instance without them does not carry the library.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { ROLES, type Role } from '@dorfplatz/protocol'
import type { SyncObserver } from '../sync/SyncObserver.ts'

/** Buckets of the relay and storage histograms, in seconds: a relay should take a few milliseconds. */
const LATENCY_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

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

