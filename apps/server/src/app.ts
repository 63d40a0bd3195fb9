/**
 * Builds the whole Dorfplatz server as one Fastify instance, for `server.ts`
 * and for tests alike. Nothing here listens or reads the environment.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import websocket from '@fastify/websocket'
import type { WebSocket } from 'ws'
import { CloseCode, MAX_SYNC_ANSWER_BYTES } from '@dorfplatz/protocol'
import type { Config } from './config.ts'
import { storagePlugin } from './plugins/storagePlugin.ts'
import { roomsPlugin } from './plugins/roomsPlugin.ts'
import { SqliteBoardStorage } from './storage/SqliteBoardStorage.ts'
import type { BoardStorage } from './storage/BoardStorage.ts'
import { boardRoutes } from './routes/boardRoutes.ts'
import { facilitationRoutes } from './routes/facilitationRoutes.ts'
import { healthRoutes } from './routes/healthRoutes.ts'
import { snapshotRoutes } from './routes/snapshotRoutes.ts'
import { syncRoute } from './routes/syncRoute.ts'
import type { KeepaliveOptions } from './sync/Connection.ts'
import { webApp } from './routes/webApp.ts'
import { HttpError } from './routes/httpError.ts'

/**
 * The WebSocket layer drops frames past this size on its own (close 1009) before
 * buffering them; below it, the sync layer answers 4413 to anything past its limits
 * (MAX_MESSAGE_BYTES, or MAX_SYNC_ANSWER_BYTES for a sync step 2).
 */
const WS_MAX_PAYLOAD_BYTES = MAX_SYNC_ANSWER_BYTES + 1024

/**
 * How long a closing server waits for clients to answer its close frames. A
 * browser that does not answer (a frozen tab, a dead network) would otherwise
 * hold the shutdown for the WebSocket layer's 30 s close timeout; every board
 * is already stored when this wait begins.
 */
const SHUTDOWN_GRACE_MS = 2000

/** Closes the sockets the rooms have not closed yet (latecomers), and cuts off whatever has not closed after SHUTDOWN_GRACE_MS. */
async function closeSockets(clients: Set<WebSocket>): Promise<void> {
  const open = [...clients].filter((socket) => socket.readyState !== socket.CLOSED)
  const closed = open.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())))
  for (const socket of open) if (socket.readyState === socket.OPEN) socket.close(CloseCode.GOING_AWAY, 'server shutting down')
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS)))
  if ((await Promise.race([Promise.all(closed), grace])) === 'timeout') {
    for (const socket of clients) socket.terminate()
  }
  clearTimeout(timer)
}

/** Keeps link tokens out of the logs. */
const redactToken = (url: string) => url.replace(/([?&]token=)[^&]*/g, '$1…')

export interface BuildOptions {
  storage?: BoardStorage
  /** How quickly silent sockets are cut off; tests shorten it (see Connection.ts). */
  keepalive?: KeepaliveOptions
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: {
        req: (request) => ({ method: request.method, url: redactToken(request.url), remoteAddress: request.ip }),
      },
    },
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // On close, also end connections that are not idle, such as a browser's speculative
    // preconnect that never sends a request and would otherwise hold the shutdown. Boards and
    // sockets are closed before (preClose), so nothing is lost.
    forceCloseConnections: true,
    // Bad input is refused, not repaired: no type coercion, no silent removal of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500)
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed')
      return reply.code(statusCode).send({ statusCode, error: 'Internal Server Error', message: 'Something went wrong on the server.' })
    }
    const message = error.validation ? `Invalid request: ${error.message}` : error.message
    return reply.code(statusCode).send({ statusCode, error: httpStatusName(statusCode), message })
  })
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route for ${request.method} ${redactToken(request.url)}.` })
  })

  await app.register(storagePlugin, { storage: options.storage ?? new SqliteBoardStorage(config.dataDir) })
  await app.register(roomsPlugin, { idleUnloadMs: config.idleUnloadMs })
  await app.register(websocket, {
    options: { maxPayload: WS_MAX_PAYLOAD_BYTES },
    preClose: () => closeSockets(app.websocketServer.clients),
  })
  await app.register(healthRoutes, { config })
  await app.register(boardRoutes, { config })
  await app.register(facilitationRoutes)
  await app.register(snapshotRoutes)
  await app.register(syncRoute, { keepalive: options.keepalive })
  await app.register(webApp, { webDir: config.webDir })
  return app
}

function httpStatusName(statusCode: number): string {
  switch (statusCode) {
    case 400:
      return 'Bad Request'
    case 401:
      return 'Unauthorized'
    case 403:
      return 'Forbidden'
    case 404:
      return 'Not Found'
    case 413:
      return 'Payload Too Large'
    case 415:
      return 'Unsupported Media Type'
    default:
      return 'Error'
  }
}
