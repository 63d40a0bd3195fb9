/**
 * The y-websocket endpoint `/sync/:boardId?token=…` (with `&heartbeat=1` for clients that answer
 * heartbeats, see MessageType.HEARTBEAT). A malformed board id and a browser page
 * of another site (by its Origin) are refused before the upgrade; a missing, unknown or foreign
 * token closes the socket with 4401, a board that is gone with 4404, a board that cannot be
 * served now with 1011, so that the client learns why.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { BOARD_ID_PATTERN, CloseCode, HEARTBEAT_PARAM, PRIVATE_KEY_PARAM, SYNC_PATH, TOKEN_PATTERN, type Role } from '@dorfplatz/protocol'
import { privateSpaceOwner } from '../boards/privateRounds.ts'
import type { Config } from '../config.ts'
import { originOf } from '../originOf.ts'
import { BoardUnavailableError } from '../sync/Room.ts'
import { Connection, type KeepaliveOptions } from '../sync/Connection.ts'
import type { SocketLike } from '../sync/SocketLike.ts'
import { isWholeBoardRequest } from '../sync/syncMessages.ts'
import { admitToken } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import { errorAnswers } from './schemas.ts'

/**
 * How long a board stored checked waits, before it is decoded, for the first message of a socket
 * that is waiting for it (see Room.load): a client that asks for everything is then sent the board
 * as stored at once. A slower client is answered once the board is decoded, as any other; the
 * wait costs it at most this much.
 */
export const STORED_ANSWER_WAIT_MS = 50

/** Resolves once the socket has a message waiting (or is attached or closed), or after `ms`. */
async function firstMessageOrTimeout(connection: Connection, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([connection.firstBuffered(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))])
  clearTimeout(timer)
}

/**
 * Whether a browser page at `origin` may open a board's socket: pages of this server (as the
 * request reached it, or its public address) and the origins the operator allows. A missing
 * Origin is not a browser page (browsers always send one on WebSocket upgrades); any Yjs tool
 * may connect with a token.
 */
export function isAllowedOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true
  const normalized = originOf(origin)
  if (normalized === null) return false
  const own = originOf(`${request.protocol}://${request.host}`)
  const allowed = new Set([own, config.publicUrl && originOf(config.publicUrl), ...config.allowedOrigins])
  return allowed.has(normalized)
}

