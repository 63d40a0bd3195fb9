/**
 * Builds the whole Dorfplatz server as one Fastify instance, for `server.ts`
 * and for tests alike. Nothing here listens or reads the environment.
 */
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import websocket from '@fastify/websocket'
import type { WebSocket } from 'ws'
import { CloseCode, MAX_SYNC_ANSWER_BYTES } from '@dorfplatz/protocol'
import type { Config } from './config.ts'
import { storagePlugin } from './plugins/storagePlugin.ts'
import { roomsPlugin } from './plugins/roomsPlugin.ts'
import { retentionPlugin } from './plugins/retentionPlugin.ts'
import { metricsPlugin } from './plugins/metricsPlugin.ts'
import { apiDocsPlugin } from './plugins/apiDocsPlugin.ts'
import { SqliteBoardStorage } from './storage/SqliteBoardStorage.ts'
import type { BoardStorage } from './storage/BoardStorage.ts'
import { boardRoutes } from './routes/boardRoutes.ts'
import { seriesRoutes } from './routes/seriesRoutes.ts'
import { boardDeletionRoute } from './routes/boardDeletionRoute.ts'
import { facilitationRoutes } from './routes/facilitationRoutes.ts'
import { privateRoundRoutes } from './routes/privateRoundRoutes.ts'
import { healthRoutes } from './routes/healthRoutes.ts'
import { historyRoutes } from './routes/historyRoutes.ts'
import { templateRoutes } from './routes/templateRoutes.ts'
import { runSheetRoutes } from './routes/runSheetRoutes.ts'
import { snapshotRoutes } from './routes/snapshotRoutes.ts'
import { strategyRoutes } from './routes/strategyRoutes.ts'
import { syncRoute } from './routes/syncRoute.ts'
import type { KeepaliveOptions } from './sync/Connection.ts'
import { webApp } from './routes/webApp.ts'
import { boardAdmission, requestToken } from './routes/boardAccess.ts'
import { BoardError, type BoardErrorKind } from './boards/BoardError.ts'
import { HttpError } from './routes/httpError.ts'
import { apiErrorSchema } from './routes/schemas.ts'
import { BoardUnavailableError } from './sync/Room.ts'
import { secretsEqual } from './tokens.ts'
import { lazySchemaController } from './lazySchemaCompilers.ts'

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

/**
 * The Content Security Policy of every answer: the app's own origin only. tldraw styles its
 * shapes inline, and pasted pictures live on the board as data URLs; nothing else is allowed,
 * no other site may frame the app, and no script other than the app's own files runs.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    mediaSrc: ["'self'", 'data:', 'blob:'],
    // tldraw fetches its (empty) English translations, which the build inlines as a data URL.
    connectSrc: ["'self'", 'data:'],
    workerSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
}

/** The one place where the board domain's errors become HTTP status codes. */
const BOARD_ERROR_STATUS: Record<BoardErrorKind, number> = { conflict: 409, invalid: 422, 'not-found': 404 }

/** What the error handler says for client errors whose own text may carry internals (a parser's, say). */
const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: 'The request could not be read.',
  404: 'Not found.',
  405: 'This method is not allowed here.',
  413: 'The request is too large.',
  415: 'This content type is not accepted here.',
}

/** PostgreSQL when the operator configured it (migrated on start), else the SQLite file in the data folder. */
async function openStorage(config: Config): Promise<BoardStorage> {
  if (!config.databaseUrl) return new SqliteBoardStorage(config.dataDir)
  // Loaded only when configured, like the Redis bus: an idle server on SQLite does not carry the client.
  const { PostgresBoardStorage } = await import('./storage/PostgresBoardStorage.ts')
  return PostgresBoardStorage.open(config.databaseUrl)
}

// Link tokens and private-space keys are secrets: never in a log line or an error message.
const redactToken = (url: string) => url.replace(/([?&](?:token|key)=)[^&]*/g, '$1…')

export interface BuildOptions {
  storage?: BoardStorage
  /** With several instances: how often boards check the database for what the bus missed (tests shorten it). */
  reconcileIntervalMs?: number
  /** How quickly silent sockets are cut off; tests shorten it (see Connection.ts). */
  keepalive?: KeepaliveOptions
  /** The clock that retention counts with (when boards were opened, when they expire); tests move it. */
  now?: () => number
  /** Where the JSON log lines go (stdout by default; tests read them). */
  logStream?: NodeJS.WritableStream
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: {
        req: (request) => ({ method: request.method, url: redactToken(request.url), remoteAddress: request.ip }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // One line per request instead of Fastify's two (see the onResponse hook below).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // On close, also end connections that are not idle, such as a browser's speculative
    // preconnect that never sends a request and would otherwise hold the shutdown. Boards and
    // sockets are closed before (preClose), so nothing is lost.
    forceCloseConnections: true,
    // Bad input is refused, not repaired: no type coercion, no silent removal of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    // Each route's schemas are compiled on its first request, not at start (see lazySchemaCompilers.ts).
    schemaController: lazySchemaController(),
  })

