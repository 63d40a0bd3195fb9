/**
 * One load generator process of the comparison benchmark (see compare.ts). It holds the sockets of
 * the boards it was given, all of them, so that a writer and the clients that see its edits share
 * one clock. Most clients are light: they speak the sync protocol with prepared messages, never
 * build a document and read of what arrives only what is timed. The writers are real Yjs clients
 * writing sticky notes, as a browser does, so that a server that checks records accepts them.
 *
 * Timed: an edit from the writer's transaction to its arrival at each other client of its board
 * (found by the Yjs client id and clock range in the update, so merged updates count too), and a
 * cursor move from its send to its arrival (the time travels in the awareness state).
 *
 * Messages from the parent: connect, go, stop, close; answers: connected, result.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { getRecordsMap } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { Histogram } from './histogram.ts'

export type WireFlavour = 'y-websocket' | 'hocuspocus'

export interface BoardAssignment {
  url: string
  /** The document's name, sent in every message (Hocuspocus). */
  documentName: string
  clients: number
  writers: number
}

export interface ConnectCommand {
  type: 'connect'
  flavour: WireFlavour
  boards: BoardAssignment[]
  cursorHz: number
  editsPerSecondPerWriter: number
  /** Sockets opening at once. */
  concurrency: number
}

export type ParentCommand = ConnectCommand | { type: 'go' } | { type: 'stop' } | { type: 'close' }

export type WorkerReport =
  | { type: 'connected'; sockets: number; failed: number; connectMs: number; lastSyncedMs: number }
  | {
      type: 'result'
      cursor: Array<[number, number]>
      edit: Array<[number, number]>
      editsSent: number
      editsExpected: number
      editsSeen: number
      closedSockets: number
      cpuPercent: number
    }

const now = () => performance.now()
const MESSAGE = { SYNC: 0, AWARENESS: 1, AUTH: 2, SYNC_REPLY: 4 } as const
const EMPTY_STATE_VECTOR_STEP_1 = [0, 0, 1, 0]
const EMPTY_STEP_2 = [0, 1, 2, 0, 0]

const cursorDelays = new Histogram()
const editDelays = new Histogram()
let measuring = false
let editsSent = 0
let editsExpected = 0
let editsSeen = 0
let closedSockets = 0

/** When each writer's edits (by Yjs client id) left: clock ranges in order. */
const sentEdits = new Map<number, Array<{ start: number; end: number; at: number }>>()

function frame(flavour: WireFlavour, documentName: string, payload: ArrayLike<number>): Uint8Array {
  if (flavour === 'y-websocket') return payload instanceof Uint8Array ? payload : Uint8Array.from(payload)
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeUint8Array(encoder, payload instanceof Uint8Array ? payload : Uint8Array.from(payload))
  return encoding.toUint8Array(encoder)
}

function timeEdits(update: Uint8Array, at: number, self: number | undefined): void {
  const meta = Y.parseUpdateMeta(update)
  for (const [client, from] of meta.from) {
    // Some servers send a writer its own edits back; those are not timed.
    const edits = client === self ? undefined : sentEdits.get(client)
    if (!edits) continue
    const to = meta.to.get(client) ?? from
    for (const edit of edits) {
      if (edit.start >= from && edit.start < to) {
        editsSeen++
        editDelays.add(at - edit.at)
      }
    }
  }
}

/** Reads the send times out of an awareness update without building any state. */
function timeCursors(update: Uint8Array, at: number): void {
  const decoder = decoding.createDecoder(update)
  const entries = decoding.readVarUint(decoder)
  for (let i = 0; i < entries; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    const index = json.indexOf('"t":')
    if (index < 0) continue
    const sentAt = Number.parseFloat(json.slice(index + 4))
    if (Number.isFinite(sentAt)) cursorDelays.add(at - (sentAt - performance.timeOrigin))
  }
}

class BenchSocket {
  readonly socket: WebSocket
  synced = false
  private readonly clientId = Math.floor(Math.random() * 2 ** 31)
  private awarenessClock = 0
  readonly doc: Y.Doc | undefined