export async function syncRoute(
  app: FastifyInstance,
  { config, keepalive, now = Date.now }: { config: Config; keepalive?: KeepaliveOptions; now?: () => number },
): Promise<void> {
  // Another site's page could otherwise use a link it learned to act in its visitor's browser.
  const sameSite = async (request: FastifyRequest) => {
    if (!isAllowedOrigin(request, config)) throw httpError(403, 'Pages of this origin may not connect to boards here.')
  }
  // A plain GET (no upgrade). With `wsHandler` instead of `websocket: true` the route stays in the API document.
  const upgradeOnly = async () => {
    throw httpError(426, 'This is a WebSocket endpoint (y-websocket protocol); connect with a WebSocket client.')
  }
  const connect = (socket: SocketLike, request: FastifyRequest<{ Querystring: { [HEARTBEAT_PARAM]?: '1' } }>) =>
    new Connection(socket, {
      keepalive,
      heartbeats: request.query[HEARTBEAT_PARAM] === '1',
      observer: app.metrics,
      onError: (failed, error) => request.log.error({ err: error, connection: failed.id }, 'socket callback failed; the socket was closed'),
    })

  app.route<{ Params: { boardId: string }; Querystring: { token?: string; [HEARTBEAT_PARAM]?: '1' } }>({
    method: 'GET',
    url: `${SYNC_PATH}/:boardId`,
    schema: {
      params: {
        type: 'object',
        required: ['boardId'],
        properties: { boardId: { type: 'string', pattern: BOARD_ID_PATTERN.source } },
      },
      querystring: { type: 'object', properties: { token: { type: 'string' }, [HEARTBEAT_PARAM]: { type: 'string', enum: ['1'] } } },
      response: {
        101: { description: 'Switches to a WebSocket that speaks the y-websocket protocol; refusals come as close codes', type: 'null' },
        ...errorAnswers(400, 403, 426),
      },
    },
    onRequest: sameSite,
    handler: upgradeOnly,
    wsHandler: (socket, request) => {
      const connection = connect(socket, request)
      const { boardId } = request.params
      // One line when a socket joins its board and one when it closes, never with its token.
      const opened = performance.now()
      let role: Role | undefined
      socket.on('close', (code: number) => {
        request.log.info(
          { boardId, role: role ?? null, connection: connection.id, code, durationMs: Math.round(performance.now() - opened) },
          'socket closed',
        )
      })
      const admit = async () => {
        const admission = await admitToken(app, boardId, request.query.token)
        if (!admission.ok) {
          if (admission.why === 'no-board') connection.close(CloseCode.NO_SUCH_BOARD, 'no such board')
          else connection.close(CloseCode.UNAUTHORIZED, admission.why === 'no-token' ? 'token missing' : 'link not valid')
          return
        }
        const { grant } = admission
        // A client that has nothing gets a board stored checked as soon as it is read, before it is
        // decoded (see Room.load). Its request follows the socket's opening by a round trip.
        let answeredWith: Uint8Array | undefined
        let room = await app.rooms.acquire(boardId, async (answer) => {
          await firstMessageOrTimeout(connection, STORED_ANSWER_WAIT_MS)
          if (connection.isClosed || !connection.takeFirstBuffered(isWholeBoardRequest)) return
          connection.send([answer])
          answeredWith = answer
        })
        // The link may have been replaced while the board loaded.
        const stillValid = !connection.isClosed && (await app.storage.findToken(grant.tokenHash)) !== undefined
        if (!stillValid || connection.isClosed) {
          connection.close(CloseCode.UNAUTHORIZED, 'link replaced')
          app.rooms.releaseIfIdle(room)
          return
        }
        // The board may have been unloaded meanwhile (nobody else had it open): load it again.
        if (room.isClosed) room = await app.rooms.acquire(boardId)
        room.addConnection(connection, { role: grant.role, tokenHash: grant.tokenHash, answeredWith })
        if (connection.isClosed) return
        role = grant.role
        request.log.info({ boardId, role, connection: connection.id }, 'socket opened')
        // Opening a board starts its retention period anew (see boards/boardDeletion.ts).
        await app.storage.touchBoard(boardId, now()).catch((error: unknown) => {
          request.log.warn({ err: error, boardId }, 'could not note that the board was opened')
        })
      }
      admit().catch((error: unknown) => {
        if (error instanceof BoardUnavailableError) {
          connection.close(CloseCode.BOARD_UNAVAILABLE, 'board unavailable')
          return
        }
        request.log.error({ err: error, boardId }, 'could not admit socket')
        connection.close(CloseCode.GOING_AWAY, 'server unavailable')
      })
    },
  })

  // One person's private space of "Stilles Brainstorming" (see sync/PrivateSpaces.ts): the same
  // protocol, a document that only sockets with the same browser key ever see.
  app.route<{ Params: { boardId: string; roundId: string }; Querystring: { token?: string; key?: string; [HEARTBEAT_PARAM]?: '1' } }>({
    method: 'GET',
    url: `${SYNC_PATH}/:boardId/private/:roundId`,
    schema: {
      params: {
        type: 'object',
        required: ['boardId', 'roundId'],
        properties: { boardId: { type: 'string', pattern: BOARD_ID_PATTERN.source }, roundId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
      },
      querystring: {
        type: 'object',
        properties: { token: { type: 'string' }, [PRIVATE_KEY_PARAM]: { type: 'string' }, [HEARTBEAT_PARAM]: { type: 'string', enum: ['1'] } },
      },
      response: {
        101: { description: 'Switches to a WebSocket (y-websocket protocol) on the private space of the browser key `key`', type: 'null' },
        ...errorAnswers(400, 403, 426),
      },
    },
    onRequest: sameSite,
    handler: upgradeOnly,
    wsHandler: (socket, request) => {
      const connection = connect(socket, request)
      const { boardId, roundId } = request.params
      const key = request.query[PRIVATE_KEY_PARAM]
      const admit = async () => {
        const admission = await admitToken(app, boardId, request.query.token)
        if (!admission.ok) {
          if (admission.why === 'no-board') connection.close(CloseCode.NO_SUCH_BOARD, 'no such board')
          else connection.close(CloseCode.UNAUTHORIZED, admission.why === 'no-token' ? 'token missing' : 'link not valid')
          return
        }
        const { role, tokenHash } = admission.grant
        if (role === 'viewer') {
          connection.close(CloseCode.FORBIDDEN, 'this link may only view the board')
          return
        }
        if (typeof key !== 'string' || !TOKEN_PATTERN.test(key)) {
          connection.close(CloseCode.BAD_MESSAGE, 'a private space needs the browser’s key')
          return
        }
        await app.privateSpaces.admit(connection, { boardId, roundId, owner: privateSpaceOwner(boardId, key) }, { role, tokenHash })
      }
      admit().catch((error: unknown) => {
        request.log.error({ err: error, boardId }, 'could not admit socket to a private space')
        connection.close(CloseCode.GOING_AWAY, 'server unavailable')
      })
    },
  })
}
