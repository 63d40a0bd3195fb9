/**
 * An in-memory socket pair for testing rooms in the process: the server end is a SocketLike a
 * Connection can wrap, the client end sends bytes to it and collects what it answers. Delivery
 * is synchronous and in order, so a test decides exactly when what happens.
 */
import type { SocketData, SocketLike } from '../SocketLike.ts'

type Listener = (...args: never[]) => void

export interface TestClientEnd {
  /** Sends one message to the server end, as a binary frame (or a text frame, for strings). */
  send(message: Uint8Array | string): void
  /** Everything the server sent that no `nextMessage` has taken yet. */
  readonly inbox: Uint8Array[]
  /** Resolves with the next message from the server. */
  nextMessage(): Promise<Uint8Array>
  /** Resolves once the server closed the socket, with its code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>
  /** The client goes away (a closed tab). */
  close(): void
}

export function createSocketPair(): { server: SocketLike; client: TestClientEnd } {
  const listeners = new Map<string, Listener[]>()
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args)
  }
  const inbox: Uint8Array[] = []
  const waiting: Array<(message: Uint8Array) => void> = []
  let resolveClosed!: (value: { code: number; reason: string }) => void
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve))
  let readyState = 1

  const end = (code: number, reason: string) => {
    if (readyState === 3) return
    readyState = 3
    resolveClosed({ code, reason })
    emit('close')
  }

  const server: SocketLike = {
    get readyState() {
      return readyState
    },
    bufferedAmount: 0,
    send(data) {
      if (readyState !== 1) return
      const copy = new Uint8Array(data)
      const waiter = waiting.shift()
      if (waiter) waiter(copy)
      else inbox.push(copy)
    },
    close: (code, reason) => end(code, reason),
    terminate: () => end(1006, ''),
    // The other end is always there to answer.
    ping: () => emit('pong'),
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return server
    },
  }

  const client: TestClientEnd = {
    send(message) {
      if (readyState !== 1) return
      const data: SocketData = typeof message === 'string' ? new TextEncoder().encode(message) : message
      emit('message', data, typeof message !== 'string')
    },
    inbox,
    nextMessage() {
      const queued = inbox.shift()
      if (queued) return Promise.resolve(queued)
      return new Promise((resolve) => waiting.push(resolve))
    },
    closed,
    close: () => end(1000, ''),
  }
  return { server, client }
}
