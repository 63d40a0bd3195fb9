/**
 * The boards currently in memory. A board is loaded when its first socket
 * arrives and unloaded (persisted, compacted, dropped) once nobody has had it
 * open for `idleUnloadMs`. What happens when the last person leaves a board is
 * the app's to decide (`onLastLeft`).
 */
import type { FastifyBaseLogger } from 'fastify'
import { CloseCode, MAX_EDITOR_CONNECTIONS_PER_BOARD, MAX_VIEWER_CONNECTIONS_PER_BOARD } from '@dorfplatz/protocol'
import type { BoardBus } from '../bus/BoardBus.ts'
import type { BoardLocks } from '../storage/BoardLocks.ts'
import type { DocumentLog } from '../storage/DocumentLog.ts'
import type { HistoryLog } from '../storage/HistoryLog.ts'
import { BoardUnavailableError, Room } from './Room.ts'
import { NO_OBSERVER, type SyncObserver } from './SyncObserver.ts'

/** How long a board that could not be loaded is refused before loading is tried again. */
export const ISOLATION_MS = 5 * 60_000

/** Failures of one board (could not store, or a flush threw) within FAILURE_WINDOW_MS after which it is isolated. */
const FAILURES_BEFORE_ISOLATION = 3
const FAILURE_WINDOW_MS = 10 * 60_000

/**
 * How often, with several instances, each loaded board checks the database for updates it did
 * not get over the bus (a lost message, a bus that was down): the longest two instances' views
 * of a board can differ.
 */
export const RECONCILE_INTERVAL_MS = 3000

/** A change of a board made while holding its lock: apply, store, relay (see RoomRegistry.exclusive). */
export type BoardChange = <T>(apply: (room: Room) => T) => Promise<T>

/** A board kept out of service, and since when (for /healthz; the reason is in the log). */
export interface IsolatedBoard {
  boardId: string
  since: number
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  /** Who waits for a loading board's stored answer (see acquire). */
  private readonly storedAnswerWaiters = new Map<string, Set<(answer: Uint8Array) => Promise<void> | void>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Unloads in progress; a board is loaded again only after its unload has finished writing. */
  private readonly unloading = new Map<string, Promise<void>>()
  private shuttingDown = false
  /** Boards that cannot be served now, with when they were isolated and why. */
  private readonly isolated = new Map<string, { since: number; reason: string }>()
  private readonly failures = new Map<string, number[]>()

  private readonly idleUnloadMs: number
  private readonly onLastLeft: (room: Room) => void
  private readonly bus: BoardBus | undefined
  private readonly reconcileTimer: NodeJS.Timeout | undefined
  private readonly observer: SyncObserver

  constructor(
    private readonly storage: DocumentLog & BoardLocks & HistoryLog,
    private readonly log: FastifyBaseLogger,
    {
      idleUnloadMs,
      onLastLeft = () => {},
      bus,
      reconcileIntervalMs = RECONCILE_INTERVAL_MS,
      observer = NO_OBSERVER,
    }: {
      idleUnloadMs: number
      /** Called when the last socket of a board has closed (the board stays loaded a while longer). */
      onLastLeft?: (room: Room) => void
      /** How this instance hears of other instances' changes, when there are others. */
      bus?: BoardBus
      reconcileIntervalMs?: number
      /** Told what the rooms do (metrics); nothing is counted without one. */
      observer?: SyncObserver
    },
  ) {
    this.observer = observer
    this.idleUnloadMs = idleUnloadMs
    this.onLastLeft = onLastLeft
    this.bus = bus
    if (bus) {
      bus.onReconnect(() => this.reconcile())
      this.reconcileTimer = setInterval(() => this.reconcile(), reconcileIntervalMs)
      this.reconcileTimer.unref()
    }
  }

  /** Every loaded board that is behind the database catches up (only with several instances). */
  private reconcile(): void {
    for (const room of this.rooms.values()) {
      this.storage
        .latestSeq(room.boardId)
        .then((latest) => (latest > room.seq ? room.catchUp() : undefined))
        .catch(() => {
          // The database is away: the next round tries again.
        })
    }
  }