  constructor(
    readonly flavour: WireFlavour,
    readonly board: BoardAssignment,
    writer: boolean,
    private readonly onSynced: (socket: BenchSocket) => void,
  ) {
    this.socket = new WebSocket(board.url, { perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    if (writer) {
      this.doc = new Y.Doc()
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'remote') return
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MESSAGE.SYNC)
        syncProtocol.writeUpdate(encoder, update)
        this.send(encoding.toUint8Array(encoder))
      })
    }
    this.socket.on('open', () => {
      if (flavour === 'hocuspocus') {
        const auth = encoding.createEncoder()
        encoding.writeVarUint(auth, MESSAGE.AUTH)
        encoding.writeVarUint(auth, 0)
        encoding.writeVarString(auth, '')
        this.send(encoding.toUint8Array(auth))
      }
      if (this.doc) {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MESSAGE.SYNC)
        syncProtocol.writeSyncStep1(encoder, this.doc)
        this.send(encoding.toUint8Array(encoder))
      } else {
        this.send(EMPTY_STATE_VECTOR_STEP_1)
      }
    })
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    this.socket.on('close', () => closedSockets++)
    this.socket.on('error', () => {})
  }

  private send(payload: ArrayLike<number>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame(this.flavour, this.board.documentName, payload))
  }

  private receive(data: Uint8Array): void {
    const at = now()
    const decoder = decoding.createDecoder(data)
    if (this.flavour === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE.SYNC || type === MESSAGE.SYNC_REPLY) {
      if (this.doc) {
        const start = decoder.pos
        const syncType = decoding.readVarUint(decoder)
        if (measuring && syncType === syncProtocol.messageYjsUpdate) {
          const peek = decoding.createDecoder(data)
          peek.pos = decoder.pos
          timeEdits(decoding.readVarUint8Array(peek), at, this.doc.clientID)
        }
        decoder.pos = start
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MESSAGE.SYNC)
        syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'remote')
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder))
        if (syncType === syncProtocol.messageYjsSyncStep2) this.markSynced()
        return
      }
      const syncType = decoding.readVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) this.send(EMPTY_STEP_2)
      else if (syncType === syncProtocol.messageYjsSyncStep2) this.markSynced()
      else if (syncType === syncProtocol.messageYjsUpdate && measuring) timeEdits(decoding.readVarUint8Array(decoder), at, undefined)
    } else if (type === MESSAGE.AWARENESS && measuring) {
      timeCursors(decoding.readVarUint8Array(decoder), at)
    }
  }

  private markSynced(): void {
    if (this.synced) return
    this.synced = true
    this.onSynced(this)
  }

  moveCursor(): void {
    const state = `{"cursor":{"x":${Math.round(Math.random() * 1000)},"y":${Math.round(Math.random() * 1000)}},"t":${performance.timeOrigin + now()}}`
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, this.clientId)
    encoding.writeVarUint(inner, ++this.awarenessClock)
    encoding.writeVarString(inner, state)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.AWARENESS)
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
    this.send(encoding.toUint8Array(encoder))
  }

  private edits = 0

  edit(): void {
    const doc = this.doc!
    const start = Y.getState(doc.store, doc.clientID)
    const key = `${doc.clientID}-${this.edits++}`
    const at = now()
    const note = testNote(key, `Notiz ${key}`)
    doc.transact(() => getRecordsMap(doc).set(note.id, note))
    const end = Y.getState(doc.store, doc.clientID)
    let edits = sentEdits.get(doc.clientID)
    if (!edits) sentEdits.set(doc.clientID, (edits = []))
    edits.push({ start, end, at })
    editsSent++
    editsExpected += this.board.clients - 1
  }
}

const sockets: BenchSocket[] = []
const timers: NodeJS.Timeout[] = []
let command: ConnectCommand

function report(message: WorkerReport): void {
  process.send!(message)
}

async function connect(next: ConnectCommand): Promise<void> {
  command = next
  const startedAt = now()
  let lastSyncedAt = startedAt
  const plan: Array<{ board: BoardAssignment; writer: boolean }> = []
  for (const board of next.boards) for (let i = 0; i < board.clients; i++) plan.push({ board, writer: i < board.writers })
  let failed = 0
  let index = 0
  const openOne = async (): Promise<void> => {
    while (index < plan.length) {
      const { board, writer } = plan[index++]!
      await new Promise<void>((resolve) => {
        const socket = new BenchSocket(next.flavour, board, writer, () => {
          lastSyncedAt = now()
          resolve()
        })
        socket.socket.once('close', () => {
          if (!socket.synced) {
            failed++
            resolve()
          }
        })
        sockets.push(socket)
      })
    }
  }
  await Promise.all(Array.from({ length: next.concurrency }, openOne))
  report({ type: 'connected', sockets: sockets.length, failed, connectMs: now() - startedAt, lastSyncedMs: lastSyncedAt - startedAt })
}

let cpuAtGo = process.cpuUsage()
let timeAtGo = now()

function go(): void {
  cursorDelays.clear()
  editDelays.clear()
  editsSent = 0
  editsExpected = 0
  editsSeen = 0
  measuring = true
  cpuAtGo = process.cpuUsage()
  timeAtGo = now()
  const { cursorHz, editsPerSecondPerWriter } = command
  const writers = sockets.filter((socket) => socket.doc)
  sockets.forEach((socket, i) => {
    if (cursorHz > 0) {
      // Spread over the interval, so that cursors arrive as people move them, not in waves.
      const offset = ((i * 7919) % 1000) / cursorHz
      timers.push(setTimeout(() => timers.push(setInterval(() => socket.moveCursor(), 1000 / cursorHz)), offset))
    }
  })
  writers.forEach((socket, i) => {
    if (editsPerSecondPerWriter <= 0) return
    const period = 1000 / editsPerSecondPerWriter
    const offset = ((i * 104729) % 1000) / 1000 * period
    timers.push(setTimeout(() => timers.push(setInterval(() => socket.edit(), period)), offset))
  })
}

async function stop(): Promise<void> {
  for (const timer of timers) clearTimeout(timer)
  timers.length = 0
  const cpu = process.cpuUsage(cpuAtGo)
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (now() - timeAtGo)) * 100
  // Edits still on their way: wait for them (a server that lost one shows as missing).
  const deadline = now() + 5000
  while (editsSeen < editsExpected && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  measuring = false
  report({
    type: 'result',
    cursor: cursorDelays.toPairs(),
    edit: editDelays.toPairs(),
    editsSent,
    editsExpected,
    editsSeen,
    closedSockets,
    cpuPercent: Math.round(cpuPercent),
  })
}

process.on('message', (message: ParentCommand) => {
  switch (message.type) {
    case 'connect':
      void connect(message)
      break
    case 'go':
      go()
      break
    case 'stop':
      void stop()
      break
    case 'close':
      for (const socket of sockets) socket.socket.terminate()
      process.exit(0)
  }
})
