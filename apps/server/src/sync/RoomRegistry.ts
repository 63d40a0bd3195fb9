/**
 * The boards currently in memory. A board is loaded when its first socket
 * arrives and unloaded (persisted, compacted, dropped) once nobody has had it
 * open for `idleUnloadMs`. What happens when the last person leaves a board is
 * the app's to decide (`onLastLeft`).
 */
import type { FastifyBaseLogger } from 'fastify'
import { CloseCode } from '@dorfplatz/protocol'
import type { DocumentLog } from '../storage/DocumentLog.ts'
import { BoardUnavailableError, Room } from './Room.ts'

/** How long a board that could not be loaded is refused before loading is tried again. */
export const ISOLATION_MS = 5 * 60_000

/** Failures of one board (could not store, or a flush threw) within FAILURE_WINDOW_MS after which it is isolated. */
const FAILURES_BEFORE_ISOLATION = 3
const FAILURE_WINDOW_MS = 10 * 60_000

/** A board kept out of service, and since when (for /healthz; the reason is in the log). */
export interface IsolatedBoard {
  boardId: string
  since: number
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Unloads in progress; a board is loaded again only after its unload has finished writing. */
  private readonly unloading = new Map<string, Promise<void>>()
  private shuttingDown = false
  /** Boards that cannot be served now, with when they were isolated and why. */
  private readonly isolated = new Map<string, { since: number; reason: string }>()
  private readonly failures = new Map<string, number[]>()

  private readonly idleUnloadMs: number
  private readonly onLastLeft: (room: Room) => void

  constructor(
    private readonly storage: DocumentLog,
    private readonly log: FastifyBaseLogger,
    {
      idleUnloadMs,
      onLastLeft = () => {},
    }: {
      idleUnloadMs: number
      /** Called when the last socket of a board has closed (the board stays loaded a while longer). */
      onLastLeft?: (room: Room) => void
    },
  ) {
    this.idleUnloadMs = idleUnloadMs
    this.onLastLeft = onLastLeft
  }

  /** The loaded room of a board, loading it if needed. Concurrent callers share one load. */
  async acquire(boardId: string): Promise<Room> {
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
      loading = this.load(boardId).finally(() => this.loading.delete(boardId))
      this.loading.set(boardId, loading)
    }
    return loading
  }

  /**
   * Runs a server-side change on a board's document (loading it if needed) and
   * resolves once the change is stored and sent to everyone connected.
   */
  async change<T>(boardId: string, apply: (room: Room) => T): Promise<T> {
    const room = await this.acquire(boardId)
    try {
      const result = apply(room)
      await room.flush()
      if (room.hasFailed) throw new Error('the change could not be stored')
      return result
    } finally {
      if (room.size === 0) this.scheduleUnload(room)
    }
  }

  /** Lets a board that was acquired for a socket that then did not join unload again once idle. */
  releaseIfIdle(room: Room): void {
    if (room.size === 0) this.scheduleUnload(room)
  }

  /** Closes the sockets of a board that were opened with one of `tokenHashes` (a replaced link). */
  closeTokenConnections(boardId: string, tokenHashes: readonly string[], code: CloseCode, reason: string): void {
    this.rooms.get(boardId)?.closeConnections((session) => tokenHashes.includes(session.tokenHash), code, reason)
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
        onFailure: (failed) => this.handleFailure(failed),
      })
    } catch (error) {
      if (error instanceof BoardUnavailableError) this.isolate(boardId, error.message)
      throw error
    }
    this.rooms.set(boardId, room)
    // A socket may have left while the board loaded.
    if (room.size === 0) this.scheduleUnload(room)
    this.log.debug({ boardId }, 'board loaded')
    return room
  }

  /** A board that could not store or flush is dropped from memory; one that keeps failing is isolated. */
  private handleFailure(room: Room): void {
    this.forget(room)
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
