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
              // With several instances: whether this one hears the others now (it serves its own clients either way).
              bus: { type: 'string', enum: ['connected', 'disconnected'] },
            },
          },
          503: { type: 'object', properties: { status: { type: 'string' }, reason: { type: 'string' } } },
        },
      },
    },
    async (_request, reply) => {
      try {
        await app.storage.ping()
      } catch {
        // No update is relayed that is not stored: without the database this instance serves nothing.
        return reply.code(503).send({ status: 'unavailable', reason: 'the database cannot be reached' })
      }
      const boardsIsolated = app.rooms.isolatedBoards.map(({ boardId, since }) => ({ id: boardId, since }))
      const bus = app.bus ? { bus: app.bus.connected ? 'connected' : 'disconnected' } : {}
      return { status: 'ok', boardsLoaded: app.rooms.loadedBoards, boardsIsolated, ...bus }
    },
  )

  app.get(
    '/api/config',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            description: 'Settings the web client needs',
            properties: {
              tldrawLicenseKey: { type: 'string' },
              adminTokenRequired: { type: 'boolean' },
              timeZone: { type: 'string' },
              accessibilityContact: { type: 'string' },
            },
          },
        },
      },
    },
    async (): Promise<ClientConfig> => {
    return {
      tldrawLicenseKey: config.tldrawLicenseKey,
      adminTokenRequired: config.adminToken !== undefined,
      timeZone: config.timeZone,
      accessibilityContact: config.accessibilityContact,
    }
    },
  )
}
