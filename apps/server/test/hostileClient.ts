/**
 * A hand-made sync client for tests that play the attacker: it speaks the y-websocket protocol
 * over a bare socket, keeps a Y.Doc with the server's state, and sends whatever bytes it is
 * told to, crafted updates included. Honest clients in the same tests use stock providers.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { updateFrom } from '@dorfplatz/board/testing'
import { MessageType } from '@dorfplatz/protocol'
import { openRawSocket, type RawSocket } from './testServer.ts'

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A client's answer to the server's sync step 1: everything it has that the server lacks. */
export function syncAnswerMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function syncRequestMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** An awareness message with one entry whose state is the given JSON text, as is. */
export function awarenessJsonMessage(clientId: number, json: string, clock = 1): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, json)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

export interface HostileClient {
  raw: RawSocket
  /** The board as the server sent it; edit it with `craft` to make updates on top of it. */
  doc: Y.Doc
  /** Runs `change` on a copy of the client's doc and returns the update it made, without applying it here. */
  craft(change: (doc: Y.Doc) => void): Uint8Array
  send(message: Uint8Array): void
  closed: Promise<{ code: number; reason: string }>
}

/** Connects, asks for the board and resolves once the server's state is in `doc`. */
export async function connectHostile(url: string): Promise<HostileClient> {
  const raw = openRawSocket(url)
  await raw.opened
  const doc = new Y.Doc()
  raw.socket.send(syncRequestMessage(Y.encodeStateVector(doc)))
  for (;;) {
    const message = await Promise.race([raw.nextMessage(), raw.closed.then(({ code }) => Promise.reject(new Error(`closed ${code}`)))])
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.SYNC) continue
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) continue
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    break
  }
  return {
    raw,
    doc,
    craft: (change) => updateFrom(doc, change),
    send(message) {
      raw.socket.send(message)
    },
    closed: raw.closed,
  }
}
