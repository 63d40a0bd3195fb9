/**
 * The board API: create and list boards, read a board's title and the
 * caller's role, add a workshop template to a live board, and replace a link.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { initBoardDoc } from '@dorfplatz/board'
import type { BoardTemplateId, TemplateLocale } from '@dorfplatz/templates'
import {
  CloseCode,
  ROLES,
  boardPath,
  type BoardInfo,
  type CreatedBoard,
  type Role,
} from '@dorfplatz/protocol'
import type { Config } from '../config.ts'
import { addTemplate } from '../boards/boardTemplates.ts'
import { OwnTemplates } from '../boards/ownTemplates.ts'
import { retentionWarning } from '../boards/boardDeletion.ts'
import { hashToken, newBoardId, newToken } from '../tokens.ts'
import { grantFor } from './boardAccess.ts'
import { HttpError, httpError } from './httpError.ts'
import { BOARD_ROUTE_ERRORS, addTemplateBody, boardIdParams, createBoardBody, errorAnswers, rotateParams, tokenQuery } from './schemas.ts'

/** The first page of a new board, in the board's language. */
const FIRST_PAGE_NAME: Record<TemplateLocale, string> = { de: 'Seite 1', en: 'Page 1' }

const roleStrings = {
  type: 'object',
  required: [...ROLES],
  properties: Object.fromEntries(ROLES.map((role) => [role, { type: 'string' }])),
} as const

const templateInstanceSchema = {
  type: 'object',
  properties: {
    instanceId: { type: 'string' },
    templateId: { type: 'string' },
    x: { type: 'number' },
    y: { type: 'number' },
    pageId: { type: 'string' },
    frameId: { type: 'string' },
    locale: { type: 'string' },
    version: { type: 'number' },
  },
} as const

