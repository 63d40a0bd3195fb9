/**
 * One open board outside React: the Yjs document, the y-websocket provider,
 * the tldraw store and the bindings between them, with one `dispose()` that
 * ends all of it. React reads its state through `subscribe`/`getSnapshot`;
 * features that follow the session's life (a visit's first sync, a lost
 * connection, the page going) plug in as extensions.
 */
import {
  bindPresence,
  bindStoreToDoc,
  createBoardSchema,
  isBoardFrozen,
  listPeers,
  observeFacilitation,
  privateRoundOf,
  type Peer,
} from '@dorfplatz/board'
import { CloseCode, FATAL_CLOSE_CODES, HEARTBEAT_PARAM, MessageType, SYNC_PATH, type Role } from '@dorfplatz/protocol'
import { atom, createTLStore, inlineBase64AssetStore, type TLStore } from 'tldraw'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { CurrentUser } from '../user/currentUser.ts'
import { deriveConnectionState, type ConnectionState, type ProviderStatus } from './connectionState.ts'
import { LocalBoardCopy, type CopyValues } from './LocalBoardCopy.ts'
import { BACK_ONLINE_SPREAD_MS, reconnectDelay } from './reconnectDelay.ts'

/**
 * - `connecting`: waiting for the browser's copy or the first complete sync; the editor is not
 *   shown yet, so nobody edits an empty store.
 * - `ready`: the store mirrors the document (which may, offline, be the browser's copy alone).
 * - `newer-schema`: the board was written by a newer Dorfplatz; shown read-only until a reload.
 */
export type BoardPhase = 'connecting' | 'ready' | 'newer-schema'

export interface BoardSessionSnapshot {
  readonly phase: BoardPhase
  readonly connection: ConnectionState
  /** The close code that ended the connection for good, or null. */
  readonly fatalCloseCode: number | null
  /** The server keeps refusing this browser's changes as too large to take in one message. */
  readonly changesTooLarge: boolean
  /** When an edit was last kept off the board because the server would refuse it (too large, content from elsewhere), or null. */
  readonly refusedChangeAt: number | null
}

export interface BoardSessionOptions {
  boardId: string
  token: string
  role: Role
  user: CurrentUser
  /**
   * A view that only watches, whatever its link's role (the projector view): it never edits and
   * publishes no presence of its own, so it is nobody on the others' lists.
   */
  watchOnly?: boolean
  /** What features add to the session, each made once for it (see BoardSessionExtension). */
  extensions?: readonly BoardSessionExtensionFactory[]
}

/**
 * A feature's part in a session's life. The session calls these at the moments below, in this
 * order for a visit; the feature keeps its own state and logic, and reaches the board through the
 * session it was made for (`doc`, `provider`, `copyValues`, `inSync`).
 */
export interface BoardSessionExtension {
  /**
   * The browser's copy of an earlier visit is loaded. The session waits for the promise before it
   * binds the store and connects, so an extension can read what it keeps with the copy and watch
   * the first sync from its start. Not called without such a copy.
   */
  copyLoaded?(): Promise<void>
  /** The connection was lost while the store mirrors the document. */
  connectionLost?(): void
  /** A complete sync arrived: the first of a visit, and the first after every reconnect. */
  synced?(): void
  /** The page may be going (it is hidden for good, or the session ends): the last moment to keep anything. */
  leaving?(): void
  /** The session ends; called after `leaving`. */
  dispose?(): void
}

/** Makes a feature's extension for one session; the session keeps it under this function (see `extension`). */
export type BoardSessionExtensionFactory<T extends BoardSessionExtension = BoardSessionExtension> = (
  session: BoardSession,
) => T

/** What this client answers to the server's heartbeat (see MessageType.HEARTBEAT). */
const HEARTBEAT_ANSWER = new Uint8Array([MessageType.HEARTBEAT, 0])

/** Close codes that say a message was too large; edits made offline travel in one message. */
const TOO_LARGE_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.MESSAGE_TOO_LARGE, 1009])

/** After this many too-large refusals in a row the browser says so, and asks only this often. */
const TOO_LARGE_ATTEMPTS = 3
const TOO_LARGE_RETRY_MS = 60_000

/**
 * Fatal codes after which the browser's copy is deleted: the board is gone, or the server refuses
 * the copy's changes (which would otherwise be sent again, and refused again, on every visit). A
 * replaced link (4401) keeps it: work done offline merges back through the new link.
 */
