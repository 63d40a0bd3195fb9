/**
 * Encoding and defensive decoding of y-websocket messages on the server. Every
 * read that can fail on hostile bytes throws, so the caller can close that one
 * socket with 4400 and leave the room untouched.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { equalityDeep } from 'lib0/function'
import * as Y from 'yjs'
import type * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { checkJsonValue } from '@dorfplatz/board'
import { MAX_AWARENESS_STATE_BYTES, MAX_AWARENESS_STATE_DEPTH, MessageType } from '@dorfplatz/protocol'
import { ProtocolError, badMessage } from './ProtocolError.ts'

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/**
 * The answer to someone with nothing yet (an empty state vector) made from an update that holds
 * the whole document, such as the board's stored state: the same message encodeSyncStep2 would
 * write for that document, without encoding the document again.
 */
export function encodeSyncStep2FromUpdate(wholeDocument: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, wholeDocument)
  return encoding.toUint8Array(encoder)
}

/** Whether a state vector says its sender has nothing of the document (`Y.encodeStateVector` of an empty one). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0
}

/** Whether `message` is a sync step 1 with an empty state vector: a client that has nothing asks for the whole board. */
export function isWholeBoardRequest(message: Uint8Array): boolean {
  return (
    message.length === 4 &&
    message[0] === MessageType.SYNC &&
    message[1] === syncProtocol.messageYjsSyncStep1 &&
    message[2] === 1 &&
    message[3] === 0
  )
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AWARENESS)
  encoding.writeVarUint8Array(encoder, encodeAwarenessStates(awareness, clientIds))
  return encoding.toUint8Array(encoder)
}

/** The presence of `clientIds` as an awareness update, as y-protocols' encodeAwarenessUpdate writes it. */
export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness, clientIds: readonly number[]): Uint8Array {
  return encodeAwarenessEntries(
    clientIds.map((clientId) => ({ clientId, clock: awareness.meta.get(clientId)!.clock, state: awareness.states.get(clientId) ?? null })),
  )
}

/**
 * Applies entries read with readAwarenessUpdate as y-protocols' applyAwarenessUpdate applies the
 * encoded update (the same clocks, states and events), without decoding and parsing it again.
 */
export function applyAwarenessEntries(awareness: awarenessProtocol.Awareness, entries: readonly AwarenessEntry[], origin: unknown): void {
  const now = Date.now()
  const added: number[] = []
  const updated: number[] = []
  const changed: number[] = []
  const removed: number[] = []
  for (const entry of entries) {
    const { clientId, state } = entry
    let clock = entry.clock
    const meta = awareness.meta.get(clientId)
    const previous: unknown = awareness.states.get(clientId)
    const known = meta === undefined ? 0 : meta.clock
    if (!(known < clock || (known === clock && state === null && awareness.states.has(clientId)))) continue
    if (state === null) {
      // Nobody removes the local state: it is announced again instead.
      if (clientId === awareness.clientID && awareness.getLocalState() !== null) clock++
      else awareness.states.delete(clientId)
    } else awareness.states.set(clientId, state as { [key: string]: unknown })
    awareness.meta.set(clientId, { clock, lastUpdated: now })
    if (meta === undefined && state !== null) added.push(clientId)
    else if (meta !== undefined && state === null) removed.push(clientId)
    else if (state !== null) {
      if (!equalityDeep(state, previous)) changed.push(clientId)
      updated.push(clientId)
    }
  }
  if (added.length > 0 || changed.length > 0 || removed.length > 0) awareness.emit('change', [{ added, updated: changed, removed }, origin])
  if (added.length > 0 || updated.length > 0 || removed.length > 0) awareness.emit('update', [{ added, updated, removed }, origin])
}

export function assertValidStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector)
  } catch {
    throw badMessage('malformed state vector')
  }
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** null when the client removes its state. */
  state: unknown
  /**
   * The state as JSON, when the server has written it already. Never the client's own text: a
   * state with a key twice reads as its last one here, but possibly as its first elsewhere.
   */
  json?: string
}

/**
 * Reads an awareness update completely, checking sizes, JSON and nesting, before anything of it
 * is applied: every state is encoded again for every other client, and encoding recurses once
 * per level of nesting.
 */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      if (json.length > MAX_AWARENESS_STATE_BYTES) throw badMessage('awareness state too large')
      const state: unknown = JSON.parse(json)
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw badMessage('an awareness state is an object')
      const problem = checkJsonValue(state, { maxDepth: MAX_AWARENESS_STATE_DEPTH, maxChars: 4 * MAX_AWARENESS_STATE_BYTES })
      if (problem !== null) throw badMessage(`awareness state ${problem}`)
      entries.push({ clientId, clock, state })
    }
    return entries
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw badMessage('malformed awareness update')
  }
}

/** Encodes entries as an awareness update (the inverse of readAwarenessUpdate), each state as its `json` when it has one. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state, json } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json ?? JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}