  /**
   * The loaded room of a board, loading it if needed. Concurrent callers share one load.
   * `onStoredAnswer` is given the board as stored, as a whole-board sync answer, when the board has
   * to be loaded and was stored checked, before it is decoded (see Room.load); decoding waits
   * until the promise it returns settles, so it must not wait long.
   */
  async acquire(boardId: string, onStoredAnswer?: (answer: Uint8Array) => Promise<void> | void): Promise<Room> {
    if (this.shuttingDown) throw new Error('server is shutting down')
    const isolation = this.isolated.get(boardId)
    if (isolation) {
      if (Date.now() - isolation.since < ISOLATION_MS) throw new BoardUnavailableError(isolation.reason)
      this.isolated.delete(boardId)
    }
    this.cancelUnload(boardId)
    const loaded = this.rooms.get(boardId)
    if (loaded) return loaded
    let loading = this.loading.get(boardId)
    if (!loading) {
      loading = this.load(boardId).finally(() => {
        this.loading.delete(boardId)
        this.storedAnswerWaiters.delete(boardId)
      })
      this.loading.set(boardId, loading)
    }
    if (onStoredAnswer) {
      let waiters = this.storedAnswerWaiters.get(boardId)
      if (!waiters) this.storedAnswerWaiters.set(boardId, (waiters = new Set()))
      waiters.add(onStoredAnswer)
    }
    return loading
  }

  /**
   * Runs a server-side change on a board's document (loading it if needed) and
   * resolves once the change is stored and sent to everyone connected.
   */
  change<T>(boardId: string, apply: (room: Room) => T): Promise<T> {
    return this.exclusive(boardId, (change) => change(apply))
  }

  /**
   * Runs `task` while holding the board's lock (on every instance, see BoardLocks), after the
   * board has caught up with everything stored: a rule that reads the board before it writes
   * (one open voting round, the dot budget's tally) then sees what every instance did.
   * `change` applies, stores and relays one change, as `change()` does.
   */
  exclusive<T>(boardId: string, task: (change: BoardChange) => Promise<T>): Promise<T> {
    return this.storage.withBoardLock(boardId, async () => {
      const room = await this.acquire(boardId)
      try {
        await room.catchUp()
        return await task(async (apply) => {
          const result = apply(room)
          await room.flush()
          if (room.hasFailed) throw new Error('the change could not be stored')
          return result
        })
      } finally {
        if (room.size === 0) this.scheduleUnload(room)
      }
    })
  }

  /** Lets a board that was acquired for a socket that then did not join unload again once idle. */
  releaseIfIdle(room: Room): void {
    if (room.size === 0) this.scheduleUnload(room)
  }

  /** Closes the sockets of a board that were opened with one of `tokenHashes` (a replaced link). */
  closeTokenConnections(boardId: string, tokenHashes: readonly string[], code: CloseCode, reason: string): void {
    this.rooms.get(boardId)?.closeConnections((session) => tokenHashes.includes(session.tokenHash), code, reason)
    this.otherSockets?.(boardId, (tokenHash) => tokenHashes.includes(tokenHash), code, reason)
  }

  /**
   * Sockets of a board that are not in its room (the private spaces of "Stilles Brainstorming"):
   * closed with the room's when a link is replaced and when the board is deleted.
   */
  private otherSockets: ((boardId: string, which: (tokenHash: string) => boolean, code: CloseCode, reason: string) => void) | undefined

  alsoClose(close: (boardId: string, which: (tokenHash: string) => boolean, code: CloseCode, reason: string) => void): void {
    this.otherSockets = close
  }

  /**
   * Deletes a board: under its lock (on every instance), drops it from memory here, closing its
   * sockets with 4404 without storing anything more, lets `remove` delete it from storage, and
   * tells the other instances to do the same with their sockets. Resolves to what `remove` did.
   */
  deleteBoard(boardId: string, remove: () => Promise<boolean>): Promise<boolean> {
    return this.storage.withBoardLock(boardId, async () => {
      this.cancelUnload(boardId)
      await Promise.allSettled([this.loading.get(boardId)])
      const room = this.rooms.get(boardId)
      if (room) {
        this.forget(room)
        await room.discard(CloseCode.NO_SUCH_BOARD, 'board deleted')
      }
      // An unload under way writes its last compaction first.
      await this.unloading.get(boardId)
      const removed = await remove()
      // A socket that arrived meanwhile may have loaded the board again from storage.
      const reloaded = this.rooms.get(boardId) ?? (await this.loading.get(boardId)?.catch(() => undefined))
      if (reloaded) {
        this.forget(reloaded)
        this.cancelUnload(boardId)
        await reloaded.discard(CloseCode.NO_SUCH_BOARD, 'board deleted')
      }
      this.isolated.delete(boardId)
      this.failures.delete(boardId)
      this.otherSockets?.(boardId, () => true, CloseCode.NO_SUCH_BOARD, 'board deleted')
      this.bus?.publish(boardId, { kind: 'deleted', from: this.bus.instanceId })
      return removed
    })
  }

