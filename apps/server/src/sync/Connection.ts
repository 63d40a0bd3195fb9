/**
 * One client's socket, at its edge: enforces the per-socket limits (message size and
 * rate), buffers messages until its room has loaded, sends what the room
 * queued for it once per flush, and cuts off a socket whose other end has gone
 * silent (keepalive). What the socket may do on a board (its role) and where it stands in
 * the sync protocol are the room's business (see ClientSession).
 */
import {
  CloseCode,
  MAX_BYTES_PER_SECOND,
  MessageType,
  MAX_MESSAGE_BYTES,
  MAX_SYNC_ANSWER_BYTES,
  MAX_MESSAGES_PER_SECOND,
  MESSAGE_BURST,
} from '@dorfplatz/protocol'
import { SOCKET_OPEN, type SocketData, type SocketLike } from './SocketLike.ts'
import { NO_OBSERVER, type SyncObserver } from './SyncObserver.ts'

/** Past this much unsent data a socket is too slow to keep; it is cut off so it cannot grow the server's memory. */
export const MAX_SOCKET_BUFFERED_BYTES = 16 * 1024 * 1024

/** Messages a socket may send before its room has loaded; past this it is closed with 4429. */
export const MAX_BUFFERED_BEFORE_ATTACH_BYTES = 2 * 1024 * 1024

/** Bytes a socket may send at once before the average rate applies: a whole offline day's answer and an ordinary message. */
export const BYTE_BURST = MAX_SYNC_ANSWER_BYTES + MAX_MESSAGE_BYTES

/**
 * How often the server pings each socket, and how long a socket may stay silent before it is
 * cut off. A browser that loses its network (a laptop's Wi-Fi, a closed lid) never closes its
 * socket: without this, its person would stay "anwesend" for the others until TCP gives up,
 * minutes later. Browsers answer the WebSocket layer's pings without any script, also in a
 * background tab; 6 s of silence allows for a slow mobile network's delays.
 *
 * A browser whose network was switched off (its offline mode) still answers those pings, but
 * holds back whatever its page sends. Clients that ask for it (`heartbeat=1`) therefore also get
 * an application-level heartbeat (MessageType.HEARTBEAT) every interval, which their page
 * answers on arrival, timers or not. Once a client has answered one, only what its page sends
 * counts as heard: before that, a page busy with its first sync (a large board on a slow laptop)
 * is not cut off for being busy.
 */
export const KEEPALIVE_INTERVAL_MS = 2000
export const KEEPALIVE_TIMEOUT_MS = 6000

export interface KeepaliveOptions {
  intervalMs: number
  timeoutMs: number
}

/** The WebSocket code of a connection that ended without a close frame (RFC 6455). */
const ABNORMAL_CLOSURE = 1006

/** The one-byte heartbeat the server sends; a client answers with [HEARTBEAT, 0]. */
const HEARTBEAT_MESSAGE = new Uint8Array([MessageType.HEARTBEAT])

function isHeartbeatAnswer(message: Uint8Array): boolean {
  return message.byteLength === 2 && message[0] === MessageType.HEARTBEAT && message[1] === 0
}

type MessageHandler = (connection: Connection, message: Uint8Array) => void

const DEFAULT_KEEPALIVE: KeepaliveOptions = { intervalMs: KEEPALIVE_INTERVAL_MS, timeoutMs: KEEPALIVE_TIMEOUT_MS }

export interface ConnectionOptions {
  /** The clock for rate limits and keepalive (tests pass their own). */
  now?: () => number
  keepalive?: KeepaliveOptions
  /** The client asked for application-level heartbeats (`heartbeat=1`, see KEEPALIVE_INTERVAL_MS). */
  heartbeats?: boolean
  /** Told about an exception inside this socket's own callbacks, after the socket was closed for it. */
  onError?: ConnectionErrorListener
  /** Told about bytes in and out and the codes the server closes with (metrics). */
  observer?: SyncObserver
}

/** Told about an exception inside this socket's own callbacks, after the socket was closed for it. */
export type ConnectionErrorListener = (connection: Connection, error: unknown) => void

let nextConnectionId = 1

/**
 * Whether a message is a sync step 2 (message type 0, sync type 1; both one-byte varints): a
 * client's answer to the server's step 1, which carries everything it changed while offline.
 */
function isSyncAnswer(message: Uint8Array): boolean {
  return message[0] === 0 && message[1] === 1
}