export async function boardRoutes(
  app: FastifyInstance,
  { config, isAdmin, now = Date.now }: { config: Config; isAdmin: (request: FastifyRequest) => boolean; now?: () => number },
): Promise<void> {
  const ownTemplates = new OwnTemplates(app.storage, now)
  const origin = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`

  app.post<{ Body: { title: string; templates?: BoardTemplateId[]; locale?: TemplateLocale } }>(
    '/api/boards',
    {
      // A new board costs storage; without an admin token anyone may create one, so each address may create only so many.
      config: {
        rateLimit:
          config.boardsPerHour > 0
            ? {
                max: config.boardsPerHour,
                timeWindow: 60 * 60_000,
                keyGenerator: (request: FastifyRequest) => `create-board:${request.ip}`,
                errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
                  new HttpError(
                    429,
                    `Too many new boards from this address; please try again in ${Math.ceil(context.ttl / 60_000)} minutes.`,
                  ),
              }
            : false,
      },
      schema: {
        body: createBoardBody,
        response: {
          201: {
            type: 'object',
            description: 'The new board: its id, title, and the token and link of each role',
            properties: { id: { type: 'string' }, title: { type: 'string' }, tokens: roleStrings, links: roleStrings },
          },
          ...errorAnswers(400, 401, 404, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      if (config.adminToken !== undefined && !isAdmin(request)) {
        throw httpError(401, 'Creating boards needs the admin token (Authorization: Bearer …).')
      }
      const title = request.body.title.trim()
      const locale = request.body.locale ?? 'de'
      const id = newBoardId()
      const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>
      // Own templates are looked up first: a board starts with all its templates or not at all.
      const chosen = await Promise.all((request.body.templates ?? []).map((templateId) => ownTemplates.forPlacing(templateId)))
      const doc = new Y.Doc()
      initBoardDoc(doc, { title, pageName: FIRST_PAGE_NAME[locale] })
      for (const { definition, version } of chosen) addTemplate(doc, definition, locale, version)
      await app.storage.createBoard({
        id,
        title,
        createdAt: Date.now(),
        initialState: Y.encodeStateAsUpdate(doc),
        tokenHashes: Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>,
      })
      doc.destroy()
      const base = origin(request)
      const links = Object.fromEntries(ROLES.map((role) => [role, base + boardPath(id, tokens[role])])) as Record<
        Role,
        string
      >
      request.log.info({ boardId: id, templates: request.body.templates?.length ?? 0 }, 'board created')
      const created: CreatedBoard = { id, title, tokens, links }
      return reply.code(201).send(created)
    },
  )

  app.get(
    '/api/boards',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              boards: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: 'string' }, title: { type: 'string' }, createdAt: { type: 'number' } },
                },
              },
            },
          },
          ...errorAnswers(401, 404, 429),
        },
      },
    },
    async (request) => {
      if (config.adminToken === undefined) {
        throw httpError(404, 'Listing all boards needs an admin token configured on the server (DORFPLATZ_ADMIN_TOKEN).')
      }
      if (!isAdmin(request)) throw httpError(401, 'Listing boards needs the admin token (Authorization: Bearer …).')
      return { boards: await app.storage.listBoards() }
    },
  )

  app.get<{ Params: { id: string } }>(
    '/api/boards/:id',
    {
      schema: {
        params: boardIdParams,
        querystring: tokenQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              role: { type: 'string' },
              retention: { type: 'object', properties: { lastOpenedAt: { type: 'number' }, deletesAt: { type: 'number' } } },
            },
          },
          ...errorAnswers(...BOARD_ROUTE_ERRORS),
        },
      },
    },
    async (request): Promise<BoardInfo> => {
      const { board, role } = await grantFor(app, request, request.params.id)
      // Only the facilitator can act on it (by opening the board, which starts the period anew).
      const retention = role === 'facilitator' ? retentionWarning(board, config.retentionDays, now()) : undefined
      return { id: board.id, title: board.title, role, ...(retention && { retention }) }
    },
  )

  app.post<{ Params: { id: string }; Body: { templateId: BoardTemplateId; locale?: TemplateLocale } }>(
    '/api/boards/:id/templates',
    {
      schema: {
        params: boardIdParams,
        body: addTemplateBody,
        response: { 201: { type: 'object', properties: { instance: templateInstanceSchema } }, ...errorAnswers(...BOARD_ROUTE_ERRORS, 422, 503) },
      },
    },
    async (request, reply) => {
      const grant = await grantFor(app, request, request.params.id)
      if (grant.role !== 'facilitator') throw httpError(403, 'Only the facilitator link may add templates.')
      const { templateId, locale = 'de' } = request.body
      const { definition, version } = await ownTemplates.forPlacing(templateId)
      const instance = await app.rooms.change(request.params.id, (room) => addTemplate(room.doc, definition, locale, version))
      request.log.info({ boardId: request.params.id, templateId }, 'template added')
      return reply.code(201).send({ instance })
    },
  )

  app.post<{ Params: { id: string; role: Role } }>(
    '/api/boards/:id/links/:role/rotate',
    {
      schema: {
        params: rotateParams,
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, link: { type: 'string' } } },
          ...errorAnswers(...BOARD_ROUTE_ERRORS),
        },
      },
    },
    async (request) => {
      const { id, role } = request.params
      if (!isAdmin(request)) {
        const grant = await grantFor(app, request, id)
        if (grant.role !== 'facilitator') throw httpError(403, 'Only the facilitator link may replace links.')
      } else if (!(await app.storage.getBoard(id))) {
        throw httpError(404, 'There is no board with this id.')
      }
      const token = newToken()
      const revoked = await app.storage.replaceToken(id, role, hashToken(token))
      app.rooms.closeTokenConnections(id, revoked, CloseCode.UNAUTHORIZED, 'link replaced')
      request.log.info({ boardId: id, role }, 'link replaced')
      return { token, link: origin(request) + boardPath(id, token) }
    },
  )
}
