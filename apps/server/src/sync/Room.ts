/**
 * One board in memory: its Y.Doc, the awareness of everyone present and a session for
 * each of their sockets (see ClientSession). Everything a turn of the event loop produces is handled in one
 * flush: the turn's document updates are appended durably in one transaction
 * first, and only then does anything go out, one batch per socket.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { FastifyBaseLogger } from 'fastify'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import {
  FacilitationKey,
  KeyValueArray,
  authorStamp,
  checkCommentEntry,
  COMMENT_PREFIX,
  getCommentAuthorsMap,
  getCommentsMap,
  USER_FIELD,
  getAuthorsMap,
  isAuthoredRecord,
  nextRecordAuthors,
  readAwarenessUser,
  readRecordAuthorsValue,
  type AuthorStamp,
  type KeyValueChange,
  type RecordAuthors,
  compareSchema,
  getFacilitationMap,
  getRecordsArray,
  isBoardFrozen,
  carriedFromClaim,
  privateRoundClaim,
  readBoardSchema,
} from '@dorfplatz/board'
import {
  CloseCode,
  MAX_EDITOR_CONNECTIONS_PER_BOARD,
  MAX_VIEWER_CONNECTIONS_PER_BOARD,
  MessageType,
  type Role,
} from '@dorfplatz/protocol'
import type { BoardBus, BusMessage } from '../bus/BoardBus.ts'
import type { AppendResult, DocumentLog } from '../storage/DocumentLog.ts'
import type { DeletedShape, HistoryLog } from '../storage/HistoryLog.ts'
import { HiddenCursors } from './HiddenCursors.ts'
import { HistoryRecorder } from './HistoryRecorder.ts'
import { NO_OBSERVER, type SyncObserver } from './SyncObserver.ts'
import { checkIncomingRecord, isServerSchema, serverSchemaJson } from './boardRecordCheck.ts'
import { ClientSession, MAX_AWARENESS_IDS_PER_SESSION } from './ClientSession.ts'
import type { Connection } from './Connection.ts'
import { ProtocolError, badMessage, forbidden } from './ProtocolError.ts'
import { isRepairNeeded, loadChecks, repairBoardDoc } from './repairBoardDoc.ts'
import { checkClientUpdate, isProtectedRecord } from './updateGuard.ts'
import {
  assertValidStateVector,
  applyAwarenessEntries,
  encodeAwarenessStates,
  type AwarenessEntry,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  isEmptyStateVector,
  encodeUpdateMessage,
  readAwarenessUpdate,
} from './syncMessages.ts'

/** Logged updates after which the log is merged into the state row. */
export const COMPACT_AFTER_UPDATES = 500

/** The origin of the server's repair of a stored board (see repairBoardDoc). */
const REPAIR_ORIGIN = Symbol('repair')

/** A board that cannot be served: its stored document cannot be read, or it is newer than this server. */
export class BoardUnavailableError extends Error {
  constructor(why: string) {
    super(`The board cannot be opened: ${why}.`)
  }
}

/**
 * The origin of what another instance stored, applied from the bus or from the database: it is
 * relayed to this instance's sockets, but not stored again and not published again.
 */
const FROM_ELSEWHERE = Symbol('from another instance')

/** Owner of presence that another instance's sockets speak for: no socket here may speak for it. */
const ELSEWHERE_OWNER = Symbol('presence owned by another instance')

/** The origin of the server's own writes to the authors root (see recordAuthors). */
const AUTHORS_ORIGIN = Symbol('authors')

/** The origin of shapes brought back from the history (see restoreShapes): they keep their stored authors. */
const RESTORE_ORIGIN = Symbol('restore from history')

/** How soon a socket's changes reach the stored history; the rows of one person and minute are merged when read. */
export const HISTORY_WRITE_MS = 5_000

/** A state vector of a client that has nothing: its sync request asks for the whole board. */
const EMPTY_STATE_VECTOR = new Uint8Array([0])

/**
 * The shortest time between two flushes of a board's presence alone. Cursors are the flood (ten
 * moves a second per person): a board relays them at most this often, everyone's moves of that
 * time in one message, so that each socket gets one write per interval instead of one per move.
 * Document changes, sync answers and presence queries are not held back.
 */
export const PRESENCE_FLUSH_MS = 25

/** Stands for "leave nothing out" when relaying: never the origin of an update. */
const ALL_UPDATES = Symbol('all updates')

/**
 * The boards with something to flush in this turn of the event loop, flushed in one callback:
 * their appends are then made one after another in the same run, and the storage commits them
 * together (see SqliteBoardStorage.appendUpdates) before any board relays.
 */
const boardsToFlush = new Set<Room>()

function flushBoardsSoon(room: Room): void {
  if (boardsToFlush.size === 0) setImmediate(flushBoards)
  boardsToFlush.add(room)
}

