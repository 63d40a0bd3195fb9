/**
 * The private spaces of "Stilles Brainstorming" in memory (see @dorfplatz/board's
 * privateRound.ts): one small Y.Doc per board, round and person, spoken to over its own socket
 * (`/sync/<boardId>/private/<roundId>?token=…&key=…`) with the same y-websocket protocol as a
 * board. A space is keyed by the hash of the browser's key, so every socket of a space is one
 * person's: what it writes goes to storage and then to that person's other sockets, never to
 * anyone else (the board's room knows nothing of it; only the totals reach the board).
 *
 * What a space accepts is narrower than a board: only sticky notes marked with the round, each a
 * valid board record (the same checks as on the board), at most MAX_PRIVATE_NOTES of them, and
 * the board's schema. Presence is read for the writer's name (used when the round is revealed
 * with names) and never relayed. Each turn's changes are stored, merged into the space's row,
 * before they are relayed; a write that finds the round closed (revealed, here or on another
 * instance) closes the space's sockets with 4404 instead.
 */
import type { FastifyBaseLogger } from 'fastify'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import * as syncProtocol from 'y-protocols/sync'
import {
  authorStamp,
  getRecordsArray,
  KeyValueArray,
  MAX_PRIVATE_NOTES,
  privateRoundOf,
  readAwarenessUser,
  validateBoardRecord,
} from '@dorfplatz/board'
import { CloseCode, MessageType, type Role } from '@dorfplatz/protocol'
import type { BoardBus, BusMessage } from '../bus/BoardBus.ts'
import type { PrivateSpaceStore } from '../storage/PrivateSpaceStore.ts'
import { isServerSchema, serverBoardSchema } from './boardRecordCheck.ts'
import type { Connection } from './Connection.ts'
import { ProtocolError, badMessage, forbidden } from './ProtocolError.ts'
import { assertValidStateVector, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage, readAwarenessUpdate } from './syncMessages.ts'
import { checkClientUpdate } from './updateGuard.ts'

/**
 * Bytes one private space may grow to (its stored state plus what was written since it was
 * loaded): two hundred notes of ordinary length need a fraction of it, a space filled to the
 * record limit with pictures of text does not fit.
 */
export const MAX_PRIVATE_SPACE_BYTES = 1024 * 1024

/** Sockets one person may have open on one private space (tabs and devices with the same key). */
export const MAX_SOCKETS_PER_SPACE = 8

/** Marks updates that another instance stored: relayed here, not stored again. */
const FROM_ELSEWHERE = Symbol('private space update from another instance')

export interface SpaceAddress {
  boardId: string
  roundId: string
  /** The hash of the person's browser key (see privateSpaceOwner). */
  owner: string
}

interface SpaceSocket {
  connection: Connection
  role: Exclude<Role, 'viewer'>
  tokenHash: string
}

/** Why a private note `value` may not be stored as `key` in a space of round `roundId`, or null. */
export function privateNoteProblem(roundId: string, key: string, value: unknown): string | null {
  const check = validateBoardRecord(serverBoardSchema(), value, key)
  if (!check.ok) return check.reason
  const record = value as { typeName?: unknown; type?: unknown }
  if (record.typeName !== 'shape' || record.type !== 'note') return 'a private space holds sticky notes only'
  if (privateRoundOf(value) !== roundId) return 'a private note must name its round'
  return null
}

class PrivateSpace {
  readonly doc = new Y.Doc()
  readonly records: KeyValueArray<TLRecord>
  readonly sockets = new Map<Connection, SpaceSocket>()
  /** Who writes here, as their presence shows it (JSON of an author stamp), for a reveal with names. */
  author = ''
  private pending: Array<{ update: Uint8Array; origin: unknown }> = []
  /** The stored state's size when loaded plus every update applied since: never less than the space's size. */
  private bytes: number
  private flushScheduled = false
  private flushChain: Promise<void> = Promise.resolve()
  closed = false

