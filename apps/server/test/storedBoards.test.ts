/**
 * Boards stored before the server checked what participants write: the server loads them,
 * leaves out what no board may hold (and stores that repair), serves the rest, and exports
 * them so that they import again. A board it cannot read at all is isolated while every other
 * board goes on.
 */
import { describe, expect, it, vi } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import type { TLRecord } from '@tldraw/tlschema'
import { getRecordsArray, readBoardRecords } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { CloseCode, MessageType } from '@dorfplatz/protocol'
import { loadChecks } from '../src/sync/repairBoardDoc.ts'
import { connectHostile, syncRequestMessage } from './hostileClient.ts'
import { connectProvider, noteText, openRawSocket, startTestServer, waitForDoc, waitForSync, writeNote, type TestServer } from './testServer.ts'

/** Writes `change` into the stored board as an old server would have accepted it, while the board is not loaded. */
async function storeAsBefore(server: TestServer, boardId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const stored = await server.app.storage.loadDocument(boardId)
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  const before = Y.encodeStateVector(doc)
  change(doc)
  await server.app.storage.appendUpdates(boardId, [Y.encodeStateAsUpdate(doc, before)])
  doc.destroy()
}

const invalidNote = (name: string) => ({ ...testNote(name, 'kaputt'), props: null }) as unknown as TLRecord

describe('boards stored before records were checked', () => {
  it('loads them without what no board may hold, serves the rest, stores the repair, and exports files that import again', async () => {
    const server = await startTestServer()
    const board = await server.createBoard('Altbestand')
    await storeAsBefore(server, board.id, (doc) => {
      const records = getRecordsArray(doc) as Y.Array<unknown>
      records.push([{ key: 'shape:good', val: testNote('good', 'Gute Idee') }])
      records.push([{ key: 'shape:bad', val: invalidNote('bad') }])
      records.push([{ key: 'virus:1', val: { id: 'virus:1', typeName: 'virus' } }, 'kein Eintrag'])
      doc.getMap('test').set('x', 1)
      const shallow = new Y.Map<unknown>()
      doc.getMap('shallow').set('nested', shallow)
      shallow.set('inner', new Y.Array())
      // A deep chain, as an attacker left it: deleting it would overflow every peer's stack, so it stays, inert.
      let map = doc.getMap<unknown>('deep')
      for (let level = 0; level < 2000; level++) {
        const next = new Y.Map<unknown>()
        map.set('k', next)
        map = next
      }
    })

    const participant = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(participant)
    const records = readBoardRecords(participant.doc)
    expect(noteText(participant.doc, 'good')).toBe('Gute Idee')
    expect(records.has('shape:bad')).toBe(false)
    expect(records.has('virus:1')).toBe(false)
    expect(getRecordsArray(participant.doc).toArray().every((entry) => typeof entry === 'object' && entry !== null && 'key' in entry)).toBe(true)
    expect(participant.doc.getMap('test').size).toBe(0)
    expect(participant.doc.getMap('shallow').size).toBe(0)
    expect(participant.doc.getMap('deep').has('k')).toBe(true)

    // Honest work goes on, and leaving takes the automatic snapshot (which drew the sketch from these records).
    writeNote(participant.doc, 'new', 'Neu')
    const witness = connectProvider(server, board.id, board.tokens.viewer)
    await waitForDoc(witness.doc, (doc) => noteText(doc, 'new') === 'Neu')
    participant.destroy()
    witness.destroy()
    await vi.waitFor(async () => expect(await server.app.storage.listSnapshots(board.id)).toHaveLength(1))

    // The repair was stored: a restarted server starts from the repaired board.
    await server.close()
    const again = await startTestServer({ DORFPLATZ_DATA_DIR: server.config.dataDir })
    const stored = await again.app.storage.loadDocument(board.id)
    const fromStorage = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(fromStorage, update)
    expect(readBoardRecords(fromStorage).has('shape:bad')).toBe(false)
    expect(noteText(fromStorage, 'new')).toBe('Neu')

    const file = await fetch(`${again.url}/api/boards/${board.id}/file`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(file.status).toBe(200)
    const other = await again.createBoard('Ziel')
    const imported = await fetch(`${again.url}/api/boards/${other.id}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.tokens.facilitator}`, 'content-type': 'application/json' },
      body: await file.text(),
    })
    expect(imported.status).toBe(201)
    expect(((await imported.json()) as { shapes: number }).shapes).toBe(2)
  })

  it('sends a board stored as one update as it was read, unless the repair changed it', async () => {
    const server = await startTestServer()
    const clean = await server.createBoard('Verdichtet')
    const dirty = await server.createBoard('Verdichtet, kaputt')
    // Each board compacted into one stored update, as unloading leaves it.
    for (const [board, records] of [
      [clean, [{ key: 'shape:good', val: testNote('good', 'Gute Idee') }]],
      [dirty, [{ key: 'shape:good', val: testNote('good', 'Gute Idee') }, { key: 'shape:bad', val: invalidNote('bad') }]],
    ] as const) {
      const stored = await server.app.storage.loadDocument(board.id)
      const doc = new Y.Doc()
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      ;(getRecordsArray(doc) as Y.Array<unknown>).push([...records])
      await server.app.storage.compact(board.id, Y.encodeStateAsUpdate(doc), stored.lastSeq)
      expect((await server.app.storage.loadDocument(board.id)).updates).toHaveLength(1)
      doc.destroy()
    }
    // The first answer alone, before any later change could mend it.
    for (const board of [clean, dirty]) {
      const newcomer = await connectHostile(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}`)
      expect(noteText(newcomer.doc, 'good')).toBe('Gute Idee')
      expect(readBoardRecords(newcomer.doc).has('shape:bad')).toBe(false)
    }
  })

  it('sends a board it stored itself to a newcomer with nothing first, as read, before anything else', async () => {
    const server = await startTestServer({ DORFPLATZ_IDLE_UNLOAD_MS: '0' })
    const board = await server.createBoard('Wieder geöffnet')
    const participant = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(participant)
    writeNote(participant.doc, 'idee', 'Dorfladen')
    await vi.waitFor(async () => expect((await server.app.storage.loadDocument(board.id)).updates.length).toBeGreaterThan(1))
    participant.destroy()
    // Unloading compacts the board and vouches for it.
    await vi.waitFor(() => expect(server.app.rooms.peek(board.id)).toBeUndefined())
    await vi.waitFor(async () => expect((await server.app.storage.loadDocument(board.id)).stateCheckedBy).toBe(loadChecks()))

    const raw = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}`)
    await raw.opened
    raw.socket.send(syncRequestMessage(new Uint8Array([0])))
    // Once the board is loaded, the room's own messages (its sync request, presence) come after it.
    const first = decoding.createDecoder(await raw.nextMessage())
    expect([decoding.readVarUint(first), decoding.readVarUint(first)]).toEqual([MessageType.SYNC, syncProtocol.messageYjsSyncStep2])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, decoding.readVarUint8Array(first))
    expect(noteText(doc, 'idee')).toBe('Dorfladen')
    raw.socket.close()
  })

  it('keeps snapshots saved before the checks from bringing invalid records back', async () => {
    const server = await startTestServer()
    const board = await server.createBoard('Versionen')
    // A version taken of a board that held an invalid record.
    const snapshotDoc = new Y.Doc()
    for (const update of (await server.app.storage.loadDocument(board.id)).updates) Y.applyUpdate(snapshotDoc, update)
    ;(getRecordsArray(snapshotDoc) as Y.Array<unknown>).push([
      { key: 'shape:old', val: testNote('old', 'Alt') },
      { key: 'shape:bad', val: invalidNote('bad') },
    ])
    await server.app.storage.saveSnapshot(board.id, {
      id: 'before-checks',
      name: 'Alt',
      kind: 'manual',
      createdAt: Date.now(),
      state: Y.encodeStateAsUpdate(snapshotDoc),
      thumbnail: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    const auth = { authorization: `Bearer ${board.tokens.facilitator}` }
    const restored = await fetch(`${server.url}/api/boards/${board.id}/snapshots/before-checks/restore`, { method: 'POST', headers: auth })
    expect(restored.status).toBe(200)
    const viewer = connectProvider(server, board.id, board.tokens.viewer)
    await waitForSync(viewer)
    expect(noteText(viewer.doc, 'old')).toBe('Alt')
    expect(readBoardRecords(viewer.doc).has('shape:bad')).toBe(false)

    const file = await fetch(`${server.url}/api/boards/${board.id}/snapshots/before-checks/file`, { headers: auth })
    const records = ((await file.json()) as { records: Array<{ id: string }> }).records.map((record) => record.id)
    expect(records).toContain('shape:old')
    expect(records).not.toContain('shape:bad')
  })
})

