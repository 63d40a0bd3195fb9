/** Provides `app.rooms`; on shutdown every board is persisted and every socket closed with 1001 before the server stops. */
import fp from 'fastify-plugin'
import { saveSnapshotWhenLastLeft } from '../boards/lastLeftSnapshot.ts'
import { RoomRegistry } from '../sync/RoomRegistry.ts'

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry
  }
}

export const roomsPlugin = fp<{ idleUnloadMs: number }>(
  async (app, { idleUnloadMs }) => {
    const rooms = new RoomRegistry(app.storage, app.log, {
      idleUnloadMs,
      onLastLeft: saveSnapshotWhenLastLeft(app.storage, app.log),
    })
    app.decorate('rooms', rooms)
    // preClose runs before the HTTP server and the WebSocket server close, so sockets still get their 1001.
    app.addHook('preClose', async () => {
      await rooms.closeAll()
    })
  },
  { name: 'dorfplatz-rooms', dependencies: ['dorfplatz-storage'] },
)