const CLEAR_COPY_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.FORBIDDEN, CloseCode.NO_SUCH_BOARD])

export function syncServerUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}${SYNC_PATH}`
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((peer, index) => {
      const other = b[index]
      return (
        other !== undefined &&
        peer.clientId === other.clientId &&
        peer.userId === other.userId &&
        peer.name === other.name &&
        peer.color === other.color &&
        peer.role === other.role &&
        peer.isSelf === other.isSelf
      )
    })
  )
}

export class BoardSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly store: TLStore
  readonly role: Role
  readonly boardId: string
  /** The token of the link the board was opened with. */
  readonly token: string
  readonly user: CurrentUser
  /** Whether this view only watches (the projector), whatever its link's role. */
  readonly watchOnly: boolean
  /** Values kept with the browser's copy of the board, for extensions. */
  readonly copyValues: CopyValues

  private snapshot: BoardSessionSnapshot
  private peers: readonly Peer[] = []
  private readonly localCopy: LocalBoardCopy
  private readonly extensions = new Map<BoardSessionExtensionFactory, BoardSessionExtension>()
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private readonly listeners = new Set<() => void>()
  private readonly peerListeners = new Set<() => void>()
  private readonly disposers: (() => void)[] = []
  private online = navigator.onLine
  private providerStatus: ProviderStatus = 'connecting'
  private synced = false
  /** Whether the store mirrors the document yet. */
  private bound = false
  /** Whether the browser's copy has been loaded (or given up on); no connection before. */
  private opened = false
  /** Too-large refusals since the last complete sync. */
  private tooLargeCloses = 0
  private refusedChangeAt: number | null = null
  private fatalCloseCode: number | null = null
  private phase: BoardPhase = 'connecting'
  /** tldraw shows collaborator UI (cursors, "follow") only when the store has collaboration signals. */
  private readonly collaborationStatus = atom<'online' | 'offline'>('collaborationStatus', 'offline')
  private readonly editMode = atom<'readonly' | 'readwrite'>('editMode', 'readwrite')
  /** Whether the facilitator has frozen the board (participants may only look meanwhile). */
  private frozen = false
  private disposed = false

  constructor({ boardId, token, role, user, watchOnly = false, extensions = [] }: BoardSessionOptions) {
    this.role = role
    this.boardId = boardId
    this.token = token
    this.user = user
    this.watchOnly = watchOnly
    this.frozen = isBoardFrozen(this.doc)
    this.updateEditMode()
    this.snapshot = this.computeSnapshot()

    this.store = createTLStore({
      schema: createBoardSchema(),
      // Images live inside the board document as data URLs: there is no upload
      // service to run, back up or secure, and a board stays one self-contained file.
      assets: inlineBase64AssetStore,
      collaboration: { status: this.collaborationStatus, mode: this.editMode },
      users: { currentUser: user.record },
    })

    this.provider = new WebsocketProvider(syncServerUrl(), boardId, this.doc, {
      // Heartbeats let the server tell the others at once when this browser goes offline.
      params: { token, [HEARTBEAT_PARAM]: '1' },
      // Connects once the browser's copy is loaded (see open()).
      connect: false,
      // Each tab must authorise itself with its own token; a tab must never relay
      // another tab's writes (a viewer's tab next to a facilitator's, say).
      disableBc: true,
      // The provider's own retry has no jitter; every closed socket is retried here instead
      // (see onClosed), or not at all after a code our protocol calls fatal.
      shouldReconnect: () => false,
    })

    // Answered on arrival, from the message handler: no timer to be throttled in a background tab.
    this.provider.messageHandlers[MessageType.HEARTBEAT] = (_encoder, _decoder, provider) => {
      provider.ws?.send(HEARTBEAT_ANSWER)
    }

    const onStatus = ({ status }: { status: ProviderStatus }) => {
      this.providerStatus = status
      if (status !== 'connected') this.synced = false
      if (status === 'disconnected' && this.bound && !this.disposed) {
        for (const extension of this.extensions.values()) extension.connectionLost?.()
      }
      this.update()
    }
    const onClosed = ({ code }: { code: number }) => {
      if (FATAL_CLOSE_CODES.has(code)) {
        this.endForGood(code)
        return
      }
      if (TOO_LARGE_CLOSE_CODES.has(code)) this.tooLargeCloses++
      this.scheduleReconnect(
        this.tooLargeCloses >= TOO_LARGE_ATTEMPTS
          ? TOO_LARGE_RETRY_MS
          : reconnectDelay(this.provider.wsUnsuccessfulReconnects),
      )
      this.update()
    }
    // y-websocket closes a socket that has been silent for 30 s itself, without a close event, and
    // would retry on its own schedule, without jitter; this one is retried like any other.
    const onConnectionClose = (event: CloseEvent | null) => {
      if (event !== null || !this.provider.shouldConnect || this.disposed) return
      this.provider.shouldConnect = false
      this.scheduleReconnect(reconnectDelay(this.provider.wsUnsuccessfulReconnects + 1))
    }
    const onSync = (synced: boolean) => {
      this.synced = synced
      if (synced) this.onSynced()
      this.update()
    }
    this.provider.on('status', onStatus)
    this.provider.on('closed', onClosed)
    this.provider.on('connection-close', onConnectionClose)
    this.provider.on('sync', onSync)
    this.disposers.push(() => {
      this.provider.off('status', onStatus)
      this.provider.off('closed', onClosed)
      this.provider.off('connection-close', onConnectionClose)
      this.provider.off('sync', onSync)
    })

    const onOnline = () => {
      this.online = true
      // Do not wait out the backoff: the network is back now. Only a short spread, as every
      // device of a town hall learns it at the same moment.
      this.scheduleReconnect(Math.round(Math.random() * BACK_ONLINE_SPREAD_MS))
      this.update()
    }
    const onOffline = () => {
      this.online = false
      // The socket may take half a minute to notice; edits go to the browser's copy meanwhile,
      // and no attempt is made until the browser reports the network back.
      this.cancelReconnect()
      this.provider.disconnect()
      this.update()
    }
    // Closing the tab runs no React cleanup; say goodbye so the others drop this cursor at once.
    // A page kept in the back/forward cache may come back, so it stays.
    const onPageHide = (event: PageTransitionEvent) => {
      this.flushEdits()
      for (const extension of this.extensions.values()) extension.leaving?.()
      if (!event.persisted) this.leave()
    }
    // A phone may discard a tab in the background without a pagehide.
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') this.flushEdits()
    }
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    window.addEventListener('pagehide', onPageHide)
    document.addEventListener('visibilitychange', onVisibilityChange)
    this.disposers.push(() => {
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('pagehide', onPageHide)
      document.removeEventListener('visibilitychange', onVisibilityChange)
    })

    // The server writes the freeze into the document and drops participants' edits meanwhile;
    // tldraw then offers them nothing to edit, instead of edits that would silently vanish.
    this.disposers.push(
      observeFacilitation(this.doc, () => {
        const frozen = isBoardFrozen(this.doc)
        if (frozen === this.frozen) return
        this.frozen = frozen
        this.updateEditMode()
      }),
    )

    const awareness = this.provider.awareness
    const presence = bindPresence(this.store, awareness, { user: user.preferences, role, publish: !watchOnly })
    this.disposers.push(() => presence.dispose())

    const onAwarenessChange = () => {
      const next = listPeers(awareness)
      if (samePeers(next, this.peers)) return
      this.peers = next
      for (const listener of this.peerListeners) listener()
    }
    awareness.on('change', onAwarenessChange)
    onAwarenessChange()
    this.disposers.push(() => awareness.off('change', onAwarenessChange))

    this.localCopy = new LocalBoardCopy(boardId, this.doc)
    this.copyValues = this.localCopy
    this.disposers.push(() => this.localCopy.destroy())
    // Made before open() reads the copy, so that each sees the whole visit.
    for (const create of extensions) this.extensions.set(create, create(this))
    void this.open()
  }

  /** The extension `create` made for this session, or undefined if the session was opened without it. */
  extension<T extends BoardSessionExtension>(create: BoardSessionExtensionFactory<T>): T | undefined {
    return this.extensions.get(create) as T | undefined
  }

  /** Whether the store holds the board as the server has it now (a complete sync over an open connection). */
  get inSync(): boolean {
    return this.synced
  }

  /**
   * Loads the browser's copy, then connects. With a copy from an earlier visit the board opens at
   * once, also offline, and the first sync brings what changed since that visit.
   */
  private async open(): Promise<void> {
    const stored = await this.localCopy.loaded
    if (this.disposed) return
    if (stored) {
      for (const extension of this.extensions.values()) await extension.copyLoaded?.()
      if (this.disposed) return
      this.bindDocument()
    }
    this.opened = true
    if (this.online) this.provider.connect()
  }

  private onSynced(): void {
    this.bindDocument()
    this.tooLargeCloses = 0
    for (const extension of this.extensions.values()) extension.synced?.()
  }

  /**
   * tldraw hands the store's changes on once per frame (and a hidden tab gets no frames): before
   * the page may go, the last keystrokes must reach the doc, and with it the browser's copy and
   * the socket. `_flushHistory` is the store's own way to do that at once.
   */
  private flushEdits(): void {
    if (!this.disposed) this.store._flushHistory()
  }

  private scheduleReconnect(delay: number): void {
    this.cancelReconnect()
    // Before the copy is loaded, open() connects by itself: a sync before would bypass the copy.
    if (this.disposed || this.fatalCloseCode !== null || !this.opened) return
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      if (this.online && this.fatalCloseCode === null) this.provider.connect()
    }, delay)
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
  }

  /** The first complete sync arrived: from now on the store mirrors the document. */
  private bindDocument(): void {
    if (this.bound) return
    this.bound = true
    const binding = bindStoreToDoc(this.store, this.doc, {
      readonly: this.role === 'viewer',
      // The notes of a private round belong to this person's private space, never to the board.
      owns: (record) => privateRoundOf(record) === null,
      onRefused: () => {
        this.refusedChangeAt = Date.now()
        this.update()
      },
      // Also later: a newer client may upgrade the board while this one is open.
      onStatus: (status) => {
        this.phase = status === 'newer-schema' ? 'newer-schema' : 'ready'
        this.updateEditMode()
        this.update()
      },
    })
    this.disposers.push(() => binding.dispose())
  }

  /**
   * The server said reconnecting with this link cannot succeed (revoked link, deleted board,
   * a write it refuses); see CLEAR_COPY_CLOSE_CODES for when the browser's copy goes too.
   */
  private endForGood(code: number): void {
    this.fatalCloseCode = code
    this.cancelReconnect()
    this.provider.disconnect()
    if (CLEAR_COPY_CLOSE_CODES.has(code)) void this.localCopy.clear()
    this.updateEditMode()
    this.update()
  }

  /**
   * Read-only for guests, for a board written by a newer Dorfplatz, after the link died, and
   * for participants while the board is frozen; facilitators keep editing a frozen board.
   */
  private updateEditMode(): void {
    const readonly =
      this.watchOnly ||
      this.role === 'viewer' ||
      this.phase === 'newer-schema' ||
      this.fatalCloseCode !== null ||
      (this.frozen && this.role === 'participant')
    this.editMode.set(readonly ? 'readonly' : 'readwrite')
  }

  private computeSnapshot(): BoardSessionSnapshot {
    return {
      phase: this.phase,
      fatalCloseCode: this.fatalCloseCode,
      changesTooLarge: this.tooLargeCloses >= TOO_LARGE_ATTEMPTS,
      refusedChangeAt: this.refusedChangeAt,
      connection: deriveConnectionState({
        online: this.online,
        providerStatus: this.providerStatus,
        synced: this.synced,
        fatalCloseCode: this.fatalCloseCode,
      }),
    }
  }

  private update(): void {
    if (this.disposed) return
    this.collaborationStatus.set(this.providerStatus === 'connected' ? 'online' : 'offline')
    const next = this.computeSnapshot()
    const previous = this.snapshot
    if (
      next.phase === previous.phase &&
      next.connection === previous.connection &&
      next.changesTooLarge === previous.changesTooLarge &&
      next.refusedChangeAt === previous.refusedChangeAt &&
      next.fatalCloseCode === previous.fatalCloseCode
    ) {
      return
    }
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): BoardSessionSnapshot => this.snapshot

  readonly subscribePeers = (listener: () => void): (() => void) => {
    this.peerListeners.add(listener)
    return () => this.peerListeners.delete(listener)
  }

  readonly getPeers = (): readonly Peer[] => this.peers

  /** Tells the others at once that this client left, instead of letting them wait for the awareness timeout. */
  private leave(): void {
    awarenessProtocol.removeAwarenessStates(this.provider.awareness, [this.doc.clientID], 'local')
  }

  dispose(): void {
    if (this.disposed) return
    this.flushEdits()
    for (const extension of this.extensions.values()) extension.leaving?.()
    this.disposed = true
    this.cancelReconnect()
    for (const extension of this.extensions.values()) extension.dispose?.()
    this.leave()
    for (const dispose of this.disposers.splice(0).reverse()) dispose()
    this.provider.destroy()
    this.doc.destroy()
    this.listeners.clear()
    this.peerListeners.clear()
  }
}
