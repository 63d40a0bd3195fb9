import { afterEach, describe, expect, it, vi } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { FacilitationKey, getFacilitationMap, getMeta, getRecordsMap, MetaKey, readBoardRecords, richTextToPlain } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { CloseCode, MessageType } from '@dorfplatz/protocol'
import { PRESENCE_FLUSH_MS } from './Room.ts'
import { awarenessMessage, openTestRoom, syncMessage, type TestRoom } from './testing/roomHarness.ts'

let open: TestRoom | undefined
afterEach(async () => {
  await open?.close()
  open = undefined
})

async function testRoom(): Promise<TestRoom> {
  open = await openTestRoom()
  return open
}

const text = (doc: Y.Doc, name: string) => {
  const note = readBoardRecords(doc).get(`shape:${name}`) as { props?: { richText?: unknown } } | undefined
  return note === undefined ? undefined : richTextToPlain(note.props?.richText)
}

const writeNote = (name: string, words: string) => (doc: Y.Doc) => getRecordsMap(doc).set(`shape:${name}`, testNote(name, words))

async function storedText(test: TestRoom, name: string): Promise<string | undefined> {
  const doc = new Y.Doc()
  for (const update of (await test.storage.loadDocument(test.room.boardId)).updates) Y.applyUpdate(doc, update)
  return text(doc, name)
}

