/**
 * A board the server stored itself, checked, as one update: when it is loaded again, a client
 * that has nothing is sent it as stored before it is decoded, and it is not repaired again.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { pino } from 'pino'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import type { FastifyBaseLogger } from 'fastify'
import type { TLRecord } from '@tldraw/tlschema'
import { getRecordsArray, getRecordsMap, readBoardRecords } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { MAX_EDITOR_CONNECTIONS_PER_BOARD, MAX_VIEWER_CONNECTIONS_PER_BOARD, MessageType } from '@dorfplatz/protocol'
import { SqliteBoardStorage } from '../storage/SqliteBoardStorage.ts'
import { Connection } from './Connection.ts'
import { loadChecks } from './repairBoardDoc.ts'
import { RoomRegistry } from './RoomRegistry.ts'
import { encodeSyncStep2FromUpdate, isWholeBoardRequest } from './syncMessages.ts'
import { BOARD_ID, openTestRoom, syncMessage } from './testing/roomHarness.ts'
import { createSocketPair, type TestClientEnd } from './testing/socketPair.ts'

const silentLog = pino({ level: 'silent' }) as unknown as FastifyBaseLogger
const WHOLE_BOARD_REQUEST = syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array([0]))

const opened: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close()
})

/** A board whose room wrote a note and then compacted it on closing, as unloading leaves it. */
async function boardStoredByItsRoom(): Promise<SqliteBoardStorage> {
  const storage = new SqliteBoardStorage(':memory:')
  const test = await openTestRoom(storage)
  const anna = await test.join('participant')
  anna.sendChange((doc) => getRecordsMap(doc).set('shape:idee', testNote('idee', 'Dorfladen')))
  await test.settle()
  await test.room.close()
  opened.push({ close: () => storage.close() })
  return storage
}

function registryOn(storage: SqliteBoardStorage): RoomRegistry {
  const registry = new RoomRegistry(storage, silentLog, { idleUnloadMs: 3_600_000 })
  opened.push({ close: () => registry.closeAll() })
  return registry
}

/** A socket that asked for `first` before its board was loaded. */
function waitingSocket(first: Uint8Array): { connection: Connection; client: TestClientEnd } {
  const { server, client } = createSocketPair()
  const connection = new Connection(server, { keepalive: { intervalMs: 3_600_000, timeoutMs: 3_600_000 } })
  client.send(first)
  return { connection, client }
}

/** The sync step 2 messages among `messages`, as updates. */
function syncAnswers(messages: readonly Uint8Array[]): Uint8Array[] {
  const answers: Uint8Array[] = []
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.SYNC) continue
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) continue
    answers.push(decoding.readVarUint8Array(decoder))
  }
  return answers
}

function noteText(updates: readonly Uint8Array[], id: string): string | undefined {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  const note = readBoardRecords(doc).get(id) as { props?: { richText?: { content?: Array<{ content?: Array<{ text?: string }> }> } } } | undefined
  return note?.props?.richText?.content?.[0]?.content?.[0]?.text
}

