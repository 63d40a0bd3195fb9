/** Creating boards and reading a board's title and the caller's role. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { initBoardDoc } from '@dorfplatz/board'
import {
  BOARD_ID_PATTERN,
  MAX_TITLE_LENGTH,
  ROLES,
  boardPath,
  isToken,
  type BoardInfo,
  type CreatedBoard,
  type Role,
} from '@dorfplatz/protocol'
import type { Config } from '../config.ts'
import { hashToken, newBoardId, newToken, secretsEqual } from '../tokens.ts'
import { httpError } from './httpError.ts'

/** The first page of a new board; the web client shows its name in tldraw's page menu. */
const FIRST_PAGE_NAME = 'Seite 1'

const boardIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: BOARD_ID_PATTERN.source } },
} as const

const createBoardBody = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: MAX_TITLE_LENGTH, pattern: '\\S' },
  },
} as const

const roleStrings = {
  type: 'object',
  required: [...ROLES],
  properties: Object.fromEntries(ROLES.map((role) => [role, { type: 'string' }])),
} as const

/** The token of a request: `Authorization: Bearer …`, else `?token=`. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim()
  const query = request.query as { token?: unknown } | undefined
  return typeof query?.token === 'string' ? query.token : undefined
}

export async function boardRoutes(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  const origin = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`

  app.post<{ Body: { title: string } }>(
    '/api/boards',
    {
      schema: {
        body: createBoardBody,
        response: {
          201: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              tokens: roleStrings,
              links: roleStrings,
            },
          },
        },
      },
    },
    async (request, reply) => {
      if (config.adminToken !== undefined) {
        const token = requestToken(request)
        if (token === undefined || !secretsEqual(token, config.adminToken)) {
          throw httpError(401, 'Creating boards needs the admin token (Authorization: Bearer …).')
        }
      }
      const title = request.body.title.trim()
      const id = newBoardId()
      const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>
      const doc = new Y.Doc()
      initBoardDoc(doc, { title, pageName: FIRST_PAGE_NAME })
      await app.storage.createBoard({
        id,
        title,
        createdAt: Date.now(),
        initialState: Y.encodeStateAsUpdate(doc),
        tokenHashes: Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<
          Role,
          string
        >,
      })
      doc.destroy()
      const base = origin(request)
      const links = Object.fromEntries(
        ROLES.map((role) => [role, base + boardPath(id, tokens[role])]),
      ) as Record<Role, string>
      request.log.info({ boardId: id }, 'board created')
      const created: CreatedBoard = { id, title, tokens, links }
      return reply.code(201).send(created)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/api/boards/:id',
    {
      schema: {
        params: boardIdParams,
        querystring: { type: 'object', properties: { token: { type: 'string' } } },
        response: {
          200: {
            type: 'object',
            properties: { id: { type: 'string' }, title: { type: 'string' }, role: { type: 'string' } },
          },
        },
      },
    },
    async (request): Promise<BoardInfo> => {
      const token = requestToken(request)
      if (token === undefined) throw httpError(401, 'This board needs the token of one of its links.')
      const board = await app.storage.getBoard(request.params.id)
      if (!board) throw httpError(404, 'There is no board with this id.')
      const grant = isToken(token) ? await app.storage.findToken(hashToken(token)) : undefined
      if (!grant || grant.boardId !== board.id) {
        throw httpError(401, 'This link is not valid for this board (unknown or replaced).')
      }
      return { id: board.id, title: board.title, role: grant.role }
    },
  )
}
