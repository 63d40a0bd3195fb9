/**
 * Provides `app.rooms` and `app.privateSpaces`, and with DORFPLATZ_REDIS_URL the bus to the other instances; on shutdown
 * every board is persisted and every socket closed with 1001 before the server stops.
 */
import fp from 'fastify-plugin'
import { saveSnapshotWhenLastLeft } from '../boards/lastLeftSnapshot.ts'
import type { BoardBus } from '../bus/BoardBus.ts'
import { privateRoundTotalsWriter } from '../boards/privateRounds.ts'
import { PrivateSpaces } from '../sync/PrivateSpaces.ts'
import { RoomRegistry } from '../sync/RoomRegistry.ts'

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry
    /** The private spaces of "Stilles Brainstorming" in memory (see sync/PrivateSpaces.ts). */
    privateSpaces: PrivateSpaces
    /** The bus to the other instances serving the same boards, when there are any. */
    bus: BoardBus | undefined
  }
}

export const roomsPlugin = fp<{ idleUnloadMs: number; redisUrl?: string | undefined; reconcileIntervalMs?: number }>(
  async (app, { idleUnloadMs, redisUrl, reconcileIntervalMs }) => {
    // Loaded only when configured: the Redis client is a sizeable part of an idle server's memory.
    const bus = redisUrl ? new (await import('../bus/RedisBoardBus.ts')).RedisBoardBus(redisUrl, app.log) : undefined
    const rooms = new RoomRegistry(app.storage, app.log, {
      idleUnloadMs,
      onLastLeft: saveSnapshotWhenLastLeft(app.storage, app.log),
      bus,
      reconcileIntervalMs,
      observer: app.metrics,
    })
    const writeTotals = privateRoundTotalsWriter(rooms, app.storage, (error, boardId) =>
      app.log.warn({ err: error, boardId }, 'could not write the private round’s totals'),
    )
    const privateSpaces = new PrivateSpaces(app.storage, app.log, bus, writeTotals)
    rooms.alsoClose((boardId, which, code, reason) => privateSpaces.closeConnections(boardId, (_space, socket) => which(socket.tokenHash), code, reason))
    app.decorate('rooms', rooms)
    app.decorate('privateSpaces', privateSpaces)
    app.decorate('bus', bus)
    // preClose runs before the HTTP server and the WebSocket server close, so sockets still get their 1001.
    app.addHook('preClose', async () => {
      privateSpaces.closeAll()
      await rooms.closeAll()
      await bus?.close()
    })
  },
  { name: 'dorfplatz-rooms', dependencies: ['dorfplatz-storage', 'dorfplatz-metrics'] },
)
