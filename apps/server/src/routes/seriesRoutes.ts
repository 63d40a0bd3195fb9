/**
 * Series of boards and results that carry forward: read, name, join and leave a board's series,
 * and start the next workshop's board with chosen results of this one. A series shows the titles
 * of its boards to anyone with a link of one of them, never a token: joining another board's
 * series needs that board's facilitator link, and the answer says nothing of it but its title.
 */
import crypto from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { initBoardDoc } from '@dorfplatz/board'
import type { TemplateInstance, TemplateLocale } from '@dorfplatz/templates'
import {
  MAX_CARRY_ITEMS,
  MAX_CARRY_TOP,
  MAX_SERIES_NAME_LENGTH,
  MAX_TITLE_LENGTH,
  ROLES,
  BOARD_ID_PATTERN,
  boardPath,
  type BoardSeries,
  type CarryForwardRequest,
  type CarryForwardResult,
  type PutSeriesRequest,
  type Role,
  type SeriesAnswer,
  LOCALES,
} from '@dorfplatz/protocol'
import type { Config } from '../config.ts'
import { addTemplate } from '../boards/boardTemplates.ts'
import { OwnTemplates } from '../boards/ownTemplates.ts'
import { checkCarryTargets, collectCarriedNotes, placeCarriedNotes } from '../boards/carryForward.ts'
import type { SeriesStore, StoredSeries } from '../storage/SeriesStore.ts'
import { hashToken, newBoardId, newToken } from '../tokens.ts'
import { admitToken, grantFor, requireRole } from './boardAccess.ts'
import { HttpError, httpError } from './httpError.ts'
import { BOARD_ROUTE_ERRORS, MAX_TEMPLATES_PER_BOARD_REQUEST, boardIdParams, templateId, errorAnswers, jsonAnswer, noContent, type BoardParams } from './schemas.ts'

/** The first page of a new board, in the board's language (as POST /api/boards names it). */
const FIRST_PAGE_NAME: Record<TemplateLocale, string> = { de: 'Seite 1', en: 'Page 1' }

const newSeriesId = () => crypto.randomBytes(9).toString('base64url')

const seriesName = { type: 'string', minLength: 1, maxLength: MAX_SERIES_NAME_LENGTH, pattern: '\\S' } as const
const recordId = { type: 'string', minLength: 1, maxLength: 200 } as const

const putSeriesBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: seriesName,
    joinBoardId: { type: 'string', pattern: BOARD_ID_PATTERN.source },
    joinToken: { type: 'string', minLength: 1, maxLength: 200 },
  },
  anyOf: [{ required: ['name'] }, { required: ['joinBoardId', 'joinToken'] }],
} as const

const carryForwardBody = {
  type: 'object',
  required: ['title', 'templates', 'carry'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: MAX_TITLE_LENGTH, pattern: '\\S' },
    templates: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_TEMPLATES_PER_BOARD_REQUEST,
      items: templateId,
    },
    locale: { type: 'string', enum: [...LOCALES] },
    series: { type: 'boolean' },
    seriesName,
    carry: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_CARRY_ITEMS,
      items: {
        type: 'object',
        required: ['source', 'target'],
        additionalProperties: false,
        properties: {
          source: {
            type: 'object',
            required: ['kind'],
            additionalProperties: false,
            properties: {
              kind: { type: 'string', enum: ['zone', 'round'] },
              instanceId: recordId,
              zoneId: recordId,
              roundId: recordId,
              top: { type: 'integer', minimum: 1, maximum: MAX_CARRY_TOP },
            },
            oneOf: [
              { properties: { kind: { const: 'zone' } }, required: ['instanceId', 'zoneId'] },
              { properties: { kind: { const: 'round' } }, required: ['roundId', 'top'] },
            ],
          },
          target: {
            type: 'object',
            required: ['template', 'zoneId'],
            additionalProperties: false,
            properties: {
              template: { type: 'integer', minimum: 0, maximum: MAX_TEMPLATES_PER_BOARD_REQUEST - 1 },
              zoneId: recordId,
            },
          },
        },
      },
    },
  },
} as const

const seriesAnswerSchema = jsonAnswer('The board’s series with its boards in order (titles only), or null', {
  series: { type: 'object', nullable: true, additionalProperties: true },
})

function seriesView(series: StoredSeries | null): BoardSeries | null {
  if (!series) return null
  return {
    id: series.id,
    name: series.name,
    boards: series.boards.map(({ id, title, position, createdAt }) => ({ id, title, position, createdAt })),
  }
}

/** Puts board `boardId` into the series of `sourceId`, starting one (named `name`) when that board is in none. */
async function joinSeriesOf(storage: SeriesStore, boardId: string, sourceId: string, name: string, now: number): Promise<void> {
  let series = await storage.seriesOf(sourceId)
  if (!series) {
    await storage.createSeries(newSeriesId(), name, sourceId, now)
    series = await storage.seriesOf(sourceId)
  }
  if (series) await storage.joinSeries(boardId, series.id)
}

