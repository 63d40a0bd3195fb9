/** Provides `app.storage` and closes it after everything else has shut down. */
import fp from 'fastify-plugin'
import type { BoardStorage } from '../storage/BoardStorage.ts'

declare module 'fastify' {
  interface FastifyInstance {
    storage: BoardStorage
  }
}

export const storagePlugin = fp<{ storage: BoardStorage }>(
  async (app, { storage }) => {
    app.decorate('storage', storage)
    app.addHook('onClose', async () => {
      await storage.close()
    })
  },
  { name: 'dorfplatz-storage' },
)