  /** The room if it is in memory now (for tests and metrics). */
  peek(boardId: string): Room | undefined {
    return this.rooms.get(boardId)
  }

  get loadedBoards(): number {
    return this.rooms.size
  }

  /** Boards kept out of service now, for /healthz. */
  get isolatedBoards(): IsolatedBoard[] {
    return [...this.isolated].map(([boardId, { since }]) => ({ boardId, since }))
  }

  /** Keeps a board out of service for ISOLATION_MS, so that it cannot keep failing; every other board goes on. */
  private isolate(boardId: string, reason: string): void {
    this.isolated.set(boardId, { since: Date.now(), reason })
    this.log.error({ boardId, reason }, 'board isolated: it is refused until the isolation ends or the server restarts')
  }

  private async load(boardId: string): Promise<Room> {
    await this.unloading.get(boardId)
    let room: Room
    try {
      room = await Room.load(boardId, this.storage, this.log, {
        onEmpty: (empty) => {
          this.scheduleUnload(empty)
          this.onLastLeft(empty)
        },
        onFailure: (failed, cause) => this.handleFailure(failed, cause),
        onDeletedElsewhere: (deleted) => {
          this.forget(deleted)
          this.cancelUnload(deleted.boardId)
          void deleted.discard(CloseCode.NO_SUCH_BOARD, 'board deleted')
        },
        observer: this.observer,
        onStoredAnswer: async (answer) => {
          // No more sockets than the room could ever admit (see Room.addConnection).
          const waiters = [...(this.storedAnswerWaiters.get(boardId) ?? [])].slice(0, MAX_EDITOR_CONNECTIONS_PER_BOARD + MAX_VIEWER_CONNECTIONS_PER_BOARD)
          this.storedAnswerWaiters.delete(boardId)
          await Promise.all(
            waiters.map(async (waiter) => {
              try {
                await waiter(answer)
              } catch (error) {
                this.log.warn({ boardId, err: error }, 'could not send the stored board early')
              }
            }),
          )
        },
      }, this.bus)
    } catch (error) {
      if (error instanceof BoardUnavailableError) this.isolate(boardId, error.message)
      throw error
    }
    this.rooms.set(boardId, room)
    // What another instance stored between reading the board and subscribing to its messages.
    if (this.bus) void room.catchUp()
    // A socket may have left while the board loaded.
    if (room.size === 0) this.scheduleUnload(room)
    this.log.debug({ boardId }, 'board loaded')
    return room
  }

  /**
   * A board that could not store or flush is dropped from memory; one whose own handling keeps
   * failing is isolated. Storage that is away fails every board alike and is no board's fault:
   * those boards load again once it is back.
   */
  private handleFailure(room: Room, cause: 'storage' | 'processing'): void {
    this.forget(room)
    if (cause === 'storage') return
    const now = Date.now()
    const recent = (this.failures.get(room.boardId) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS)
    recent.push(now)
    this.failures.set(room.boardId, recent)
    if (recent.length >= FAILURES_BEFORE_ISOLATION) {
      this.failures.delete(room.boardId)
      this.isolate(room.boardId, `it failed ${recent.length} times within ${FAILURE_WINDOW_MS / 60_000} minutes`)
    }
  }

  private scheduleUnload(room: Room): void {
    if (this.shuttingDown || room.isClosed) return
    this.cancelUnload(room.boardId)
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.boardId)
      if (room.size === 0) void this.unload(room)
    }, this.idleUnloadMs)
    timer.unref()
    this.unloadTimers.set(room.boardId, timer)
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(boardId)
    }
  }

  private async unload(room: Room): Promise<void> {
    this.forget(room)
    const done = room
      .close(CloseCode.GOING_AWAY, 'board unloaded')
      .catch((error: unknown) => this.log.error({ boardId: room.boardId, err: error }, 'unloading failed'))
      .finally(() => {
        if (this.unloading.get(room.boardId) === done) this.unloading.delete(room.boardId)
      })
    this.unloading.set(room.boardId, done)
    await done
    this.log.debug({ boardId: room.boardId }, 'board unloaded')
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.boardId) === room) this.rooms.delete(room.boardId)
  }

  /** Persists every board and closes every socket with 1001. */
  async closeAll(): Promise<void> {
    this.shuttingDown = true
    clearInterval(this.reconcileTimer)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    await Promise.allSettled(this.loading.values())
    const rooms = [...this.rooms.values()]
    this.rooms.clear()
    await Promise.all([
      ...rooms.map((room) => room.close(CloseCode.GOING_AWAY, 'server shutting down')),
      ...this.unloading.values(),
    ])
  }
}