describe('a board stored checked', () => {
  it('is stored with the checks of this server when its room compacts it', async () => {
    const storage = await boardStoredByItsRoom()
    const stored = await storage.loadDocument(BOARD_ID)
    expect(stored.updates).toHaveLength(1)
    expect(stored.stateCheckedBy).toBe(loadChecks())
  })

  it('is sent to a client that has nothing before the board is decoded, and only once', async () => {
    const storage = await boardStoredByItsRoom()
    const stored = await storage.loadDocument(BOARD_ID)
    const registry = registryOn(storage)
    const { connection, client } = waitingSocket(WHOLE_BOARD_REQUEST)
    let answeredWith: Uint8Array | undefined
    let roomExisted: boolean | undefined
    const room = await registry.acquire(BOARD_ID, (answer) => {
      roomExisted = registry.peek(BOARD_ID) !== undefined
      if (!connection.takeFirstBuffered(isWholeBoardRequest)) return
      connection.send([answer])
      answeredWith = answer
    })
    expect(roomExisted).toBe(false)
    expect(client.inbox).toEqual([encodeSyncStep2FromUpdate(stored.updates[0]!)])
    expect(noteText(syncAnswers(client.inbox), 'shape:idee')).toBe('Dorfladen')

    room.addConnection(connection, { role: 'viewer', tokenHash: 'v', answeredWith })
    await room.flush()
    // The room asks for what the client has and says who is there, but does not send the board again.
    expect(client.inbox.length).toBeGreaterThan(1)
    expect(syncAnswers(client.inbox)).toHaveLength(1)

    // A board already in memory is answered by its room, not early.
    let calledAgain = false
    await registry.acquire(BOARD_ID, () => {
      calledAgain = true
    })
    expect(calledAgain).toBe(false)
  })

  it('is sent again as it is now when it changed before the socket joined', async () => {
    const storage = await boardStoredByItsRoom()
    const registry = registryOn(storage)
    const { connection, client } = waitingSocket(WHOLE_BOARD_REQUEST)
    let answeredWith: Uint8Array | undefined
    const room = await registry.acquire(BOARD_ID, (answer) => {
      if (!connection.takeFirstBuffered(isWholeBoardRequest)) return
      connection.send([answer])
      answeredWith = answer
    })
    // Another change reaches the board meanwhile (here the server's own).
    room.doc.transact(() => {
      ;(getRecordsArray(room.doc) as Y.Array<unknown>).push([{ key: 'shape:spaet', val: testNote('spaet', 'Nachzügler') }])
    }, 'server')
    room.addConnection(connection, { role: 'viewer', tokenHash: 'v', answeredWith })
    await room.flush()
    const answers = syncAnswers(client.inbox)
    expect(answers).toHaveLength(2)
    expect(noteText(answers, 'shape:spaet')).toBe('Nachzügler')
    expect(noteText([answers[1]!], 'shape:idee')).toBe('Dorfladen')
  })

  it('is offered to no more sockets than the room could admit', async () => {
    const storage = await boardStoredByItsRoom()
    const registry = registryOn(storage)
    const limit = MAX_EDITOR_CONNECTIONS_PER_BOARD + MAX_VIEWER_CONNECTIONS_PER_BOARD
    let offered = 0
    await Promise.all(Array.from({ length: limit + 5 }, () => registry.acquire(BOARD_ID, () => void offered++)))
    expect(offered).toBe(limit)
  })

  it('is not sent early to a client that already has part of the board', async () => {
    const storage = await boardStoredByItsRoom()
    const registry = registryOn(storage)
    const partial = new Y.Doc()
    partial.getMap('x').set('y', 1)
    const { connection, client } = waitingSocket(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(partial)))
    let offered = false
    await registry.acquire(BOARD_ID, () => {
      offered = true
      expect(connection.takeFirstBuffered(isWholeBoardRequest)).toBe(false)
    })
    expect(offered).toBe(true)
    expect(client.inbox).toEqual([])
  })

  it('is not repaired when loaded, but a board stored under other checks is', async () => {
    for (const [checkedBy, kept] of [
      [loadChecks(), true],
      ['0:an-earlier-edition', false],
      [null, false],
    ] as const) {
      const storage = new SqliteBoardStorage(':memory:')
      opened.push({ close: () => storage.close() })
      const test = await openTestRoom(storage)
      await test.room.close()
      // What the checks of today would remove, stored as if a room had vouched for it.
      const doc = new Y.Doc()
      for (const update of (await storage.loadDocument(BOARD_ID)).updates) Y.applyUpdate(doc, update)
      const invalid = { ...testNote('kaputt', 'x'), props: null } as unknown as TLRecord
      ;(getRecordsArray(doc) as Y.Array<unknown>).push([{ key: 'shape:kaputt', val: invalid }])
      await storage.compact(BOARD_ID, Y.encodeStateAsUpdate(doc), await storage.latestSeq(BOARD_ID), checkedBy)
      const registry = registryOn(storage)
      const room = await registry.acquire(BOARD_ID)
      expect(room.hasRecord('shape:kaputt')).toBe(kept)
    }
  })
})