  // Only messages written for the caller pass: ours (HttpError), Fastify's and schema validation. Any other
  // error's text (a parser's, a library's) may describe internals and is replaced.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BoardUnavailableError) {
      request.log.warn({ err: error }, 'board unavailable')
      return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: 'This board cannot be opened right now.' })
    }
    if (error instanceof BoardError) {
      const statusCode = BOARD_ERROR_STATUS[error.kind]
      return reply.code(statusCode).send({ statusCode, error: httpStatusName(statusCode), message: error.message, ...(error.reason && { reason: error.reason }) })
    }
    const statusCode = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500)
    if (statusCode >= 500 || statusCode < 400) {
      request.log.error({ err: error }, 'request failed')
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on the server.' })
    }
    let message: string
    if (error instanceof HttpError) message = error.message
    else if (error.validation) message = `Invalid request: ${error.message}`
    // Fastify's own errors (a body that is not JSON, too large, of an unknown type) have fixed texts.
    else if (error.code?.startsWith('FST_ERR_')) message = error.message
    else message = CLIENT_ERROR_MESSAGES[statusCode] ?? 'The request was refused.'
    return reply.code(statusCode).send({ statusCode, error: httpStatusName(statusCode), message })
  })
  app.addSchema(apiErrorSchema)
  // One JSON line per answered request, at the route's log level (health checks log only problems).
  // Sockets log their own lines when they open and close (see syncRoute).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: redactToken(request.url),
        route: request.routeOptions.url,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        remoteAddress: request.ip,
      },
      'request',
    )
  })
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route for ${request.method} ${redactToken(request.url)}.` })
  })

  const isAdmin = (request: FastifyRequest) => {
    const token = requestToken(request)
    return config.adminToken !== undefined && token !== undefined && secretsEqual(token, config.adminToken)
  }

  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  })
  // Every API route an anonymous caller can reach is limited per address; creating boards more
  // tightly (see boardRoutes). Static files and the sync socket are not: a room of browsers
  // behind one address loads many files at once, and sockets have limits of their own.
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api/') && !request.url.startsWith('/healthz'),
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, `Too many requests from this address; please try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
  })
  // preParsing: after the rate limit has counted the request, before its body is read.
  app.addHook('preParsing', boardAdmission(app, isAdmin))

  await app.register(storagePlugin, { storage: options.storage ?? (await openStorage(config)) })
  await app.register(apiDocsPlugin)
  await app.register(metricsPlugin, { config })
  await app.register(roomsPlugin, { idleUnloadMs: config.idleUnloadMs, redisUrl: config.redisUrl, reconcileIntervalMs: options.reconcileIntervalMs })
  const now = options.now ?? Date.now
  await app.register(retentionPlugin, { retentionDays: config.retentionDays, now })
  await app.register(websocket, {
    options: { maxPayload: WS_MAX_PAYLOAD_BYTES },
    preClose: () => closeSockets(app.websocketServer.clients),
  })
  await app.register(healthRoutes, { config })
  await app.register(boardRoutes, { config, isAdmin, now })
  await app.register(boardDeletionRoute, { isAdmin })
  await app.register(seriesRoutes, { config, isAdmin })
  await app.register(facilitationRoutes)
  await app.register(privateRoundRoutes)
  // Private rounds are not wired into the run-sheet yet: a step with one is refused (422).
  await app.register(runSheetRoutes)
  await app.register(snapshotRoutes, { config })
  await app.register(strategyRoutes, { config })
  await app.register(historyRoutes)
  await app.register(templateRoutes, { config, isAdmin, now })
  await app.register(syncRoute, { config, keepalive: options.keepalive, now })
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
    case 409:
      return 'Conflict'
    case 413:
      return 'Payload Too Large'
    case 415:
      return 'Unsupported Media Type'
    case 422:
      return 'Unprocessable Entity'
    case 426:
      return 'Upgrade Required'
    case 429:
      return 'Too Many Requests'
    default:
      return 'Error'
  }
}