export async function seriesRoutes(
  app: FastifyInstance,
  { config, isAdmin }: { config: Config; isAdmin: (request: FastifyRequest) => boolean },
): Promise<void> {
  const origin = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`
  const ownTemplates = new OwnTemplates(app.storage)

  app.get<BoardParams>(
    '/api/boards/:id/series',
    {
      schema: {
        params: boardIdParams,
        querystring: { type: 'object', properties: { token: { type: 'string' } } },
        response: { 200: seriesAnswerSchema, ...errorAnswers(...BOARD_ROUTE_ERRORS) },
      },
    },
    async (request): Promise<SeriesAnswer> => {
      if (isAdmin(request)) {
        if (!(await app.storage.getBoard(request.params.id))) throw httpError(404, 'There is no board with this id.')
      } else {
        await grantFor(app, request, request.params.id)
      }
      return { series: seriesView(await app.storage.seriesOf(request.params.id)) }
    },
  )

  app.put<BoardParams & { Body: PutSeriesRequest }>(
    '/api/boards/:id/series',
    {
      config: { admitRoles: ['facilitator'] },
      schema: {
        params: boardIdParams,
        body: putSeriesBody,
        response: { 200: seriesAnswerSchema, ...errorAnswers(...BOARD_ROUTE_ERRORS, 422) },
      },
    },
    async (request): Promise<SeriesAnswer> => {
      const { id } = request.params
      await requireRole(app, request, id, ['facilitator'], 'Only the facilitator link may change the series of a board.')
      const body = request.body
      if ('joinBoardId' in body && body.joinBoardId !== undefined) {
        if (body.joinBoardId === id) throw httpError(422, 'A board cannot join its own series; name it instead.')
        const other = await admitToken(app, body.joinBoardId, body.joinToken)
        // The same answer for an unknown board, a wrong token and a participant's link: nobody learns which exist.
        if (!other.ok || other.grant.role !== 'facilitator') {
          throw httpError(403, 'Joining the series of another board needs that board’s facilitator link.')
        }
        await joinSeriesOf(app.storage, id, body.joinBoardId, body.name?.trim() ?? other.grant.board.title, Date.now())
      } else {
        const name = (body as { name: string }).name.trim()
        const current = await app.storage.seriesOf(id)
        if (current) await app.storage.renameSeries(current.id, name)
        else await app.storage.createSeries(newSeriesId(), name, id, Date.now())
      }
      request.log.info({ boardId: id }, 'series changed')
      return { series: seriesView(await app.storage.seriesOf(id)) }
    },
  )

  app.delete<BoardParams>(
    '/api/boards/:id/series',
    {
      config: { admitRoles: ['facilitator'] },
      schema: { params: boardIdParams, response: { 204: noContent, ...errorAnswers(...BOARD_ROUTE_ERRORS) } },
    },
    async (request, reply) => {
      await requireRole(app, request, request.params.id, ['facilitator'], 'Only the facilitator link may change the series of a board.')
      await app.storage.leaveSeries(request.params.id)
      return reply.code(204).send()
    },
  )

  app.post<BoardParams & { Body: CarryForwardRequest }>(
    '/api/boards/:id/carry-forward',
    {
      // A new board, as POST /api/boards makes one: the same limit per address and hour.
      config: {
        admitRoles: ['facilitator'],
        rateLimit:
          config.boardsPerHour > 0
            ? {
                max: config.boardsPerHour,
                timeWindow: 60 * 60_000,
                keyGenerator: (request: FastifyRequest) => `create-board:${request.ip}`,
                errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
                  new HttpError(429, `Too many new boards from this address; please try again in ${Math.ceil(context.ttl / 60_000)} minutes.`),
              }
            : false,
      },
      schema: {
        params: boardIdParams,
        body: carryForwardBody,
        response: {
          201: jsonAnswer('The new board: its id, title, the token and link of each role, how many notes it carried over, and its series', {
            id: { type: 'string' },
            title: { type: 'string' },
            carried: { type: 'integer' },
          }),
          ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const { id: sourceId } = request.params
      // As POST /api/boards decides: with an admin token configured, only it creates boards;
      // without one, the facilitator link of the board the results come from suffices.
      let source
      if (config.adminToken !== undefined) {
        if (!isAdmin(request)) throw httpError(401, 'Creating boards needs the admin token (Authorization: Bearer …).')
        source = await app.storage.getBoard(sourceId)
        if (!source) throw httpError(404, 'There is no board with this id.')
      } else {
        source = (await requireRole(app, request, sourceId, ['facilitator'], 'Only the facilitator link may start a new board from this one.')).board
      }
      const body = request.body
      const title = body.title.trim()
      const locale = (body.locale ?? 'de') as TemplateLocale
      const carried = await app.rooms.change(sourceId, (room) => collectCarriedNotes(room.doc, sourceId, source.title, body.carry))

      // Own templates are looked up first: the board starts with all its templates or not at all.
      const chosen = await Promise.all(body.templates.map((id) => ownTemplates.forPlacing(id)))
      const id = newBoardId()
      const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>
      const doc = new Y.Doc()
      initBoardDoc(doc, { title, pageName: FIRST_PAGE_NAME[locale] })
      const templates: TemplateInstance[] = chosen.map(({ definition, version }) => addTemplate(doc, definition, locale, version))
      checkCarryTargets(body.carry, templates)
      const placed = placeCarriedNotes(doc, templates, carried)
      await app.storage.createBoard({
        id,
        title,
        createdAt: Date.now(),
        initialState: Y.encodeStateAsUpdate(doc),
        tokenHashes: Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>,
      })
      doc.destroy()
      if (body.series !== false) {
        await joinSeriesOf(app.storage, id, sourceId, body.seriesName?.trim() || source.title, Date.now())
      }
      const base = origin(request)
      const links = Object.fromEntries(ROLES.map((role) => [role, base + boardPath(id, tokens[role])])) as Record<Role, string>
      request.log.info({ boardId: id, from: sourceId, carried: placed }, 'board created from results')
      const created: CarryForwardResult = { id, title, tokens, links, carried: placed, series: seriesView(await app.storage.seriesOf(id)) }
      return reply.code(201).send(created)
    },
  )
}