  constructor(
    readonly address: SpaceAddress,
    readonly channel: string,
    state: Uint8Array,
    private readonly owner: PrivateSpaces,
  ) {
    Y.applyUpdate(this.doc, state)
    this.bytes = state.byteLength
    this.records = new KeyValueArray<TLRecord>(getRecordsArray(this.doc), { readonly: true })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.pending.push({ update, origin })
      this.scheduleFlush()
    })
  }

  add(socket: SpaceSocket): void {
    this.sockets.set(socket.connection, socket)
    socket.connection.onClose(() => this.owner.socketLeft(this, socket.connection))
    socket.connection.enqueue(encodeSyncStep1(this.doc))
    this.scheduleFlush()
    socket.connection.attach((_connection, message) => this.handleMessage(socket, message))
  }

  private handleMessage(socket: SpaceSocket, message: Uint8Array): void {
    const { connection } = socket
    if (this.closed || connection.isClosed) return
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.SYNC) this.handleSync(socket, decoder)
      else if (type === MessageType.AWARENESS) this.notePresence(socket, decoding.readVarUint8Array(decoder))
      else if (type !== MessageType.QUERY_AWARENESS) throw badMessage(`unknown message type ${type}`)
    } catch (error) {
      if (error instanceof ProtocolError) connection.close(error.code, error.message)
      else connection.close(CloseCode.BAD_MESSAGE, 'bad message')
    }
  }

  private handleSync(socket: SpaceSocket, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      assertValidStateVector(stateVector)
      socket.connection.enqueue(encodeSyncStep2(this.doc, stateVector))
      this.scheduleFlush()
      return
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw badMessage(`unknown sync message type ${syncType}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    const roundId = this.address.roundId
    let added = 0
    checkClientUpdate(this.doc, update, {
      role: socket.role,
      currentRecord: (key) => this.records.get(key),
      checkRecord: (key, value) => {
        const problem = privateNoteProblem(roundId, key, value)
        if (problem === null && !this.records.has(key)) added++
        return problem
      },
      isAcceptedSchema: isServerSchema,
      checkComment: () => ({ kind: 'malformed', reason: 'a private space has no comments' }),
    })
    if (this.records.map.size + added > MAX_PRIVATE_NOTES) throw forbidden(`a private space holds at most ${MAX_PRIVATE_NOTES} notes`)
    if (this.bytes + update.byteLength > MAX_PRIVATE_SPACE_BYTES) throw forbidden('this private space is full')
    this.bytes += update.byteLength
    Y.applyUpdate(this.doc, update, socket)
    const store = this.doc.store
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // Builds on changes this space never had: the client asks again with its sync step 1 on reconnect.
      store.pendingStructs = null
      store.pendingDs = null
      throw badMessage('update depends on changes the server does not have')
    }
  }

  /** Keeps the writer's name and colour from their presence; presence is never relayed. */
  private notePresence(socket: SpaceSocket, update: Uint8Array): void {
    for (const { state } of readAwarenessUpdate(update)) {
      const user = readAwarenessUser(state)
      if (user) this.author = JSON.stringify(authorStamp(user.name, user.color, socket.role))
    }
  }

  receiveFromBus(message: BusMessage): void {
    if (this.closed || message.kind !== 'update') return
    Y.applyUpdate(this.doc, message.update, FROM_ELSEWHERE)
    const store = this.doc.store
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // A message of the other instance was lost: its sockets get the whole state on their next sync.
      store.pendingStructs = null
      store.pendingDs = null
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      this.flushChain = this.flushChain.then(() => this.flush()).catch((error: unknown) => this.owner.failed(this, error))
    })
  }

  /** Stores this turn's changes, then relays them to the person's other sockets. */
  private async flush(): Promise<void> {
    const pending = this.pending
    this.pending = []
    const outgoing = new Map<Connection, Uint8Array[]>()
    for (const connection of this.sockets.keys()) outgoing.set(connection, connection.takeQueue())
    const toStore = pending.filter((entry) => entry.origin !== FROM_ELSEWHERE).map((entry) => entry.update)
    if (toStore.length > 0) {
      const update = toStore.length === 1 ? toStore[0]! : Y.mergeUpdates(toStore)
      const { boardId, roundId, owner } = this.address
      const stored = await this.owner.storage.storePrivateSpace(boardId, roundId, owner, update, {
        notes: this.records.map.size,
        author: this.author,
        now: Date.now(),
      })
      if (!stored) {
        this.owner.closeSpace(this, CloseCode.NO_SUCH_BOARD, 'the private round has ended')
        return
      }
      this.owner.bus?.publish(this.channel, { kind: 'update', from: this.owner.bus.instanceId, previousSeq: 0, lastSeq: 0, update })
      this.owner.changed(this.address)
    }
    for (const { update, origin } of pending) {
      const message = encodeUpdateMessage(update)
      for (const [connection, queue] of outgoing) if (this.sockets.get(connection) !== origin) queue.push(message)
    }
    for (const [connection, messages] of outgoing) connection.send(messages)
  }
}

export class PrivateSpaces {
  private readonly spaces = new Map<string, PrivateSpace>()
  private readonly loading = new Map<string, Promise<PrivateSpace | null>>()

  constructor(
    readonly storage: PrivateSpaceStore,
    private readonly log: FastifyBaseLogger,
    readonly bus: BoardBus | undefined,
    /** Told after a space stored a change (the round's totals may have changed). */
    private readonly onChanged: (address: SpaceAddress) => void,
  ) {}

  private static key({ boardId, roundId, owner }: SpaceAddress): string {
    return `${boardId}/private/${roundId}/${owner}`
  }

  /** Admits a socket to its space; closes it with 4404 when the round is not open. */
  async admit(connection: Connection, address: SpaceAddress, socket: { role: Exclude<Role, 'viewer'>; tokenHash: string }): Promise<void> {
    const space = await this.acquire(address)
    if (connection.isClosed) {
      if (space) this.releaseIfEmpty(space)
      return
    }
    if (!space) {
      connection.close(CloseCode.NO_SUCH_BOARD, 'no open private round')
      return
    }
    if (space.sockets.size >= MAX_SOCKETS_PER_SPACE) {
      connection.close(CloseCode.TOO_MANY, 'too many connections to this private space')
      return
    }
    space.add({ connection, ...socket })
  }

  private acquire(address: SpaceAddress): Promise<PrivateSpace | null> {
    const key = PrivateSpaces.key(address)
    const loaded = this.spaces.get(key)
    if (loaded) return Promise.resolve(loaded)
    let loading = this.loading.get(key)
    if (!loading) {
      loading = this.storage
        .loadPrivateSpace(address.boardId, address.roundId, address.owner)
        .then((state) => {
          if (state === null) return null
          const space = new PrivateSpace(address, key, state, this)
          this.spaces.set(key, space)
          this.bus?.subscribe(key, (message) => space.receiveFromBus(message))
          return space
        })
        .finally(() => this.loading.delete(key))
      this.loading.set(key, loading)
    }
    return loading
  }

  socketLeft(space: PrivateSpace, connection: Connection): void {
    space.sockets.delete(connection)
    this.releaseIfEmpty(space)
  }

  private releaseIfEmpty(space: PrivateSpace): void {
    if (space.sockets.size > 0 || space.closed) return
    space.closed = true
    // Everything was stored before it was relayed; nothing is lost by dropping the space from memory.
    this.spaces.delete(space.channel)
    this.bus?.unsubscribe(space.channel)
  }

  closeSpace(space: PrivateSpace, code: CloseCode, reason: string): void {
    for (const connection of [...space.sockets.keys()]) connection.close(code, reason)
    space.closed = true
    this.spaces.delete(space.channel)
    this.bus?.unsubscribe(space.channel)
  }

  /** Closes the sockets of a board's private spaces that `which` picks (a round that ended, a replaced link, a deleted board). */
  closeConnections(boardId: string, which: (space: SpaceAddress, socket: { tokenHash: string }) => boolean, code: CloseCode, reason: string): void {
    for (const space of [...this.spaces.values()]) {
      if (space.address.boardId !== boardId) continue
      for (const socket of [...space.sockets.values()]) if (which(space.address, socket)) socket.connection.close(code, reason)
    }
  }

  changed(address: SpaceAddress): void {
    try {
      this.onChanged(address)
    } catch (error) {
      this.log.error({ boardId: address.boardId, err: error }, 'could not count private notes')
    }
  }

  failed(space: PrivateSpace, error: unknown): void {
    this.log.error({ boardId: space.address.boardId, err: error }, 'a private space could not be stored; closing its sockets')
    this.closeSpace(space, CloseCode.GOING_AWAY, 'server unavailable')
  }

  /** Closes every socket (shutdown); everything was stored before it was relayed. */
  closeAll(): void {
    for (const space of [...this.spaces.values()]) this.closeSpace(space, CloseCode.GOING_AWAY, 'server shutting down')
  }
}
