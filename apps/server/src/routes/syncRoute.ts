/**
 * The y-websocket endpoint `/sync/:boardId?token=…` (with `&heartbeat=1` for clients that
 * answer heartbeats, see MessageType.HEARTBEAT). A malformed board id is refused before the
 * upgrade; a missing or unknown token and an unknown board close the socket with 4401 or 4404
 * so that the client learns why.
 */
import type { FastifyInstance } from 'fastify'
import { BOARD_ID_PATTERN, CloseCode, HEARTBEAT_PARAM, SYNC_PATH, isToken } from '@dorfplatz/protocol'
import { Connection, type KeepaliveOptions } from '../sync/Connection.ts'
import { hashToken } from '../tokens.ts'

export async function syncRoute(app: FastifyInstance, { keepalive }: { keepalive?: KeepaliveOptions } = {}): Promise<void> {
  app.get<{ Params: { boardId: string }; Querystring: { token?: string; [HEARTBEAT_PARAM]?: '1' } }>(
    `${SYNC_PATH}/:boardId`,
    {
      websocket: true,
      schema: {
        params: {
          type: 'object',
          required: ['boardId'],
          properties: { boardId: { type: 'string', pattern: BOARD_ID_PATTERN.source } },
        },
        querystring: { type: 'object', properties: { token: { type: 'string' }, [HEARTBEAT_PARAM]: { type: 'string', enum: ['1'] } } },
      },
    },
    (socket, request) => {
      const connection = new Connection(socket, undefined, keepalive)
      connection.heartbeats = request.query[HEARTBEAT_PARAM] === '1'
      const { boardId } = request.params
      const { token } = request.query
      const admit = async () => {
        if (token === undefined || token === '') {
          connection.close(CloseCode.UNAUTHORIZED, 'token missing')
          return
        }
        const tokenHash = isToken(token) ? hashToken(token) : undefined
        const grant = tokenHash === undefined ? undefined : await app.storage.findToken(tokenHash)
        if (!grant || tokenHash === undefined) {
          connection.close(CloseCode.UNAUTHORIZED, 'unknown token')
          return
        }
        if (grant.boardId !== boardId) {
          const board = await app.storage.getBoard(boardId)
          connection.close(
            board ? CloseCode.UNAUTHORIZED : CloseCode.NO_SUCH_BOARD,
            board ? 'token is not for this board' : 'no such board',
          )
          return
        }
        connection.role = grant.role
        connection.tokenHash = tokenHash
        const room = await app.rooms.acquire(boardId)
        // The link may have been replaced while the board loaded.
        const stillValid = !connection.isClosed && (await app.storage.findToken(tokenHash)) !== undefined
        if (!stillValid || connection.isClosed) {
          connection.close(CloseCode.UNAUTHORIZED, 'link replaced')
          app.rooms.releaseIfIdle(room)
          return
        }
        room.addConnection(connection)
      }
      admit().catch((error: unknown) => {
        request.log.error({ err: error, boardId }, 'could not admit socket')
        connection.close(CloseCode.GOING_AWAY, 'server unavailable')
      })
    },
  )
}
