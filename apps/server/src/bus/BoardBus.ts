/**
 * How instances of Dorfplatz that serve the same boards tell each other what happened on them
 * (DORFPLATZ_REDIS_URL): each stored batch of updates and each change of presence, per board.
 * The bus is an accelerator, not the truth: a message may be lost, and every instance catches up
 * from the database by sequence number (see Room.catchUp). Instances trust each other: the bus
 * belongs to the operator's network, never to clients.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type BusMessage =
  | {
      kind: 'update'
      /** The instance that stored it. */
      from: string
      /** The board's last sequence number before this batch, and the batch's last (see AppendResult). */
      previousSeq: number
      lastSeq: number
      update: Uint8Array
    }
  | { kind: 'presence'; from: string; update: Uint8Array }
  /** The board was deleted: every instance closes its sockets with 4404 and drops it from memory. */
  | { kind: 'deleted'; from: string }

export interface BoardBus {
  /** This instance's id, which its own messages carry. */
  readonly instanceId: string
  /** Sends `message` to the other instances that have the board loaded; never throws, never waits. */
  publish(boardId: string, message: BusMessage): void
  /** Delivers the board's messages from other instances to `listener` until unsubscribe. */
  subscribe(boardId: string, listener: (message: BusMessage) => void): void
  unsubscribe(boardId: string): void
  /** Called whenever the bus came back after it was lost: whatever was sent meanwhile is gone. */
  onReconnect(listener: () => void): void
  /** Whether the bus is connected now (for /healthz). */
  readonly connected: boolean
  close(): Promise<void>
}

const UPDATE = 1
const PRESENCE = 2
const DELETED = 3

export function encodeBusMessage(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, message.kind === 'update' ? UPDATE : message.kind === 'presence' ? PRESENCE : DELETED)
  encoding.writeVarString(encoder, message.from)
  if (message.kind === 'deleted') return encoding.toUint8Array(encoder)
  if (message.kind === 'update') {
    encoding.writeVarUint(encoder, message.previousSeq)
    encoding.writeVarUint(encoder, message.lastSeq)
  }
  encoding.writeVarUint8Array(encoder, message.update)
  return encoding.toUint8Array(encoder)
}

/** The message in `bytes`, or null for bytes that are not one (a bus shared with something else). */
export function decodeBusMessage(bytes: Uint8Array): BusMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes)
    const kind = decoding.readVarUint(decoder)
    const from = decoding.readVarString(decoder)
    if (kind === UPDATE) {
      const previousSeq = decoding.readVarUint(decoder)
      const lastSeq = decoding.readVarUint(decoder)
      return { kind: 'update', from, previousSeq, lastSeq, update: decoding.readVarUint8Array(decoder) }
    }
    if (kind === PRESENCE) return { kind: 'presence', from, update: decoding.readVarUint8Array(decoder) }
    if (kind === DELETED) return { kind: 'deleted', from }
    return null
  } catch {
    return null
  }
}
