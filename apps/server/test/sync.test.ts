import net, { type Socket } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import {
  CloseCode,
  MAX_ASSET_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_SYNC_ANSWER_BYTES,
  MAX_VIEWER_CONNECTIONS_PER_BOARD,
  MessageType,
} from '@dorfplatz/protocol'
import { getRecordsMap, readBoardRecords, readBoardTitle } from '@dorfplatz/board'
import { testPhoto } from '@dorfplatz/board/testing'
import {
  connectProvider,
  noteText,
  openRawSocket,
  startTestServer,
  waitForDoc,
  waitForSync,
  writeNote,
  type TestServer,
} from './testServer.ts'

const syncUrl = (server: TestServer, boardId: string, token?: string) =>
  `${server.wsUrl}/sync/${boardId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A client's answer to the server's sync step 1: everything it has that the server lacks. */
function syncAnswerMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function awarenessMessage(clientId: number, state: unknown, clock = 1): Uint8Array {
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

/** A fresh client's view of the board, as stored and served by the server now. */
async function freshView(server: TestServer, boardId: string, token: string): Promise<Y.Doc> {
  const provider = connectProvider(server, boardId, token)
  await waitForSync(provider)
  return provider.doc
}

describe('sync', () => {
  it('serves the seeded board to a stock y-websocket provider', async () => {
    const server = await startTestServer()
    const board = await server.createBoard('Stakeholder-Workshop')
    const provider = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(provider)
    expect(readBoardTitle(provider.doc)).toBe('Stakeholder-Workshop')
  })

  it('relays edits between two clients and converges on concurrent ones', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const a = connectProvider(server, board.id, board.tokens.facilitator)
    const b = connectProvider(server, board.id, board.tokens.participant)
    await Promise.all([waitForSync(a), waitForSync(b)])

    writeNote(a.doc, 'from-a', 'Von A')
    await waitForDoc(b.doc, (doc) => noteText(doc, 'from-a') === 'Von A')

    for (let i = 0; i < 20; i++) {
      writeNote(a.doc, `a${i}`, `A ${i}`)
      writeNote(b.doc, `b${i}`, `B ${i}`)
      // Both rewrite the same note at once; one text wins, the same on both.
      writeNote(a.doc, 'shared', `A ${i}`)
      writeNote(b.doc, 'shared', `B ${i}`)
    }
    const bothHaveAll = (doc: Y.Doc) =>
      Array.from({ length: 20 }, (_, i) => noteText(doc, `a${i}`) === `A ${i}` && noteText(doc, `b${i}`) === `B ${i}`).every(Boolean)
    await Promise.all([waitForDoc(a.doc, bothHaveAll), waitForDoc(b.doc, bothHaveAll)])
    await waitForDoc(b.doc, () => noteText(a.doc, 'shared') === noteText(b.doc, 'shared'))
    expect([...readBoardRecords(a.doc).keys()].sort()).toEqual([...readBoardRecords(b.doc).keys()].sort())
  })

  it('relays presence between clients through awareness', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const a = connectProvider(server, board.id, board.tokens.facilitator)
    const b = connectProvider(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(a), waitForSync(b)])
    const seen = new Promise<void>((resolve) => {
      b.awareness.on('change', () => {
        if (b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Moderation') resolve()
      })
    })
    let closes = 0
    for (const provider of [a, b]) provider.on('connection-close', () => closes++)
    a.awareness.setLocalStateField('user', { name: 'Moderation', color: '#1f6feb' })
    await seen
    // Stock providers echo the presence they receive; that must not cost them their connection.
    b.awareness.setLocalStateField('user', { name: 'Gast' })
    await new Promise<void>((resolve) =>
      a.awareness.on('change', () => {
        if (a.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Gast') resolve()
      }),
    )
    expect(closes).toBe(0)
    expect(a.wsconnected && b.wsconnected).toBe(true)
  })

  it('cuts off a socket whose other end has gone silent, and its person leaves the others’ lists', async () => {
    const server = await startTestServer({}, { keepalive: { intervalMs: 50, timeoutMs: 200 } })
    const board = await server.createBoard()
    const watcher = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(watcher)
    // A browser whose network is gone: its socket stays open, but it answers no ping.
    const silent = openRawSocket(syncUrl(server, board.id, board.tokens.participant), { autoPong: false })
    await silent.opened
    silent.socket.send(awarenessMessage(4242, { user: { id: 'u', name: 'Bürgermeister Offline', color: '#2f6db5' } }))
    await vi.waitFor(() => expect(watcher.awareness.getStates().has(4242)).toBe(true))
    // Answering pings keeps a quiet socket: the watcher itself sends nothing meanwhile.
    const started = Date.now()
    await vi.waitFor(() => expect(watcher.awareness.getStates().has(4242)).toBe(false), { timeout: 3000 })
    expect(Date.now() - started).toBeLessThan(2000)
    await silent.closed
    expect(watcher.wsconnected).toBe(true)
  })

  it('sends heartbeats to a client that asks for them, and cuts it off once its page stops answering', async () => {
    const keepalive = { intervalMs: 50, timeoutMs: 200 }
    const server = await startTestServer({}, { keepalive })
    const board = await server.createBoard()
    const url = `${syncUrl(server, board.id, board.tokens.participant)}&heartbeat=1`
    // A page that answers: it stays, well past the timeout.
    const answering = openRawSocket(url)
    answering.socket.on('message', (data: Buffer) => {
      if (data.length === 1 && data[0] === MessageType.HEARTBEAT) answering.socket.send(new Uint8Array([MessageType.HEARTBEAT, 0]))
    })
    // A browser switched offline: its network layer still answers pings, its page, which answered
    // a heartbeat before, sends nothing now.
    const held = openRawSocket(url)
    let heldAnswers = 0
    held.socket.on('message', (data: Buffer) => {
      if (data.length === 1 && data[0] === MessageType.HEARTBEAT && heldAnswers++ === 0) held.socket.send(new Uint8Array([MessageType.HEARTBEAT, 0]))
    })
    // A page busy with its first sync has not answered yet: pings keep it, however long it takes.
    const busy = openRawSocket(url)
    // A stock client never asks for heartbeats and never gets one.
    const stock = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await Promise.all([answering.opened, held.opened, busy.opened, stock.opened])
    const started = Date.now()
    await held.closed
    expect(heldAnswers).toBeGreaterThan(1)
    expect(Date.now() - started).toBeLessThan(1000)
    await new Promise((resolve) => setTimeout(resolve, 4 * keepalive.timeoutMs))
    expect(answering.socket.readyState).toBe(answering.socket.OPEN)
    expect(busy.socket.readyState).toBe(busy.socket.OPEN)
    expect(stock.socket.readyState).toBe(stock.socket.OPEN)
    expect(stock.messages.some((message) => message[0] === MessageType.HEARTBEAT)).toBe(false)
  })

  it('never applies or relays a viewer’s edits', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const participant = connectProvider(server, board.id, board.tokens.participant)
    const viewer = connectProvider(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(participant), waitForSync(viewer)])

    // The viewer still sees the board live.
    writeNote(participant.doc, 'visible', 'Sichtbar')
    await waitForDoc(viewer.doc, (doc) => noteText(doc, 'visible') === 'Sichtbar')

    const closed = new Promise<number>((resolve) =>
      viewer.on('connection-close', (event) => resolve(event?.code ?? 0)),
    )
    writeNote(viewer.doc, 'from-viewer', 'Heimlich')
    expect(await closed).toBe(CloseCode.FORBIDDEN)

    const fresh = await freshView(server, board.id, board.tokens.facilitator)
    expect(noteText(fresh, 'visible')).toBe('Sichtbar')
    expect(noteText(fresh, 'from-viewer')).toBeUndefined()
    expect(noteText(participant.doc, 'from-viewer')).toBeUndefined()
  })

  it('closes sockets without a valid token with 4401, whether or not the board exists', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const other = await server.createBoard('Anderes Board')

    expect((await openRawSocket(syncUrl(server, board.id)).closed).code).toBe(CloseCode.UNAUTHORIZED)
    expect((await openRawSocket(syncUrl(server, board.id, '')).closed).code).toBe(CloseCode.UNAUTHORIZED)
    expect((await openRawSocket(syncUrl(server, board.id, 'x'.repeat(43))).closed).code).toBe(CloseCode.UNAUTHORIZED)
    expect((await openRawSocket(syncUrl(server, board.id, 'kein token')).closed).code).toBe(CloseCode.UNAUTHORIZED)
    expect((await openRawSocket(syncUrl(server, board.id, other.tokens.facilitator)).closed).code).toBe(
      CloseCode.UNAUTHORIZED,
    )
    // A token for another board says nothing about whether this one exists.
    expect((await openRawSocket(syncUrl(server, 'AAAAAAAAAAAAAAAA', board.tokens.facilitator)).closed).code).toBe(
      CloseCode.UNAUTHORIZED,
    )
    expect((await openRawSocket(syncUrl(server, 'AAAAAAAAAAAAAAAA', 'x'.repeat(43))).closed).code).toBe(CloseCode.UNAUTHORIZED)
    await expect(openRawSocket(syncUrl(server, 'not-a-board!', board.tokens.facilitator)).opened).rejects.toThrow(
      /HTTP 400/,
    )
  })

  it('shuts down gracefully: sockets get 1001 and every edit is there after a restart', async () => {
    const first = await startTestServer()
    const board = await first.createBoard('Neustart')
    const client = connectProvider(first, board.id, board.tokens.participant)
    await waitForSync(client)
    const closed = new Promise<number>((resolve) => client.on('connection-close', (event) => resolve(event?.code ?? 0)))
    writeNote(client.doc, 'kept', 'Bleibt')
    // Wait until the server has relayed it onward, which it does only after storing it.
    const witness = connectProvider(first, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => noteText(doc, 'kept') === 'Bleibt')
    client.shouldConnect = false
    witness.shouldConnect = false
    await first.close()
    expect(await closed).toBe(CloseCode.GOING_AWAY)

    const second = await startTestServer({ DORFPLATZ_DATA_DIR: first.config.dataDir })
    const fresh = await freshView(second, board.id, board.tokens.viewer)
    expect(noteText(fresh, 'kept')).toBe('Bleibt')
    expect(readBoardTitle(fresh)).toBe('Neustart')
  })

  it('shuts down even when a client never answers the close handshake', async () => {
    const server = await startTestServer()
    const board = await server.createBoard()
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    await raw.nextMessage()
    // A frozen tab: it stops reading, so it never sees the close frame and never answers it.
    ;(raw.socket as unknown as { _socket: Socket })._socket.pause()
    await server.close()
    expect(server.app.server.listening).toBe(false)
    // Without a grace limit, close() would wait for the WebSocket layer's 30 s close timeout and this test would time out.
  }, 15_000)

  it('shuts down even when a browser holds a connection open without a request', async () => {
    const server = await startTestServer()
    const port = Number(new URL(server.url).port)
    // Browsers open connections ahead of need ("preconnect"); such a socket sends nothing.
    const idle = net.connect(port, '127.0.0.1')
    await new Promise<void>((resolve) => idle.once('connect', () => resolve()))
    const closedByServer = new Promise<void>((resolve) => idle.once('close', () => resolve()))
    await server.close()
    await closedByServer
    expect(server.app.server.listening).toBe(false)
  }, 15_000)

  it('unloads a board nobody has open, compacting its log, and loads it again on demand', async () => {
    const server = await startTestServer({ DORFPLATZ_IDLE_UNLOAD_MS: '0' })
    const board = await server.createBoard()
    const client = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(client)
    for (let i = 0; i < 10; i++) writeNote(client.doc, `n${i}`, `Notiz ${i}`)
    const witness = connectProvider(server, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => noteText(doc, 'n9') === 'Notiz 9')
    expect(await server.app.storage.countLoggedUpdates(board.id)).toBeGreaterThan(0)

    client.destroy()
    witness.destroy()
    await vi.waitFor(() => expect(server.app.rooms.loadedBoards).toBe(0))
    await vi.waitFor(async () => expect(await server.app.storage.countLoggedUpdates(board.id)).toBe(0))

    const fresh = await freshView(server, board.id, board.tokens.viewer)
    expect(Array.from({ length: 10 }, (_, i) => noteText(fresh, `n${i}`))).toEqual(Array.from({ length: 10 }, (_, i) => `Notiz ${i}`))
  })
})

describe('bad input', () => {
  async function boardWithWatcher() {
    const server = await startTestServer()
    const board = await server.createBoard('Robust')
    const watcher = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(watcher)
    writeNote(watcher.doc, 'before', 'Vorher')
    return { server, board, watcher }
  }

  /** The board still works and still holds what it held: a new client syncs it, and an edit still reaches the watcher. */
  async function expectBoardUnharmed(server: TestServer, board: { id: string; tokens: Record<string, string> }, watcher: ReturnType<typeof connectProvider>) {
    const fresh = await freshView(server, board.id, board.tokens.facilitator!)
    expect(noteText(fresh, 'before')).toBe('Vorher')
    writeNote(fresh, 'after', 'Nachher')
    await waitForDoc(watcher.doc, (doc) => noteText(doc, 'after') === 'Nachher')
    expect(watcher.wsconnected).toBe(true)
  }

  const cases: Array<[string, () => Uint8Array | string, number]> = [
    ['random bytes', () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), CloseCode.BAD_MESSAGE],
    ['an unknown message type', () => new Uint8Array([42, 0]), CloseCode.BAD_MESSAGE],
    ['a truncated sync message', () => new Uint8Array([MessageType.SYNC, syncProtocol.messageYjsUpdate, 50, 1, 2]), CloseCode.BAD_MESSAGE],
    ['a malformed Yjs update', () => syncUpdateMessage(new Uint8Array([1, 1, 200, 1, 0, 9, 9, 9, 9])), CloseCode.BAD_MESSAGE],
    ['an empty message', () => new Uint8Array(0), CloseCode.BAD_MESSAGE],
    ['a text frame', () => 'hello', CloseCode.BAD_MESSAGE],
    ['an oversized message', () => new Uint8Array(MAX_MESSAGE_BYTES + 1), CloseCode.MESSAGE_TOO_LARGE],
    [
      'an oversized sync answer',
      () => {
        const message = new Uint8Array(MAX_SYNC_ANSWER_BYTES + 1)
        message.set([MessageType.SYNC, syncProtocol.messageYjsSyncStep2])
        return message
      },
      CloseCode.MESSAGE_TOO_LARGE,
    ],
    ['awareness with broken JSON', () => {
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, 1234)
      encoding.writeVarUint(inner, 1)
      encoding.writeVarString(inner, '{"user":')
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.AWARENESS)
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
      return encoding.toUint8Array(encoder)
    }, CloseCode.BAD_MESSAGE],
    ['an oversized awareness state', () => awarenessMessage(1234, { user: { name: 'x'.repeat(20_000) } }), CloseCode.BAD_MESSAGE],
  ]

  for (const [name, message, code] of cases) {
    it(`closes the socket that sends ${name} with ${code} and leaves the board unharmed`, async () => {
      const { server, board, watcher } = await boardWithWatcher()
      const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
      await raw.opened
      await raw.nextMessage()
      raw.socket.send(message())
      expect((await raw.closed).code).toBe(code)
      await expectBoardUnharmed(server, board, watcher)
    })
  }

  it('takes offline work larger than one ordinary message in the answer to sync step 1', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    // Three photos pasted on a train: more than MAX_MESSAGE_BYTES, all in one sync step 2.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(watcher.doc))
    const before = Y.encodeStateVector(offline)
    const photos = [1, 2, 3].map((n) => testPhoto(n, MAX_ASSET_BYTES))
    getRecordsMap(offline).write(photos.map((photo) => [photo.id, photo]), [])
    const answer = syncAnswerMessage(Y.encodeStateAsUpdate(offline, before))
    expect(answer.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES)
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    await raw.nextMessage()
    raw.socket.send(answer)
    await waitForDoc(watcher.doc, (doc) => photos.every((photo) => readBoardRecords(doc).has(photo.id)))
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)
    // An ordinary update of that size is still refused.
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(offline, before)))
    expect((await raw.closed).code).toBe(CloseCode.MESSAGE_TOO_LARGE)
    await expectBoardUnharmed(server, board, watcher)
  })

  it('ignores a socket speaking for another client’s presence', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    watcher.awareness.setLocalStateField('user', { name: 'Echt' })
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    await raw.nextMessage()
    const roomStates = () => server.app.rooms.peek(board.id)!.awareness.getStates()
    await vi.waitFor(() => expect(roomStates().get(watcher.doc.clientID)?.user?.name).toBe('Echt'))
    raw.socket.send(awarenessMessage(watcher.doc.clientID, { user: { name: 'Falsch' } }, 999))
    raw.socket.send(awarenessMessage(4242, { user: { name: 'Eigener Zustand' } }, 1))
    // The second entry is this socket's own; once it shows, the spoof before it has been handled.
    await vi.waitFor(() => expect(roomStates().get(4242)?.user?.name).toBe('Eigener Zustand'))
    expect(roomStates().get(watcher.doc.clientID)?.user?.name).toBe('Echt')
    expect(watcher.awareness.getStates().get(watcher.doc.clientID)?.user?.name).toBe('Echt')
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)
    await expectBoardUnharmed(server, board, watcher)
  })

  it('keeps an update that depends on changes it never had out of the board, asks for them, and takes them with the answer', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(watcher.doc))
    const synced = Y.encodeStateVector(offline)
    writeNote(offline, 'never-sent', 'Offline geschrieben')
    const before = Y.encodeStateVector(offline)
    writeNote(offline, 'depends', 'Baut darauf auf')
    const orphan = Y.encodeStateAsUpdate(offline, before)
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    await raw.nextMessage()
    // A client back from offline that edits before its answer to the server's request went out.
    raw.socket.send(syncUpdateMessage(orphan))
    let request = await raw.nextMessage()
    while (!(request[0] === MessageType.SYNC && request[1] === syncProtocol.messageYjsSyncStep1)) request = await raw.nextMessage()
    expect(server.app.rooms.peek(board.id)!.doc.store.pendingStructs).toBeNull()
    expect(noteText((await freshView(server, board.id, board.tokens.viewer)), 'depends')).toBeUndefined()
    // Its answer brings everything, and both notes arrive.
    raw.socket.send(syncAnswerMessage(Y.encodeStateAsUpdate(offline, synced)))
    await waitForDoc(watcher.doc, (doc) => noteText(doc, 'depends') === 'Baut darauf auf' && noteText(doc, 'never-sent') === 'Offline geschrieben')
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)
    await expectBoardUnharmed(server, board, watcher)
  })

  it('refuses an answer that depends on changes the server never had (4400), and never hands it on', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(watcher.doc))
    writeNote(forger, 'never-sent', 'Nie gesendet')
    const before = Y.encodeStateVector(forger)
    writeNote(forger, 'depends', 'Hängt davon ab')
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    await raw.nextMessage()
    raw.socket.send(syncAnswerMessage(Y.encodeStateAsUpdate(forger, before)))
    expect((await raw.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, watcher)
    const fresh = await freshView(server, board.id, board.tokens.viewer)
    expect(noteText(fresh, 'depends')).toBeUndefined()
    expect(noteText(fresh, 'never-sent')).toBeUndefined()
    expect(server.app.rooms.peek(board.id)!.doc.store.pendingStructs).toBeNull()
  })

  it('answers a burst of sync requests with one encoding per turn, not one each', async () => {
    const { server, board } = await boardWithWatcher()
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.viewer))
    await raw.opened
    await raw.nextMessage()
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MessageType.SYNC)
    syncProtocol.writeSyncStep1(step1, new Y.Doc())
    const request = encoding.toUint8Array(step1)
    const burst = 400
    for (let i = 0; i < burst; i++) raw.socket.send(request)
    // Messages of one socket are handled in order: once this socket's own presence comes back, the burst was handled.
    raw.socket.send(awarenessMessage(4242, { user: { name: 'Zähler' } }))
    let answers = 0
    for (;;) {
      const message = await raw.nextMessage()
      if (message[0] === MessageType.SYNC && message[1] === syncProtocol.messageYjsSyncStep2) answers++
      if (message[0] === MessageType.AWARENESS && new TextDecoder().decode(message).includes('Zähler')) break
    }
    expect(answers).toBeGreaterThanOrEqual(1)
    expect(answers).toBeLessThan(burst / 4)
  })

  it('refuses a forged board schema and closes the socket that wrote it', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    const original = watcher.doc.getMap('meta').get('schema')
    expect(original).toBeTruthy()
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(watcher.doc))
    const before = Y.encodeStateVector(forger)
    forger.getMap('meta').set('schema', { schemaVersion: 99 })
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    await raw.nextMessage()
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(forger, before)))
    expect((await raw.closed).code).toBe(CloseCode.FORBIDDEN)
    const fresh = await freshView(server, board.id, board.tokens.viewer)
    expect(fresh.getMap('meta').get('schema')).toEqual(original)
    await waitForDoc(watcher.doc, (doc) => JSON.stringify(doc.getMap('meta').get('schema')) === JSON.stringify(original))
    await expectBoardUnharmed(server, board, watcher)
  })

  it('caps viewers apart from the people working on the board', async () => {
    const { server, board } = await boardWithWatcher()
    const viewers = Array.from({ length: MAX_VIEWER_CONNECTIONS_PER_BOARD }, () =>
      openRawSocket(syncUrl(server, board.id, board.tokens.viewer)),
    )
    // Each admitted socket gets the server's sync step 1 first.
    await Promise.all(viewers.map(async (viewer) => viewer.nextMessage()))
    const oneTooMany = openRawSocket(syncUrl(server, board.id, board.tokens.viewer))
    expect((await oneTooMany.closed).code).toBe(CloseCode.TOO_MANY)
    const participant = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(participant)
    expect(noteText(participant.doc, 'before')).toBe('Vorher')
  })

  it('closes a socket that floods the server with 4429', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
    await raw.opened
    const query = new Uint8Array([MessageType.QUERY_AWARENESS])
    for (let i = 0; i < 2000; i++) raw.socket.send(query)
    expect((await raw.closed).code).toBe(CloseCode.TOO_MANY)
    await expectBoardUnharmed(server, board, watcher)
  })

  it('drops a viewer’s sync step 2 but keeps the viewer connected', async () => {
    const { server, board, watcher } = await boardWithWatcher()
    const raw = openRawSocket(syncUrl(server, board.id, board.tokens.viewer))
    await raw.opened
    await raw.nextMessage()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(watcher.doc))
    writeNote(doc, 'viewer-step2', 'Vom Gast')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.SYNC)
    syncProtocol.writeSyncStep2(encoder, doc)
    raw.socket.send(encoding.toUint8Array(encoder))
    // Messages of one socket are handled in order: the answer to this step 1 means the step 2 before it was handled.
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MessageType.SYNC)
    syncProtocol.writeSyncStep1(step1, new Y.Doc())
    raw.socket.send(encoding.toUint8Array(step1))
    let answer = await raw.nextMessage()
    while (!(answer[0] === MessageType.SYNC && answer[1] === syncProtocol.messageYjsSyncStep2)) answer = await raw.nextMessage()
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)
    const fresh = await freshView(server, board.id, board.tokens.viewer)
    expect(noteText(fresh, 'viewer-step2')).toBeUndefined()
    await expectBoardUnharmed(server, board, watcher)
  })
})