export class Connection {
  readonly id = nextConnectionId++
  private closed = false
  private handler: MessageHandler | undefined
  private buffered: Uint8Array[] = []
  private bufferedBytes = 0
  /** Who waits for a first message before the socket is attached (see firstBuffered). */
  private bufferWaiters: Array<() => void> = []
  private queue: Uint8Array[] = []
  private queuedBytes = 0
  private tokens = MESSAGE_BURST
  private byteTokens = BYTE_BURST
  private lastRefill: number
  private readonly closeListeners: Array<() => void> = []
  /** When the other end was last heard from (a message, or until it answered a heartbeat a pong). */
  private lastHeard: number
  /** Whether the client asked for application-level heartbeats, and whether it has answered one. */
  private readonly heartbeats: boolean
  private heartbeatAnswered = false
  private keepaliveTimer: NodeJS.Timeout | undefined
  private readonly now: () => number
  private readonly keepalive: KeepaliveOptions
  private readonly onError: ConnectionErrorListener
  private readonly observer: SyncObserver

  constructor(
    readonly socket: SocketLike,
    {
      now = () => performance.now(),
      keepalive = DEFAULT_KEEPALIVE,
      heartbeats = false,
      onError = () => {},
      observer = NO_OBSERVER,
    }: ConnectionOptions = {},
  ) {
    this.now = now
    this.heartbeats = heartbeats
    this.keepalive = keepalive
    this.onError = onError
    this.observer = observer
    this.lastRefill = now()
    this.lastHeard = now()
    // Attached before anything is awaited, so no message is lost while the token is checked and the room loads.
    // Whatever goes wrong inside them ends this socket, never the process.
    socket.on('message', (data, isBinary) => this.guarded(() => this.receive(data, isBinary)))
    socket.on('pong', () => {
      if (!this.heartbeatAnswered) this.lastHeard = this.now()
    })
    socket.on('close', () => this.guarded(() => this.handleClosed()))
    socket.on('error', () => this.guarded(() => this.handleClosed()))
    this.keepaliveTimer = setInterval(() => this.guarded(() => this.checkAlive()), keepalive.intervalMs)
    this.keepaliveTimer.unref()
  }

  private guarded(run: () => void): void {
    try {
      run()
    } catch (error) {
      try {
        this.close(CloseCode.BAD_MESSAGE, 'message could not be handled')
      } catch {
        // The socket is gone already.
      }
      this.onError(this, error)
    }
  }

  get isClosed(): boolean {
    return this.closed
  }

  onClose(listener: () => void): void {
    if (this.closed) listener()
    else this.closeListeners.push(listener)
  }

  /** Starts delivering messages (the buffered ones first) to `handler`. */
  attach(handler: MessageHandler): void {
    this.handler = handler
    this.wakeBufferWaiters()
    const buffered = this.buffered
    this.buffered = []
    this.bufferedBytes = 0
    for (const message of buffered) {
      if (this.closed) return
      handler(this, message)
    }
  }

  /** Resolves once a message waits for the socket to be attached, or the socket is attached or closed. */
  firstBuffered(): Promise<void> {
    if (this.buffered.length > 0 || this.handler !== undefined || this.closed) return Promise.resolve()
    return new Promise((resolve) => this.bufferWaiters.push(resolve))
  }

  private wakeBufferWaiters(): void {
    for (const wake of this.bufferWaiters.splice(0)) wake()
  }

  /**
   * Takes the first message that arrived before the socket was attached (see attach), when
   * `matches` says so: it is then answered outside the room and never reaches it.
   */
  takeFirstBuffered(matches: (message: Uint8Array) => boolean): boolean {
    const first = this.buffered[0]
    if (this.handler !== undefined || first === undefined || !matches(first)) return false
    this.buffered.shift()
    this.bufferedBytes -= first.byteLength
    return true
  }

  /** Queues a message for the next flush; a socket whose unsent data passes MAX_SOCKET_BUFFERED_BYTES is cut off. */
  enqueue(message: Uint8Array): void {
    if (this.closed) return
    this.queue.push(message)
    this.queuedBytes += message.byteLength
    if (this.queuedBytes + this.socket.bufferedAmount > MAX_SOCKET_BUFFERED_BYTES) this.terminate()
  }

  takeQueue(): Uint8Array[] {
    const queue = this.queue
    this.queue = []
    this.queuedBytes = 0
    return queue
  }