describe('Room', () => {
  it('relays an accepted update to everyone else, never back to its sender, and stores it first', async () => {
    const test = await testRoom()
    const [anna, bernd] = [await test.join('facilitator'), await test.join('participant')]
    const appended: string[] = []
    const append = test.storage.appendUpdates.bind(test.storage)
    vi.spyOn(test.storage, 'appendUpdates').mockImplementation(async (boardId, updates) => {
      const seq = await append(boardId, updates)
      appended.push(String(bernd.socket.inbox.length))
      return seq
    })
    const before = anna.socket.inbox.length
    anna.sendChange(writeNote('a', 'Glasfaser'))
    await test.settle()
    expect(text(bernd.doc, 'a')).toBe('Glasfaser')
    // Stored while the message for Bernd had not been sent yet.
    expect(appended).toEqual(['0'])
    expect(await storedText(test, 'a')).toBe('Glasfaser')
    // Anna's own update does not come back to her.
    expect(anna.socket.inbox.length).toBe(before)
    expect(text(anna.doc, 'a')).toBeUndefined()
  })

  it('answers newcomers with nothing from one encoding of the board, and encodes it afresh after a change', async () => {
    const test = await testRoom()
    const anna = await test.join('participant')
    const [bernd, clara] = [await test.join('viewer'), await test.join('viewer')]
    expect(Y.encodeStateAsUpdate(clara.doc)).toEqual(Y.encodeStateAsUpdate(bernd.doc))
    anna.sendChange(writeNote('a', 'Dorfladen'))
    await test.settle()
    // A newcomer after the change gets it in its first answer, not the answer kept from before.
    const dora = await test.join('viewer')
    expect(text(dora.doc, 'a')).toBe('Dorfladen')
  })

  it('closes a viewer that writes (4403) and applies nothing of it, but drops its sync step 2 quietly', async () => {
    const test = await testRoom()
    const viewer = await test.join('viewer')
    const witness = await test.join('facilitator')
    viewer.sendChange(writeNote('v', 'Heimlich'), syncProtocol.messageYjsSyncStep2)
    await test.settle()
    expect(viewer.connection.isClosed).toBe(false)
    viewer.sendChange(writeNote('v', 'Heimlich'))
    expect((await viewer.socket.closed).code).toBe(CloseCode.FORBIDDEN)
    await test.settle()
    expect(text(witness.doc, 'v')).toBeUndefined()
    expect(text(test.room.doc, 'v')).toBeUndefined()
  })

  it('holds a participant’s changes back while the board is frozen, and takes them after the release', async () => {
    const test = await testRoom()
    const bernd = await test.join('participant')
    const anna = await test.join('facilitator')
    test.room.doc.transact(() => getFacilitationMap(test.room.doc).set(FacilitationKey.FREEZE, { since: 1, name: 'Anna' }))
    await test.settle()
    // Bernd's client writes during the freeze (its copy keeps the note), Anna's too.
    writeNote('b', 'Während der Pause')(bernd.doc)
    bernd.send(syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(bernd.doc)))
    anna.sendChange(writeNote('a', 'Moderation darf'))
    await test.settle()
    expect(text(test.room.doc, 'b')).toBeUndefined()
    expect(text(test.room.doc, 'a')).toBe('Moderation darf')
    expect(bernd.connection.isClosed).toBe(false)

    test.room.doc.transact(() => getFacilitationMap(test.room.doc).delete(FacilitationKey.FREEZE))
    // The server asks Bernd's client for what it lacks; the harness answers as a stock client does.
    await test.settle()
    expect(text(test.room.doc, 'b')).toBe('Während der Pause')
    expect(text(anna.doc, 'b')).toBe('Während der Pause')
  })

  it('asks a client for its answer when an update builds on what it has not sent, and refuses an answer that lacks it (4400)', async () => {
    const test = await testRoom()
    const bernd = await test.join('participant')
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(bernd.doc))
    writeNote('never', 'Nie gesendet')(forger)
    const before = Y.encodeStateVector(forger)
    writeNote('depends', 'Hängt davon ab')(forger)
    const orphan = Y.encodeStateAsUpdate(forger, before)
    bernd.socket.inbox.length = 0
    bernd.send(syncMessage(syncProtocol.messageYjsUpdate, orphan))
    await test.room.flush()
    expect(bernd.connection.isClosed).toBe(false)
    expect(bernd.socket.inbox.some((message) => message[0] === MessageType.SYNC && message[1] === syncProtocol.messageYjsSyncStep1)).toBe(true)
    expect(test.room.doc.store.pendingStructs).toBeNull()
    expect(text(test.room.doc, 'depends')).toBeUndefined()
    bernd.send(syncMessage(syncProtocol.messageYjsSyncStep2, orphan))
    expect((await bernd.socket.closed).code).toBe(CloseCode.BAD_MESSAGE)
    expect(test.room.doc.store.pendingStructs).toBeNull()
    expect(text(test.room.doc, 'depends')).toBeUndefined()
  })

  it('refuses a forged board schema (4403) and keeps the board’s', async () => {
    const test = await testRoom()
    const anna = await test.join('facilitator')
    const schema = getMeta(test.room.doc).get(MetaKey.SCHEMA)
    anna.sendChange((doc) => getMeta(doc).set(MetaKey.SCHEMA, { schemaVersion: 2, sequences: { 'com.tldraw.shape': 999 } }))
    expect((await anna.socket.closed).code).toBe(CloseCode.FORBIDDEN)
    expect(getMeta(test.room.doc).get(MetaKey.SCHEMA)).toEqual(schema)
  })

  it('stamps presence with the role of the socket’s link, and ignores entries for another socket’s client', async () => {
    const test = await testRoom()
    const bernd = await test.join('participant')
    const viewer = await test.join('viewer')
    bernd.send(awarenessMessage(11, { user: { name: 'Bernd', role: 'facilitator' } }))
    viewer.send(awarenessMessage(11, { user: { name: 'Falsch' } }))
    await test.settle()
    expect(test.room.awareness.getStates().get(11)).toEqual({ user: { name: 'Bernd', role: 'participant' } })
    expect(viewer.connection.isClosed).toBe(false)
  })

  it('relays a participant’s presence only as it reads it, so that a role written twice cannot show as another', async () => {
    const test = await testRoom()
    const bernd = await test.join('participant')
    const viewer = await test.join('viewer')
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, 12)
    encoding.writeVarUint(inner, 1)
    encoding.writeVarString(inner, '{"user":{"name":"Bernd","role":"facilitator"},"user":{"name":"Bernd","role":"participant"}}')
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, MessageType.AWARENESS)
    encoding.writeVarUint8Array(message, encoding.toUint8Array(inner))
    viewer.socket.inbox.splice(0)
    bernd.send(encoding.toUint8Array(message))
    await test.room.flush()
    const relayed = viewer.socket.inbox.filter((received) => received[0] === MessageType.AWARENESS).map((received) => new TextDecoder().decode(received))
    expect(relayed.some((text) => text.includes('"name":"Bernd","role":"participant"'))).toBe(true)
    expect(relayed.some((text) => text.includes('facilitator'))).toBe(false)
  })

  it('relays presence at most every PRESENCE_FLUSH_MS, the moves of that time in one message, and holds back no change', async () => {
    const test = await testRoom()
    const anna = await test.join('participant')
    const bernd = await test.join('participant')
    const turns = async () => {
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
    }
    const cursorsSeen = () =>
      bernd.socket.inbox
        .filter((message) => message[0] === MessageType.AWARENESS)
        .map((message) => /"x":(\d+)/.exec(new TextDecoder().decode(message))?.[1])
    bernd.socket.inbox.splice(0)

    anna.send(awarenessMessage(21, { cursor: { x: 1 } }, 1))
    await turns()
    const firstSeen = performance.now()
    expect(cursorsSeen()).toEqual(['1'])
    anna.send(awarenessMessage(21, { cursor: { x: 2 } }, 2))
    anna.send(awarenessMessage(21, { cursor: { x: 3 } }, 3))
    await turns()
    expect(cursorsSeen()).toEqual(['1'])
    await vi.waitFor(() => expect(cursorsSeen()).toEqual(['1', '3']))
    expect(performance.now() - firstSeen).toBeGreaterThanOrEqual(PRESENCE_FLUSH_MS - 5)

    // A change goes out in the next turn, and the presence waiting goes with it.
    anna.send(awarenessMessage(21, { cursor: { x: 4 } }, 4))
    anna.sendChange(writeNote('eilig', 'Sofort'))
    await turns()
    expect(cursorsSeen()).toEqual(['1', '3', '4'])
    expect(bernd.socket.inbox.some((message) => message[0] === MessageType.SYNC && message[1] === syncProtocol.messageYjsUpdate)).toBe(true)
    await test.settle()
    expect(text(bernd.doc, 'eilig')).toBe('Sofort')
  })

  it('tells its registry when the last socket has closed, and counts only people’s changes', async () => {
    const test = await testRoom()
    const bernd = await test.join('participant')
    const anna = await test.join('facilitator')
    expect(test.room.takeClientChanges()).toBe(false)
    test.room.doc.transact(() => getFacilitationMap(test.room.doc).set(FacilitationKey.TIMER, null))
    await test.settle()
    expect(test.room.takeClientChanges()).toBe(false)
    bernd.sendChange(writeNote('b', 'Von Bernd'))
    await test.settle()
    expect(test.room.takeClientChanges()).toBe(true)
    bernd.socket.close()
    expect(test.emptied).toBe(0)
    anna.socket.close()
    expect(test.emptied).toBe(1)
    expect(test.room.size).toBe(0)
  })

  it('drops the board from memory when storing fails, closing its sockets with 1001 so that clients resend', async () => {
    const test = await testRoom()
    const bernd = await test.join('participant')
    vi.spyOn(test.storage, 'appendUpdates').mockRejectedValue(new Error('disk full'))
    bernd.sendChange(writeNote('b', 'Geht verloren?'))
    expect((await bernd.socket.closed).code).toBe(CloseCode.GOING_AWAY)
    expect(test.failed).toBe(true)
    expect(test.room.hasFailed).toBe(true)
    open = undefined
  })
})
