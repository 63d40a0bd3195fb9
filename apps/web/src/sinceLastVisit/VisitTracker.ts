/**
 * "Seit Ihrem letzten Besuch" as a part of the board session (a BoardSessionExtension): it keeps
 * when this browser last saw the board in sync, watches the first sync of a visit (and the first
 * after a long loss of connection), and keeps the changes others made meanwhile with the browser's
 * copy until the person dismisses them.
 */
import type * as Y from 'yjs'
import type { BoardSessionExtension, BoardSessionExtensionFactory } from '../kernel/BoardSession.ts'
import type { CopyValues } from '../kernel/LocalBoardCopy.ts'
import { FirstSyncChanges } from './FirstSyncChanges.ts'
import { hasVisitChanges, mergeVisitChanges, NO_VISIT_CHANGES, parseVisitChanges, type VisitChanges } from './visitChanges.ts'

/** Keys of what is stored with the browser's copy of a board. */
const LAST_SEEN_KEY = 'lastSeenAt'
const VISIT_CHANGES_KEY = 'visitChanges'

/**
 * Away longer than this (a tab left open overnight, a laptop closed between sessions), and what
 * the next sync brings is marked as "since your last visit", as on a new visit.
 */
export const AWAY_MS = 10 * 60_000

/** What the tracker needs of its session: a BoardSession, or a stand-in in tests. */
export interface VisitSession {
  readonly doc: Y.Doc
  /** The origin of the transactions that bring the server's changes: the sync provider. */
  readonly provider: object
  readonly copyValues: CopyValues
  readonly inSync: boolean
}

export class VisitTracker implements BoardSessionExtension {
  private changes: VisitChanges = NO_VISIT_CHANGES
  private readonly listeners = new Set<() => void>()
  /**
   * From a visit's start or a lost connection until the next complete sync: what that sync
   * changes, when the browser last saw the board, and when the connection was lost (null for a
   * new visit, which always counts).
   */
  private away: { changes: FirstSyncChanges; since: number | null; lostAt: number | null } | null = null

  constructor(private readonly session: VisitSession) {}

  /** A new visit: the changes not yet dismissed come back, and the first sync is watched from its start. */
  async copyLoaded(): Promise<void> {
    const since = await this.session.copyValues.read(LAST_SEEN_KEY)
    const earlier = parseVisitChanges(await this.session.copyValues.read(VISIT_CHANGES_KEY))
    this.setChanges(earlier)
    this.away = { changes: this.watchSync(), since: typeof since === 'number' ? since : null, lostAt: null }
  }

  /** What the next sync brings may be worth marking (see AWAY_MS). */
  connectionLost(): void {
    if (this.away) return
    const now = Date.now()
    this.away = { changes: this.watchSync(), since: now, lostAt: now }
  }

  synced(): void {
    this.rememberLastSeen()
    const away = this.away
    if (!away) return
    this.away = null
    const changes = away.changes.finish(away.since)
    // A short drop in a live session shows its changes live; only a real absence is marked.
    if (away.lostAt !== null && Date.now() - away.lostAt < AWAY_MS) return
    if (!hasVisitChanges(changes)) return
    const merged = mergeVisitChanges(this.changes, changes)
    this.setChanges(merged)
    this.session.copyValues.write(VISIT_CHANGES_KEY, merged)
  }

  leaving(): void {
    if (this.session.inSync) this.rememberLastSeen()
  }

  dispose(): void {
    this.away?.changes.destroy()
    this.away = null
    this.listeners.clear()
  }

  /** The person has seen the changes: the list and the highlights go, here and after a reload. */
  readonly dismiss = (): void => {
    this.setChanges(NO_VISIT_CHANGES)
    this.session.copyValues.write(VISIT_CHANGES_KEY, null)
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getChanges = (): VisitChanges => this.changes

  private watchSync(): FirstSyncChanges {
    return new FirstSyncChanges(this.session.doc, this.session.provider)
  }

  /** Only a browser in sync has seen the board as it is. */
  private rememberLastSeen(): void {
    this.session.copyValues.write(LAST_SEEN_KEY, Date.now())
  }

  private setChanges(changes: VisitChanges): void {
    this.changes = changes
    for (const listener of this.listeners) listener()
  }
}

/** The session extension the page opens a board with; `useVisitChanges` finds the tracker by it. */
export const trackVisitChanges: BoardSessionExtensionFactory<VisitTracker> = (session) => new VisitTracker(session)
