/**
 * The boards currently in memory. A board is loaded when its first socket
 * arrives and unloaded (persisted, compacted, dropped) once nobody has had it
 * open for `idleUnloadMs`. When the last person leaves a board that someone
 * changed, the board is saved as an automatic snapshot.
 */
import type { FastifyBaseLogger } from 'fastify'
import { CloseCode } from '@dorfplatz/protocol'
import { KEEP_AUTOMATIC_SNAPSHOTS, LAST_LEFT_SNAPSHOT_NAME, takeSnapshot } from '../boards/boardSnapshots.ts'
import type { BoardStorage } from '../storage/BoardStorage.ts'
import { Room } from './Room.ts'

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Unloads in progress; a board is loaded again only after its unload has finished writing. */
  private readonly unloading = new Map<string, Promise<void>>()
  private shuttingDown = false

  constructor(
    private readonly storage: BoardStorage,
    private readonly log: FastifyBaseLogger,
    private readonly idleUnloadMs: number,
  ) {}

  /** The loaded room of a board, loading it if needed. Concurrent callers share one load. */
  async acquire(boardId: string): Promise<Room> {
    if (this.shuttingDown) throw new Error('server is shutting down')
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
    this.rooms.get(boardId)?.closeConnections((connection) => tokenHashes.includes(connection.tokenHash ?? ''), code, reason)
  }

  /** The room if it is in memory now (for tests and metrics). */
  peek(boardId: string): Room | undefined {
    return this.rooms.get(boardId)
  }

  get loadedBoards(): number {
    return this.rooms.size
  }

  private async load(boardId: string): Promise<Room> {
    await this.unloading.get(boardId)
    const room = await Room.load(boardId, this.storage, this.log, {
      onEmpty: (empty) => {
        this.snapshotAfterLastLeft(empty)
        this.scheduleUnload(empty)
      },
      onFailure: (failed) => this.forget(failed),
    })
    this.rooms.set(boardId, room)
    // A socket may have left while the board loaded.
    if (room.size === 0) this.scheduleUnload(room)
    this.log.debug({ boardId }, 'board loaded')
    return room
  }

  /** Saves the board as it is now when people changed it since the last automatic snapshot. */
  private snapshotAfterLastLeft(room: Room): void {
    if (!room.takeClientChanges()) return
    // Taken now, from memory: the state includes every applied update, stored or about to be.
    const snapshot = takeSnapshot(room.doc, 'last-left', LAST_LEFT_SNAPSHOT_NAME)
    this.storage
      .saveSnapshot(room.boardId, snapshot, { keepAutomatic: KEEP_AUTOMATIC_SNAPSHOTS })
      .then(() => this.log.debug({ boardId: room.boardId }, 'automatic snapshot saved'))
      .catch((error: unknown) => this.log.warn({ boardId: room.boardId, err: error }, 'automatic snapshot failed'))
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