  send(messages: readonly Uint8Array[]): void {
    if (this.closed || messages.length === 0 || this.socket.readyState !== SOCKET_OPEN) return
    if (this.socket.bufferedAmount > MAX_SOCKET_BUFFERED_BYTES) {
      this.terminate()
      return
    }
    // Everything of one flush in one write, as the frames of one message are.
    const underneath = messages.length > 1 ? this.socket._socket : undefined
    underneath?.cork()
    try {
      for (const message of messages) {
        this.socket.send(message)
        this.observer.messageOut(message.byteLength)
      }
    } finally {
      underneath?.uncork()
    }
  }

  close(code: CloseCode, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.buffered = []
    this.queue = []
    this.observer.socketClosedByServer(code)
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    this.socket.close(code, reason.slice(0, 120))
    this.notifyClosed()
  }

  terminate(): void {
    // Cut off without a close frame (too slow, or silent): counted as 1006, the code the client sees.
    if (!this.closed) this.observer.socketClosedByServer(ABNORMAL_CLOSURE)
    this.queue = []
    this.queuedBytes = 0
    this.socket.terminate()
    this.handleClosed()
  }

  /** Pings the other end, or cuts the socket off when it has been silent too long (see KEEPALIVE_TIMEOUT_MS). */
  private checkAlive(): void {
    if (this.closed) return
    if (this.now() - this.lastHeard > this.keepalive.timeoutMs) {
      this.terminate()
      return
    }
    if (this.socket.readyState !== SOCKET_OPEN) return
    this.socket.ping()
    if (this.heartbeats) this.socket.send(HEARTBEAT_MESSAGE)
  }

  private receive(data: SocketData, isBinary: boolean): void {
    if (this.closed) return
    this.lastHeard = this.now()
    if (!this.takeToken()) {
      this.close(CloseCode.TOO_MANY, 'too many messages')
      return
    }
    const message = toBytes(data)
    this.observer.messageIn(message.byteLength)
    // Heard, and nothing for the room: the heartbeat has done its work.
    if (isHeartbeatAnswer(message)) {
      this.heartbeatAnswered = this.heartbeats
      return
    }
    const limit = isSyncAnswer(message) ? MAX_SYNC_ANSWER_BYTES : MAX_MESSAGE_BYTES
    if (message.byteLength > limit) {
      this.close(CloseCode.MESSAGE_TOO_LARGE, `messages are limited to ${limit} bytes`)
      return
    }
    if (!this.takeBytes(message.byteLength)) {
      this.close(CloseCode.TOO_MANY, 'too much data per second')
      return
    }
    if (!isBinary) {
      this.close(CloseCode.BAD_MESSAGE, 'text messages are not part of the protocol')
      return
    }
    if (this.handler) {
      this.handler(this, message)
      return
    }
    this.bufferedBytes += message.byteLength
    if (this.bufferedBytes > MAX_BUFFERED_BEFORE_ATTACH_BYTES) {
      this.close(CloseCode.TOO_MANY, 'too much data before the board was ready')
      return
    }
    this.buffered.push(message)
    this.wakeBufferWaiters()
  }

  /**
   * Token buckets: MESSAGE_BURST messages and BYTE_BURST bytes at once, refilled at
   * MAX_MESSAGES_PER_SECOND and MAX_BYTES_PER_SECOND.
   */
  private takeToken(): boolean {
    const now = this.now()
    const seconds = (now - this.lastRefill) / 1000
    this.tokens = Math.min(MESSAGE_BURST, this.tokens + seconds * MAX_MESSAGES_PER_SECOND)
    this.byteTokens = Math.min(BYTE_BURST, this.byteTokens + seconds * MAX_BYTES_PER_SECOND)
    this.lastRefill = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Takes `bytes` from the byte bucket (refilled by takeToken, which runs first). */
  private takeBytes(bytes: number): boolean {
    if (bytes > this.byteTokens) return false
    this.byteTokens -= bytes
    return true
  }

  private handleClosed(): void {
    if (this.closed) {
      this.notifyClosed()
      return
    }
    this.closed = true
    this.buffered = []
    this.queue = []
    this.notifyClosed()
  }

  /** Runs every close listener; one that throws is reported and does not keep the others from running. */
  private notifyClosed(): void {
    clearInterval(this.keepaliveTimer)
    this.wakeBufferWaiters()
    const listeners = this.closeListeners.splice(0)
    for (const listener of listeners) {
      try {
        listener()
      } catch (error) {
        this.onError(this, error)
      }
    }
  }
}

function toBytes(data: SocketData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}
