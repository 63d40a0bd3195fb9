/**
 * This browser's private space while a private round ("Stilles Brainstorming") is open: a small
 * Y.Doc of its own, spoken to over its own socket (`/sync/<board>/private/<round>`, named by the
 * browser's key), bound to the same tldraw store as the board. A sticky note this person creates
 * inside the round's scope is marked with the round (`meta.privateRound`), so that the board's
 * binding leaves it alone and this binding writes it into the private space instead: nobody
 * else's browser, the facilitator's included, ever receives it. The space is kept in IndexedDB
 * like the board, so notes written offline survive a reload and go out when the network is back.
 *
 * When the round ends (revealed), the space's notes leave the store and its copy is deleted; the
 * revealed notes arrive through the board's own sync.
 */
import {
  bindStoreToDoc,
  observeFacilitation,
  PRIVATE_ROUND_META,
  privateRoundOf,
  readFacilitation,
  readTemplateInstances,
  type BoardBinding,
  type PrivateRoundState,
  type VoteScope,
} from '@dorfplatz/board'
import { CloseCode, PRIVATE_KEY_PARAM } from '@dorfplatz/protocol'
import { currentTemplateInstances, findZone, shapePagePoint, shapeToPage } from '@dorfplatz/templates'
import type { TLRecord, TLShape } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { voterKeyFor } from '../storage/voterKey.ts'
import { syncServerUrl, type BoardSession, type BoardSessionExtension, type BoardSessionExtensionFactory } from '../kernel/BoardSession.ts'

/** Close codes after which the space's socket is not opened again: the round is over, or the link is. */
const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.NO_SUCH_BOARD, CloseCode.FORBIDDEN, CloseCode.UNAUTHORIZED, CloseCode.BAD_MESSAGE])

/** The IndexedDB database of one private space in this browser. */
export function privateSpaceDatabaseName(boardId: string, roundId: string): string {
  return `dorfplatz-private-${boardId}-${roundId}`
}

/** Whether a note whose centre lies at `shape`'s place falls into `scope` on the board as it is now. */
export function isInScope(shape: TLShape, scope: VoteScope, lookup: { get(id: string): unknown }, boardDoc: Y.Doc): boolean {
  if (scope.kind === 'all') return true
  const pageId = shapeToPage(shape, { x: 0, y: 0 }, lookup).pageId
  if (pageId === null) return false
  const found = findZone(currentTemplateInstances(readTemplateInstances(boardDoc), lookup), pageId, shapePagePoint(shape, lookup))
  if (!found || found.instance.instanceId !== scope.instanceId) return false
  return scope.kind === 'template' || found.zone.id === scope.zoneId
}

/** The space's copy in IndexedDB, or null where there is none (private windows of some browsers). */
function openCopy(name: string, doc: Y.Doc): IndexeddbPersistence | null {
  try {
    return typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(name, doc)
  } catch {
    return null
  }
}

interface JoinedSpace {
  roundId: string
  doc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence | null
  binding: BoardBinding | null
  stopMarking: () => void
}

export class PrivateSpaceSession implements BoardSessionExtension {
  private joined: JoinedSpace | null = null
  private readonly stopObserving: () => void
  private disposed = false

  constructor(private readonly session: BoardSession) {
    // Guests and the projector never write; nothing of anyone's space is theirs to see.
    const writes = session.role !== 'viewer' && !session.watchOnly
    this.stopObserving = writes ? observeFacilitation(session.doc, () => this.follow()) : () => {}
  }

  synced(): void {
    this.follow()
  }

  /** The private round this browser takes part in now, or null. */
  get roundId(): string | null {
    return this.joined?.roundId ?? null
  }

  /** Joins the board's open round, or leaves the one that ended. */
  private follow(): void {
    if (this.disposed) return
    const round = readFacilitation(this.session.doc).privateRound
    if (round?.id === this.joined?.roundId) return
    this.leave()
    if (round) this.join(round)
  }

  private join(round: PrivateRoundState): void {
    const { session } = this
    const doc = new Y.Doc()
    const persistence = openCopy(privateSpaceDatabaseName(session.boardId, round.id), doc)
    const provider = new WebsocketProvider(syncServerUrl(), `${session.boardId}/private/${round.id}`, doc, {
      params: { token: session.token, [PRIVATE_KEY_PARAM]: voterKeyFor(session.boardId) },
      connect: false,
      disableBc: true,
      shouldReconnect: (event: CloseEvent) => !FINAL_CLOSE_CODES.has(event.code),
    })
    // The name the facilitator may show with the revealed notes: this person's, as on the board.
    const { id, name, color } = session.user.identity
    provider.awareness.setLocalState({ user: { id, name, color } })
    const joined: JoinedSpace = { roundId: round.id, doc, provider, persistence, binding: null, stopMarking: () => {} }
    this.joined = joined

    // Bound once this browser's copy is loaded (offline it is all there is); the server's state
    // merges in when the socket syncs. The space holds only this person's notes, so nothing in the
    // store is replaced by an empty document.
    const loaded = persistence ? persistence.whenSynced.catch(() => undefined) : Promise.resolve()
    void loaded.then(() => {
      if (this.joined !== joined) return
      joined.binding = bindStoreToDoc(session.store, doc, { owns: (record) => privateRoundOf(record) === round.id })
      provider.connect()
    })

    const lookup = { get: (recordId: string) => session.store.get(recordId as TLRecord['id']) }
    joined.stopMarking = session.store.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || shape.type !== 'note' || privateRoundOf(shape) !== null) return shape
      if (!isInScope(shape, round.scope, lookup, session.doc)) return shape
      return { ...shape, meta: { ...shape.meta, [PRIVATE_ROUND_META]: round.id } }
    })
  }

  private leave(): void {
    const joined = this.joined
    if (!joined) return
    this.joined = null
    joined.stopMarking()
    joined.binding?.dispose()
    joined.provider.destroy()
    void joined.persistence?.clearData().catch(() => undefined)
    joined.doc.destroy()
    // The round is over: its notes arrive on the board through sync; the private ones go.
    const { store } = this.session
    const mine = store.allRecords().filter((record) => privateRoundOf(record) === joined.roundId)
    if (mine.length > 0) store.mergeRemoteChanges(() => store.remove(mine.map((record) => record.id)))
  }

  dispose(): void {
    this.disposed = true
    this.stopObserving()
    const joined = this.joined
    if (!joined) return
    // The page goes, the round goes on: the copy stays for the next visit.
    this.joined = null
    joined.stopMarking()
    joined.binding?.dispose()
    joined.provider.destroy()
    void joined.persistence?.destroy()
    joined.doc.destroy()
  }
}

export const joinPrivateRounds: BoardSessionExtensionFactory<PrivateSpaceSession> = (session) => new PrivateSpaceSession(session)
