/**
 * A room on a fresh board in an in-memory SQLite, with clients joined over in-memory socket
 * pairs: the sync layer as the server runs it, without Fastify, sockets or timers in between.
 * Each client keeps a Y.Doc that follows what the server sends it, as a stock client would.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { pino } from 'pino'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import type { FastifyBaseLogger } from 'fastify'
import { initBoardDoc } from '@dorfplatz/board'
import { updateFrom } from '@dorfplatz/board/testing'
import { MessageType, type Role } from '@dorfplatz/protocol'
import { SqliteBoardStorage } from '../../storage/SqliteBoardStorage.ts'
import { Connection } from '../Connection.ts'
import { Room } from '../Room.ts'
import { createSocketPair, type TestClientEnd } from './socketPair.ts'

export const BOARD_ID = 'AAAAAAAAAAAAAAAA'

export interface TestClient {
  role: Role
  /** The board as this client has it, following what the server sent. */
  doc: Y.Doc
  socket: TestClientEnd
  connection: Connection
  /** Sends `change`, made on a copy of this client's doc, as one update message; the client's doc is not changed. */
  sendChange(change: (doc: Y.Doc) => void, syncType?: number): Uint8Array
  /** Sends raw bytes. */
  send(message: Uint8Array | string): void
}

export interface TestRoom {
  room: Room
  storage: SqliteBoardStorage
  /** How often the board's last socket has closed. */
  readonly emptied: number
  /** Whether the registry was told that the board failed. */
  readonly failed: boolean
  join(role: Role, tokenHash?: string): Promise<TestClient>
  /** Runs flushes and lets every client take in what it got (and answer it) until nothing moves. */
  settle(): Promise<void>
  close(): Promise<void>
}

/** A presence message with one client's state (at `clock`, 1 unless given), as y-protocols' awareness encodes it. */
export function awarenessMessage(clientId: number, state: unknown, clock = 1): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

const silentLog = pino({ level: 'silent' }) as unknown as FastifyBaseLogger

/** A room on a board seeded as the server seeds new boards. */
export async function openTestRoom(storage = new SqliteBoardStorage(':memory:'), boardId = BOARD_ID): Promise<TestRoom> {
  const linkPrefix = boardId === BOARD_ID ? '' : boardId
  const seed = new Y.Doc()
  initBoardDoc(seed, { title: 'Test', pageName: 'Seite 1' })
  await storage.createBoard({
    id: boardId,
    title: 'Test',
    createdAt: Date.now(),
    initialState: Y.encodeStateAsUpdate(seed),
    // Each role's link is its initial ('f', 'p', 'v'), after the board's id for any other board of the storage.
    tokenHashes: { facilitator: `${linkPrefix}f`, participant: `${linkPrefix}p`, viewer: `${linkPrefix}v` },
  })
  let emptied = 0
  let failed = false
  const room = await Room.load(boardId, storage, silentLog, {
    onEmpty: () => emptied++,
    onFailure: () => (failed = true),
  })
  const clients: TestClient[] = []

  /** Applies what the server sent; answers a sync step 1 with a step 2, as y-protocols clients do. Returns whether it answered. */
  const takeIn = (client: TestClient): boolean => {
    let answered = false
    for (const message of client.socket.inbox.splice(0)) {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== MessageType.SYNC) continue
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.SYNC)
      syncProtocol.readSyncMessage(decoder, encoder, client.doc, 'server')
      if (encoding.length(encoder) > 1) {
        client.socket.send(encoding.toUint8Array(encoder))
        answered = true
      }
    }
    return answered
  }

  const settle = async () => {
    for (let round = 0; round < 20; round++) {
      await room.flush()
      const answered = clients.map(takeIn).some(Boolean)
      if (!answered && clients.every((client) => client.socket.inbox.length === 0)) {
        await room.flush()
        clients.forEach(takeIn)
        return
      }
    }
    throw new Error('the room did not settle')
  }

  return {
    room,
    storage,
    get emptied() {
      return emptied
    },
    get failed() {
      return failed
    },
    async join(role, tokenHash = `${linkPrefix}${role[0]!}`) {
      const { server, client: socket } = createSocketPair()
      const connection = new Connection(server, { keepalive: { intervalMs: 3_600_000, timeoutMs: 3_600_000 } })
      const doc = new Y.Doc()
      const client: TestClient = {
        role,
        doc,
        socket,
        connection,
        sendChange(change, syncType = syncProtocol.messageYjsUpdate) {
          const update = updateFrom(doc, change)
          socket.send(syncMessage(syncType, update))
          return update
        },
        send: (message) => socket.send(message),
      }
      clients.push(client)
      room.addConnection(connection, { role, tokenHash })
      socket.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(doc)))
      await settle()
      return client
    },
    settle,
    async close() {
      await room.close()
      await storage.close()
    },
  }
}