describe('a board that cannot be read', () => {
  it('is isolated and reported, answering 1011 and 503, while every other board goes on', async () => {
    const server = await startTestServer()
    const broken = await server.createBoard('Kaputt')
    const fine = await server.createBoard('Heil')
    // Bytes no Yjs update is made of, as a damaged disk or an old bug might have left them.
    await server.app.storage.appendUpdates(broken.id, [new Uint8Array([0, 3, 255, 255, 255, 255, 15, 7, 7])])

    const socket = openRawSocket(`${server.wsUrl}/sync/${broken.id}?token=${broken.tokens.participant}`)
    expect((await socket.closed).code).toBe(CloseCode.BOARD_UNAVAILABLE)
    const report = await fetch(`${server.url}/api/boards/${broken.id}/report.md`, { headers: { authorization: `Bearer ${broken.tokens.facilitator}` } })
    expect(report.status).toBe(503)
    const body = (await report.json()) as { message: string }
    expect(body.message).toBe('This board cannot be opened right now.')

    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; boardsIsolated: Array<{ id: string }> }
    expect(health.status).toBe('ok')
    expect(health.boardsIsolated.map((entry) => entry.id)).toEqual([broken.id])

    const a = connectProvider(server, fine.id, fine.tokens.participant)
    const b = connectProvider(server, fine.id, fine.tokens.viewer)
    await Promise.all([waitForSync(a), waitForSync(b)])
    writeNote(a.doc, 'weiter', 'Es geht weiter')
    await waitForDoc(b.doc, (doc) => noteText(doc, 'weiter') === 'Es geht weiter')
  })
})
