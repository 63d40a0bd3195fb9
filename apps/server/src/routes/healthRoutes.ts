/** `/healthz` for load balancers and monitoring, and `/api/config` for the web client. */
import type { FastifyInstance } from 'fastify'
import type { ClientConfig } from '@dorfplatz/protocol'
import type { Config } from '../config.ts'

export async function healthRoutes(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string' },
              boardsLoaded: { type: 'integer' },
              // Boards kept out of service because they cannot be processed; the reason is in the log.
              boardsIsolated: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'string' }, since: { type: 'number' } } },
              },
            },
          },
        },
      },
    },
    async () => {
      await app.storage.ping()
      const boardsIsolated = app.rooms.isolatedBoards.map(({ boardId, since }) => ({ id: boardId, since }))
      return { status: 'ok', boardsLoaded: app.rooms.loadedBoards, boardsIsolated }
    },
  )

  app.get('/api/config', {}, async (): Promise<ClientConfig> => {
    return {
      tldrawLicenseKey: config.tldrawLicenseKey,
      adminTokenRequired: config.adminToken !== undefined,
      timeZone: config.timeZone,
    }
  })
}
