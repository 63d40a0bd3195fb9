/**
 * The part of a WebSocket the sync layer uses: what `ws` gives the server, and what a test's
 * in-memory socket pair provides (see testing/socketPair.ts), so that rooms can be tested in the
 * process, without Fastify or the network.
 */

/** `readyState` of a socket that can send (the WebSocket standard's OPEN). */
export const SOCKET_OPEN = 1

/** A message as `ws` delivers it: one buffer, several fragments, or an ArrayBuffer. */
export type SocketData = Uint8Array | Uint8Array[] | ArrayBuffer

export interface SocketLike {
  readonly readyState: number
  /** Bytes handed to `send` that have not gone out yet. */
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  terminate(): void
  ping(): void
  /**
   * The connection underneath (`ws` names it so): messages sent between its `cork` and `uncork`
   * go out in one write. A socket without one sends each message on its own.
   */
  readonly _socket?: { cork(): void; uncork(): void }
  on(event: 'message', listener: (data: SocketData, isBinary: boolean) => void): unknown
  on(event: 'close' | 'error' | 'pong', listener: () => void): unknown
}
