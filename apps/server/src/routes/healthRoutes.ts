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
            properties: { status: { type: 'string' }, boardsLoaded: { type: 'integer' } },
          },
        },
      },
    },
    async () => {
      await app.storage.ping()
      return { status: 'ok', boardsLoaded: app.rooms.loadedBoards }
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