function flushBoards(): void {
  const rooms = [...boardsToFlush]
  boardsToFlush.clear()
  for (const room of rooms) void room.flush()
}

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** The board's records by id, kept current from the doc; never writes. */
  private readonly records: KeyValueArray<TLRecord>
  private readonly sessions = new Map<Connection, ClientSession>()
  private readonly awarenessOwners = new Map<number, ClientSession | typeof ELSEWHERE_OWNER>()
  private pendingUpdates: PendingUpdate[] = []
  private pendingAwareness = new Set<number>()
  /** Presence changes made here (not arrived from another instance), to publish on the bus. */
  private pendingLocalAwareness = new Set<number>()
  private flushChain: Promise<void> = Promise.resolve()
  /** Every update of the board's log up to this sequence number is in the doc (see catchUp). */
  private appliedSeq: number
  private catchUpChain: Promise<void> = Promise.resolve()
  /** Updates this instance stored since its last compaction. */
  private loggedUpdates: number
  private closed = false
  private destroyed = false
  /** Whether a client changed the document since takeClientChanges() was last called. */
  private clientChanges = false
  private failed = false
  /** When presence last went out (performance.now()), and the timer of the next presence flush (see PRESENCE_FLUSH_MS). */
  private lastPresenceFlush = Number.NEGATIVE_INFINITY
  private presenceTimer: NodeJS.Timeout | null = null
  /** When the first of the updates waiting for the next flush arrived (performance.now(); for the relay-time metric). */
  private firstPendingAt = 0
  /**
   * The answer to a newcomer with nothing yet (an empty state vector): the whole board. Encoding a
   * large board takes tens of milliseconds, and people join a workshop together, so it is kept
   * until the board next changes.
   */
  private wholeBoardAnswer: Uint8Array | null = null
  /** The server's state vector as a sync request, kept like wholeBoardAnswer: every newcomer gets it. */
  private stateRequest: Uint8Array | null = null
  /**
   * Whether this room's compactions may say the board passed loadChecks: it was loaded checked, or
   * repaired, and everything since came through the update guard or from the server. Not after a
   * repair that had to leave nested content too deep to delete in place.
   */
  private vouchesForBoard = true
  /** Whether participants' cursors are hidden, and what of their presence was last relayed (see HiddenCursors). */
  private readonly hiddenCursors = new HiddenCursors()

  /** The board's history gathered since it was last stored (see recordHistory). */
  private readonly history: HistoryRecorder
  private historyTimer: NodeJS.Timeout | null = null

  private constructor(
    readonly boardId: string,
    private readonly storage: DocumentLog & HistoryLog,
    private readonly log: FastifyBaseLogger,
    private readonly onEmpty: (room: Room) => void,
    private readonly onFailure: (room: Room, cause: 'storage' | 'processing') => void,
    private readonly onDeletedElsewhere: (room: Room) => void,
    stored: { doc: Y.Doc; lastSeq: number; loggedUpdates: number; wholeBoardAnswer: Uint8Array | null },
    private readonly bus: BoardBus | undefined,
    private readonly observer: SyncObserver,
  ) {
    this.doc = stored.doc
    this.appliedSeq = stored.lastSeq
    this.loggedUpdates = stored.loggedUpdates
    // Stored as one update, the board can be sent as it was read; any change (a repair included)
    // drops this answer like every other.
    this.wholeBoardAnswer = stored.wholeBoardAnswer
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.records = new KeyValueArray<TLRecord>(getRecordsArray(this.doc), { readonly: true })
    this.history = new HistoryRecorder(this.doc)
    this.records.on('change', (changes, transaction) => {
      // History first: it keeps a deleted shape's authors entry, which recordAuthors then removes.
      this.recordHistory(changes, transaction.origin)
      this.recordAuthors(changes, transaction.origin)
    })
    getCommentsMap(this.doc).observe((event) => this.recordCommentAuthors(event))
    this.hiddenCursors.set(getFacilitationMap(this.doc).get(FacilitationKey.CURSORS_HIDDEN) === true)
    getFacilitationMap(this.doc).observe((event) => {
      if (event.keysChanged.has(FacilitationKey.FREEZE) && !isBoardFrozen(this.doc)) this.askForHeldBackChanges()
      if (event.keysChanged.has(FacilitationKey.CURSORS_HIDDEN)) {
        const hidden = getFacilitationMap(this.doc).get(FacilitationKey.CURSORS_HIDDEN) === true
        // Everyone's presence goes out again: stripped now, or whole again with the cursors.
        if (this.hiddenCursors.set(hidden)) for (const id of this.awareness.getStates().keys()) this.pendingAwareness.add(id)
      }
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.wholeBoardAnswer = null
      this.stateRequest = null
      // Updates from a socket are people's changes; the server's own (timer, votes) do not count.
      if (origin instanceof ClientSession) this.clientChanges = true
      if (this.pendingUpdates.length === 0) this.firstPendingAt = performance.now()
      this.pendingUpdates.push({ update, origin })
      this.scheduleFlush()
    })
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        for (const id of [...added, ...updated, ...removed]) {
          this.pendingAwareness.add(id)
          if (origin !== FROM_ELSEWHERE) this.pendingLocalAwareness.add(id)
        }
        this.schedulePresenceFlush()
      },
    )
    bus?.subscribe(boardId, (message) => this.receiveFromBus(message))
  }

  /**
   * What another instance stored (or its presence), from the bus. An update that follows on from
   * what this instance has is applied at once; after a gap (a message lost, or not yet arrived) the
   * board catches up from the database instead, in order.
   */
  private receiveFromBus(message: BusMessage): void {
    if (this.closed) return
    if (message.kind === 'deleted') {
      this.onDeletedElsewhere(this)
      return
    }
    if (message.kind === 'presence') {
      const entries = readAwarenessUpdate(message.update)
      for (const { clientId, state } of entries) {
        if (this.awarenessOwners.get(clientId) instanceof ClientSession) continue
        if (state === null) this.awarenessOwners.delete(clientId)
        else this.awarenessOwners.set(clientId, ELSEWHERE_OWNER)
      }
      applyAwarenessEntries(this.awareness, entries, FROM_ELSEWHERE)
      return
    }
    if (message.lastSeq <= this.appliedSeq) return
    if (message.previousSeq !== this.appliedSeq) {
      void this.catchUp()
      return
    }
    Y.applyUpdate(this.doc, message.update, FROM_ELSEWHERE)
    this.appliedSeq = message.lastSeq
  }

  /** The highest sequence number of the board's log this room is sure to have (for the registry's reconciliation). */
  get seq(): number {
    return this.appliedSeq
  }

  /**
   * Brings in whatever the board's log has beyond what this room has applied (another instance
   * stored it, and its message was lost or has not arrived). Catch-ups run one after another;
   * applying an update twice is harmless.
   */
  catchUp(): Promise<void> {
    this.catchUpChain = this.catchUpChain
      .then(async () => {
        if (this.closed) return
        const { updates, lastSeq } = await this.storage.loadUpdatesSince(this.boardId, this.appliedSeq)
        if (this.closed || lastSeq <= this.appliedSeq) return
        this.doc.transact(() => {
          for (const update of updates) Y.applyUpdate(this.doc, update, FROM_ELSEWHERE)
        }, FROM_ELSEWHERE)
        this.appliedSeq = lastSeq
      })
      .catch((error: unknown) => this.log.warn({ boardId: this.boardId, err: error }, 'could not catch up from storage; trying again later'))
    return this.catchUpChain
  }

  /**
   * Loads a board from storage, repairing what no board may hold (see repairBoardDoc) unless it
   * was stored checked (see loadChecks). Throws BoardUnavailableError when the stored board cannot
   * be read or was written by a newer version.
   *
   * A board stored checked, as one update (as a room leaves it when it compacts), is handed to
   * `onStoredAnswer` as a whole-board sync answer before it is decoded, which is most of the time a
   * load takes: sockets waiting for the board can have it meanwhile (see RoomRegistry.acquire).
   */
  static async load(
    boardId: string,
    storage: DocumentLog & HistoryLog,
    log: FastifyBaseLogger,
    hooks: {
      onEmpty: (room: Room) => void
      onFailure: (room: Room, cause: 'storage' | 'processing') => void
      /** Another instance deleted the board (see RoomRegistry.deleteBoard). */
      onDeletedElsewhere?: (room: Room) => void
      observer?: SyncObserver
      /** The whole board as a sync step 2, as stored, for whoever waits for it (see above); decoding waits for it to settle. */
      onStoredAnswer?: (answer: Uint8Array) => Promise<void> | void
    },
    bus?: BoardBus,
  ): Promise<Room> {
    const stored = await storage.loadDocument(boardId)
    const wholeBoardAnswer = stored.updates.length === 1 ? encodeSyncStep2FromUpdate(stored.updates[0]!) : null
    const checked = wholeBoardAnswer !== null && stored.stateCheckedBy === loadChecks()
    if (checked) await hooks.onStoredAnswer?.(wholeBoardAnswer)
    const doc = new Y.Doc()
    try {
      Y.transact(doc, () => {
        for (const update of stored.updates) Y.applyUpdate(doc, update)
      })
    } catch (error) {
      doc.destroy()
      throw new BoardUnavailableError(`its stored document cannot be read (${error instanceof Error ? error.message : String(error)})`)
    }
    const schema = readBoardSchema(doc)
    if (schema !== null && compareSchema(serverSchemaJson(), schema) === 'newer') {
      doc.destroy()
      throw new BoardUnavailableError('it was written by a newer version of Dorfplatz')
    }
    const room = new Room(
      boardId,
      storage,
      log,
      hooks.onEmpty,
      hooks.onFailure,
      hooks.onDeletedElsewhere ?? (() => {}),
      {
        doc,
        lastSeq: stored.lastSeq,
        loggedUpdates: Math.max(0, stored.updates.length - 1),
        wholeBoardAnswer,
      },
      bus,
      hooks.observer ?? NO_OBSERVER,
    )
    if (!checked) room.repair()
    return room
  }

  /** Deletes what no board may hold; the change is stored and relayed like a client's. */
  private repair(): void {
    const report = repairBoardDoc(this.doc, REPAIR_ORIGIN)
    if (report.keptDeepContent.length > 0) this.vouchesForBoard = false
    if (!isRepairNeeded(report)) return
    this.log.warn(
      {
        boardId: this.boardId,
        removedRecords: report.removedRecords.slice(0, 20),
        removedRecordCount: report.removedRecords.length,
        clearedRoots: report.clearedRoots,
        keptDeepContent: report.keptDeepContent,
      },
      'board held content no board may hold; it was left out',
    )
  }

  /**
   * Notes a socket's changes of shapes for the board's history (see HistoryRecorder), to be
   * stored within HISTORY_WRITE_MS. What another instance applied is that instance's to note.
   * Runs inside a Yjs observer, so nothing may escape it.
   */
  private recordHistory(changes: Map<string, KeyValueChange<TLRecord>>, origin: unknown): void {
    if (!(origin instanceof ClientSession)) return
    try {
      const authors = getAuthorsMap(this.doc)
      this.history.record(changes, this.authorOf(origin), this.records, (id) => authors.get(id), Date.now())
      this.scheduleHistoryWrite()
    } catch (error) {
      this.log.error({ boardId: this.boardId, err: error }, 'could not record the board’s history')
    }
  }

  private scheduleHistoryWrite(): void {
    if (this.historyTimer !== null || !this.history.hasPending) return
    this.historyTimer = setTimeout(() => {
      this.historyTimer = null
      void this.writeHistory()
    }, HISTORY_WRITE_MS)
    this.historyTimer.unref()
  }

  /** Stores the history gathered so far. A failure costs history, never the board: it is logged. */
  private async writeHistory(): Promise<void> {
    const rows = this.history.take()
    if (rows.length === 0) return
    try {
      await this.storage.appendHistory(this.boardId, rows)
    } catch (error) {
      this.log.warn({ boardId: this.boardId, err: error, rows: rows.length }, 'could not store the board’s history')
    }
  }

  /**
   * Brings deleted shapes back as they were, as one change of the server's that everyone gets,
   * with their authors entries; a shape whose parent is gone goes onto the page where it was.
   * Shapes that are on the board already, or that this server would not accept, are left out.
   * Returns the ids brought back.
   */
  restoreShapes(shapes: readonly DeletedShape[], actor: AuthorStamp): string[] {
    const restored: TLShape[] = []
    const authorsEntries: Array<[string, unknown]> = []
    const firstPage = [...this.records.map.values()].find((entry) => (entry.val as { typeName?: unknown }).typeName === 'page')?.key
    for (const { shapeId, record, authors, page } of shapes) {
      if (this.records.has(shapeId) || restored.some((shape) => shape.id === shapeId)) continue
      let shape = record as TLShape
      if (!isAuthoredRecord(shape) || shape.id !== shapeId) continue
      if (!this.records.has(shape.parentId)) {
        const pageId = page && this.records.has(page.pageId) ? page.pageId : firstPage
        if (pageId === undefined) continue
        shape = { ...shape, parentId: pageId as TLShape['parentId'], x: page?.x ?? shape.x, y: page?.y ?? shape.y, rotation: 0 }
      }
      if (checkIncomingRecord(this.doc, shapeId, shape) !== null) continue
      restored.push(shape)
      if (authors !== null && authors !== undefined) authorsEntries.push([shapeId, authors])
    }
    if (restored.length === 0) return []
    this.doc.transact(() => {
      getRecordsArray(this.doc).push(restored.map((shape) => ({ key: shape.id, val: shape })))
      const authorsMap = getAuthorsMap(this.doc)
      for (const [id, entry] of authorsEntries) authorsMap.set(id, entry)
    }, RESTORE_ORIGIN)
    this.history.recordRestored(restored, actor, this.records, Date.now())
    this.scheduleHistoryWrite()
    return restored.map((shape) => shape.id)
  }

  /** Whether the board has a record with this id now. */
  hasRecord(id: string): boolean {
    return this.records.has(id)
  }

  /** The board's history rows with what this room has not stored yet. */
  async historyRows(): Promise<Awaited<ReturnType<HistoryLog['listHistory']>>> {
    await this.writeHistory()
    return this.storage.listHistory(this.boardId)
  }

  /**
   * Keeps the authors root (see @dorfplatz/board's authors.ts) in step with the records: a shape a
   * socket created or changed gets that socket's person as createdBy/changedBy, and a deleted
   * record loses its entry, whoever deleted it. What another instance applied is left alone: that
   * instance writes its own sockets' authors. Runs inside a Yjs observer, so nothing may escape it.
   */
  private recordAuthors(changes: Map<string, KeyValueChange<TLRecord>>, origin: unknown): void {
    if (origin === FROM_ELSEWHERE || origin === AUTHORS_ORIGIN || origin === RESTORE_ORIGIN) return
    try {
      const author = origin instanceof ClientSession ? this.authorOf(origin) : null
      const authors = getAuthorsMap(this.doc)
      const now = Date.now()
      const writes: Array<[string, RecordAuthors | null]> = []
      for (const [key, change] of changes) {
        if (change.action === 'delete') {
          if (authors.has(key)) writes.push([key, null])
          continue
        }
        // Template structure is the template's, not a person's writing.
        if (author === null || !isAuthoredRecord(change.newValue) || isProtectedRecord(change.newValue)) continue
        const next = nextRecordAuthors(readRecordAuthorsValue(authors.get(key)), author, change.action === 'add', now)
        if (next) writes.push([key, next])
      }
      this.writeAuthorEntries(authors, writes)
    } catch (error) {
      this.log.error({ boardId: this.boardId, err: error }, 'could not record who changed the board')
    }
  }

  /**
   * Stamps each comment a socket added with that socket's person and the server's time (see
   * @dorfplatz/board's comments.ts), and drops the stamp of a deleted comment. Comments another
   * instance applied are stamped there. Runs inside a Yjs observer, so nothing may escape it.
   */
  private recordCommentAuthors(event: Y.YMapEvent<unknown>): void {
    const origin = event.transaction.origin
    if (origin === FROM_ELSEWHERE) return
    try {
      const author = origin instanceof ClientSession ? this.authorOf(origin) : null
      const stamps = getCommentAuthorsMap(this.doc)
      const comments = getCommentsMap(this.doc)
      const writes: Array<[string, object | null]> = []
      const now = Date.now()
      for (const [key, change] of event.changes.keys) {
        if (!key.startsWith(COMMENT_PREFIX)) continue
        if (change.action === 'delete') {
          if (!comments.has(key) && stamps.has(key)) writes.push([key, null])
        } else if (change.action === 'add' && author !== null && !stamps.has(key)) {
          writes.push([key, { ...author, at: now }])
        }
      }
      this.writeAuthorEntries(stamps, writes)
    } catch (error) {
      this.log.error({ boardId: this.boardId, err: error }, 'could not record who wrote a comment')
    }
  }

  /** Sets (or, for null, deletes) entries of a server-owned authors root, as one change of the server's. */
  private writeAuthorEntries(map: Y.Map<unknown>, writes: ReadonlyArray<readonly [string, unknown]>): void {
    if (writes.length === 0) return
    this.doc.transact(() => {
      for (const [key, value] of writes) {
        if (value === null) map.delete(key)
        else map.set(key, value)
      }
    }, AUTHORS_ORIGIN)
  }

  /** The person behind a socket: the name and colour its presence shows, the role its link grants. */
  private authorOf(session: ClientSession): AuthorStamp {
    const role = session.role === 'facilitator' ? 'facilitator' : 'participant'
    const states = this.awareness.getStates()
    for (const id of session.awarenessIds) {
      if (this.awarenessOwners.get(id) !== session) continue
      const user = readAwarenessUser(states.get(id))
      if (user === null) continue
      return authorStamp(user.name, user.color, role)
    }
    return authorStamp('', '', role)
  }

  /** Whether clients changed the board since the last call; resets the answer. */
  takeClientChanges(): boolean {
    const changed = this.clientChanges
    this.clientChanges = false
    return changed
  }

  get size(): number {
    return this.sessions.size
  }

  get isClosed(): boolean {
    return this.closed
  }

  /**
   * Admits a socket with the role its link grants; its messages (buffered until now, then live) go
   * to this room. `answeredWith` is the stored board it was sent while the board loaded (see load's
   * onStoredAnswer) in answer to its request for everything: when the board has changed since, it is
   * sent the board as it is now.
   */
  addConnection(connection: Connection, { role, tokenHash, answeredWith }: { role: Role; tokenHash: string; answeredWith?: Uint8Array }): void {
    if (this.closed) {
      connection.close(CloseCode.GOING_AWAY, 'board is being unloaded')
      return
    }
    const session = new ClientSession(connection, role, tokenHash)
    const limit = session.canEdit ? MAX_EDITOR_CONNECTIONS_PER_BOARD : MAX_VIEWER_CONNECTIONS_PER_BOARD
    let sameKind = 0
    for (const other of this.sessions.values()) if (other.canEdit === session.canEdit) sameKind++
    if (sameKind >= limit) {
      connection.close(CloseCode.TOO_MANY, 'too many connections to this board')
      return
    }
    this.sessions.set(connection, session)
    if (answeredWith !== undefined && answeredWith !== this.wholeBoardAnswer) session.syncRequest = EMPTY_STATE_VECTOR
    this.observer.socketJoined(session.role)
    connection.onClose(() => this.removeSession(session))
    connection.enqueue((this.stateRequest ??= encodeSyncStep1(this.doc)))
    const present = this.presenceOfEveryone()
    if (present) connection.enqueue(present)
    this.scheduleFlush()
    connection.attach((_connection, message) => this.handleMessage(session, message))
  }

  /** Closes the sockets whose session `which` picks (those of a replaced link, say). */
  closeConnections(which: (session: ClientSession) => boolean, code: CloseCode, reason: string): void {
    for (const session of [...this.sessions.values()]) if (which(session)) session.connection.close(code, reason)
  }

  private removeSession(session: ClientSession): void {
    if (!this.sessions.delete(session.connection)) return
    this.observer.socketLeft(session.role)
    const ids = [...session.awarenessIds].filter((id) => this.awarenessOwners.get(id) === session)
    for (const id of ids) this.awarenessOwners.delete(id)
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, session)
    if (this.sessions.size > 0) return
    try {
      this.onEmpty(this)
    } catch (error) {
      // Runs inside a socket's close event: whatever fails here may cost this board its hook, never the process.
      this.log.error({ boardId: this.boardId, err: error }, 'handling the last person leaving failed')
    }
  }

  /** Handles one message; a bad one closes only its own socket. */
  private handleMessage(session: ClientSession, message: Uint8Array): void {
    const { connection } = session
    if (this.closed || connection.isClosed) return
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.SYNC:
          this.handleSync(session, decoder)
          break
        case MessageType.AWARENESS:
          this.handleAwareness(session, decoding.readVarUint8Array(decoder))
          break
        case MessageType.QUERY_AWARENESS:
          session.awarenessQueried = true
          this.scheduleFlush()
          break
        default:
          throw badMessage(`unknown message type ${type}`)
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.log.debug({ boardId: this.boardId, connection: connection.id, reason: error.message }, 'closing socket')
        connection.close(error.code, error.message)
      } else {
        this.log.warn({ boardId: this.boardId, connection: connection.id, err: error }, 'undecodable message')
        connection.close(CloseCode.BAD_MESSAGE, 'bad message')
      }
    }
  }

  private handleSync(session: ClientSession, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        assertValidStateVector(stateVector)
        session.syncRequest = stateVector
        this.scheduleFlush()
        return
      }
      case syncProtocol.messageYjsSyncStep2: {
        const update = decoding.readVarUint8Array(decoder)
        // A viewer's client answers the server's step 1 like any other; its content is dropped, not applied.
        if (!session.canEdit) return
        this.applyClientUpdate(session, update, 'answer')
        session.awaitingAnswer = false
        return
      }
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder)
        if (!session.canEdit) throw forbidden('this link may only view the board')
        this.applyClientUpdate(session, update, 'live')
        return
      }
      default:
        throw badMessage(`unknown sync message type ${syncType}`)
    }
  }

  private applyClientUpdate(session: ClientSession, update: Uint8Array, kind: 'live' | 'answer'): void {
    if (session.role === 'participant' && isBoardFrozen(this.doc)) {
      // The board is frozen: the change is neither applied nor relayed. The client keeps it and
      // sends it again when asked after the release (see askForHeldBackChanges).
      session.heldBack = true
      return
    }
    checkClientUpdate(this.doc, update, {
      role: session.role === 'facilitator' ? 'facilitator' : 'participant',
      currentRecord: (key) => this.records.get(key),
      checkRecord: (key, value) => checkIncomingRecord(this.doc, key, value),
      isAcceptedSchema: isServerSchema,
      checkComment: (key, value) => checkCommentEntry(this.doc, key, value),
      checkClaim: (key, value) => privateRoundClaim(value, this.records.get(key)) ?? carriedFromClaim(value, this.records.get(key)),
    })
    Y.applyUpdate(this.doc, update, session)
    // An update whose dependencies the server does not have would stay parked in Yjs's memory,
    // unstored, and reach newcomers in their sync step 2: it is dropped. A live update may rightly
    // build on changes the client has not sent yet: it worked offline (or while the board was
    // frozen) and its answer to the server's sync request is still on the way. The server asks for
    // that answer, which brings everything; an answer itself can lack nothing, and one that does
    // is forged.
    const store = this.doc.store
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      store.pendingStructs = null
      store.pendingDs = null
      if (kind === 'answer') throw badMessage('update depends on changes the server does not have')
      this.askForAnswer(session)
    }
  }

  /** Sends the client the server's state vector, once until it answers; its answer carries whatever the server lacks. */
  private askForAnswer(session: ClientSession): void {
    if (session.awaitingAnswer) return
    session.awaitingAnswer = true
    session.connection.enqueue((this.stateRequest ??= encodeSyncStep1(this.doc)))
    this.scheduleFlush()
  }

  /** After a freeze: asks each participant whose changes were held back to send what the server lacks. */
  private askForHeldBackChanges(): void {
    for (const session of this.sessions.values()) {
      if (!session.heldBack) continue
      session.heldBack = false
      session.awaitingAnswer = false
      this.askForAnswer(session)
    }
  }

  /**
   * Applies the entries of an awareness update that this socket may speak for.
   * Stock y-websocket clients echo every awareness change they receive, so
   * entries for clients owned by another socket are dropped, not punished; a
   * socket comes to own a client id by being the first to send a new state for it.
   */
  private handleAwareness(session: ClientSession, update: Uint8Array): void {
    const entries = readAwarenessUpdate(update)
    const accepted = entries.filter(({ clientId, clock, state }) => {
      const owner = this.awarenessOwners.get(clientId)
      if (owner === session) return true
      if (owner !== undefined || clientId === this.doc.clientID || state === null) return false
      const known = this.awareness.meta.get(clientId)
      if (known !== undefined && clock <= known.clock) return false
      if (session.awarenessIds.size >= MAX_AWARENESS_IDS_PER_SESSION) return false
      this.awarenessOwners.set(clientId, session)
      session.awarenessIds.add(clientId)
      return true
    })
    if (accepted.length === 0) return
    // The role others see is the one this socket's link grants, whatever the client claims.
    for (const entry of accepted) stampRole(entry, session.role)
    applyAwarenessEntries(this.awareness, accepted, session)
  }

  private scheduleFlush(): void {
    flushBoardsSoon(this)
  }

  /** Flushes in this turn if the board's last presence went out PRESENCE_FLUSH_MS ago, else once that time is up. */
  private schedulePresenceFlush(): void {
    if (this.presenceTimer !== null) return
    const wait = this.lastPresenceFlush + PRESENCE_FLUSH_MS - performance.now()
    if (wait <= 0) {
      this.scheduleFlush()
      return
    }
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null
      this.scheduleFlush()
    }, wait)
  }

  /** Persists and sends everything pending; flushes run one after another, never overlapping, and never reject. */
  flush(): Promise<void> {
    this.flushChain = this.flushChain
      .then(() => this.flushOnce())
      .catch((error: unknown) => {
        this.log.error({ boardId: this.boardId, err: error }, 'flush failed; closing the board')
        this.fail('processing')
      })
    return this.flushChain
  }

  /** Whether storing failed and the board was dropped from memory (its last changes may not be stored). */
  get hasFailed(): boolean {
    return this.failed
  }

  private async flushOnce(): Promise<void> {
    // Answer this turn's sync and presence requests, each once per socket, from the state as it is now.
    let everyonesPresence: Uint8Array | undefined
    for (const session of this.sessions.values()) {
      if (session.syncRequest) {
        session.connection.enqueue(
          isEmptyStateVector(session.syncRequest)
            ? (this.wholeBoardAnswer ??= encodeSyncStep2(this.doc, session.syncRequest))
            : encodeSyncStep2(this.doc, session.syncRequest),
        )
        session.syncRequest = null
      }
      if (session.awarenessQueried) {
        everyonesPresence ??= this.presenceOfEveryone() ?? undefined
        if (everyonesPresence) session.connection.enqueue(everyonesPresence)
        session.awarenessQueried = false
      }
    }
    const updates = this.pendingUpdates
    const updatesSince = this.firstPendingAt
    const awarenessIds = this.pendingAwareness
    const localAwarenessIds = this.pendingLocalAwareness
    this.pendingUpdates = []
    this.pendingAwareness = new Set()
    this.pendingLocalAwareness = new Set()
    // Messages queued so far may contain this batch's updates (a step 2 for a newcomer); they wait for its append.
    const outgoing = new Map<ClientSession, Uint8Array[]>()
    for (const session of this.sessions.values()) outgoing.set(session, session.connection.takeQueue())

    // What another instance stored is relayed, not stored again.
    const toStore = updates.filter((pending) => pending.origin !== FROM_ELSEWHERE).map((pending) => pending.update)
    if (toStore.length > 0) {
      let appended: AppendResult
      const appendStarted = performance.now()
      try {
        appended = await this.storage.appendUpdates(this.boardId, toStore)
        this.observer.updatesAppended(toStore.length, (performance.now() - appendStarted) / 1000)
      } catch (error) {
        this.log.error({ boardId: this.boardId, err: error }, 'could not persist updates; closing the board')
        this.fail('storage')
        return
      }
      this.loggedUpdates += toStore.length
      // Stored before anyone sees it: then the other instances, then this one's sockets.
      this.bus?.publish(this.boardId, {
        kind: 'update',
        from: this.bus.instanceId,
        previousSeq: appended.previousSeq,
        lastSeq: appended.lastSeq,
        update: toStore.length === 1 ? toStore[0]! : Y.mergeUpdates(toStore),
      })
      if (appended.previousSeq === this.appliedSeq) this.appliedSeq = appended.lastSeq
      // Another instance stored something in between: bring it in.
      else void this.catchUp()
    }
    if (updates.length > 0) this.addRelayedUpdates(updates, outgoing)

    if (awarenessIds.size > 0) {
      this.lastPresenceFlush = performance.now()
      if (this.presenceTimer !== null) {
        clearTimeout(this.presenceTimer)
        this.presenceTimer = null
      }
      const message = this.encodePresence([...awarenessIds])
      if (message) for (const queue of outgoing.values()) queue.push(message)
    }
    if (this.bus && localAwarenessIds.size > 0) {
      const update = encodeAwarenessStates(this.awareness, [...localAwarenessIds])
      this.bus.publish(this.boardId, { kind: 'presence', from: this.bus.instanceId, update })
    }

    for (const [session, messages] of outgoing) session.connection.send(messages)
    if (updates.length > 0) this.observer.updatesRelayed((performance.now() - updatesSince) / 1000)

    if (this.loggedUpdates >= COMPACT_AFTER_UPDATES) await this.compact()
  }

  /**
   * The presence of `clientIds` as one message. States were checked when they arrived, so this
   * does not fail; if it ever does, the states are dropped and their sockets closed, rather
   * than the board.
   */
  private encodePresence(clientIds: number[]): Uint8Array | null {
    try {
      if (this.hiddenCursors.active) return this.hiddenCursors.message(this.awareness, clientIds, Date.now(), true)
      return encodeAwarenessMessage(this.awareness, clientIds)
    } catch (error) {
      this.log.error({ boardId: this.boardId, err: error }, 'presence could not be encoded; dropping it')
      const owners = clientIds.map((id) => this.awarenessOwners.get(id))
      awarenessProtocol.removeAwarenessStates(this.awareness, clientIds, null)
      for (const owner of owners) if (owner instanceof ClientSession) owner.connection.close(CloseCode.BAD_MESSAGE, 'presence could not be encoded')
      return null
    }
  }

  /** Everyone's presence for a newcomer or a query, without participants' cursors while they are hidden; null when nobody is present. */
  private presenceOfEveryone(): Uint8Array | null {
    const present = [...this.awareness.getStates().keys()]
    if (present.length === 0) return null
    if (this.hiddenCursors.active) return this.hiddenCursors.message(this.awareness, present, Date.now(), false)
    return encodeAwarenessMessage(this.awareness, present)
  }

  /** Each socket gets the turn's updates merged into one message, without the ones it sent itself. */
  private addRelayedUpdates(updates: PendingUpdate[], outgoing: Map<ClientSession, Uint8Array[]>): void {
    const senders = new Set(updates.map((pending) => pending.origin))
    // Keyed by the socket whose own updates are left out; ALL_UPDATES for sockets that sent none.
    const messages = new Map<unknown, Uint8Array | null>()
    const messageWithout = (sender: unknown): Uint8Array | null => {
      let message = messages.get(sender)
      if (message === undefined) {
        const relevant = updates.filter((pending) => pending.origin !== sender).map((pending) => pending.update)
        message =
          relevant.length === 0
            ? null
            : encodeUpdateMessage(relevant.length === 1 ? relevant[0]! : Y.mergeUpdates(relevant))
        messages.set(sender, message)
      }
      return message
    }
    for (const [session, queue] of outgoing) {
      const message = messageWithout(senders.has(session) ? session : ALL_UPDATES)
      if (message) queue.push(message)
    }
  }

  private async compact(): Promise<void> {
    try {
      // The state may include updates still pending append; storing them early is harmless, as applying an update twice is.
      // Up to what this room is sure to have: another instance's later updates stay in the log.
      const started = performance.now()
      await this.storage.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), this.appliedSeq, this.vouchesForBoard ? loadChecks() : null)
      this.observer.compacted((performance.now() - started) / 1000)
      this.loggedUpdates = 0
    } catch (error) {
      this.log.warn({ boardId: this.boardId, err: error }, 'compaction failed; the log stays as it is')
    }
  }

  /**
   * Storing failed (`storage`), or handling the board did (`processing`): drop the in-memory
   * board so that clients reconnect and resend what it could not store.
   */
  private fail(cause: 'storage' | 'processing'): void {
    if (this.destroyed) return
    this.failed = true
    this.closed = true
    for (const session of this.sessions.values()) session.connection.close(CloseCode.GOING_AWAY, 'board could not be saved')
    this.destroy()
    this.onFailure(this, cause)
  }

  /** Stops taking messages, persists everything, compacts, and closes every socket with `code`. */
  async close(code: CloseCode = CloseCode.GOING_AWAY, reason = 'server shutting down'): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.flush()
    if (this.destroyed) return
    if (this.loggedUpdates > 0) await this.compact()
    await this.writeHistory()
    for (const session of this.sessions.values()) session.connection.close(code, reason)
    this.destroy()
  }

  /**
   * The board was deleted: stops taking messages, lets a flush under way finish, then closes
   * every socket with `code` and drops the board without storing anything more.
   */
  async discard(code: CloseCode, reason: string): Promise<void> {
    this.closed = true
    await this.flushChain
    if (this.destroyed) return
    this.pendingUpdates = []
    this.pendingAwareness.clear()
    this.pendingLocalAwareness.clear()
    for (const session of this.sessions.values()) session.connection.close(code, reason)
    this.destroy()
  }

  private destroy(): void {
    this.destroyed = true
    if (this.historyTimer !== null) clearTimeout(this.historyTimer)
    if (this.presenceTimer !== null) clearTimeout(this.presenceTimer)
    this.bus?.unsubscribe(this.boardId)
    this.records.destroy()
    this.awareness.destroy()
    this.doc.destroy()
  }
}

/** Sets the role in an awareness state's `user` field to `role`. */
function stampRole(entry: AwarenessEntry, role: string): void {
  const state = entry.state
  if (typeof state !== 'object' || state === null) return
  const user: unknown = (state as Record<string, unknown>)[USER_FIELD]
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return
  if ((user as Record<string, unknown>).role === role) return
  entry.state = { ...state, [USER_FIELD]: { ...user, role } }
}
