/**
 * This installation's own templates over HTTP: list, save a board's frame as a template or as a
 * new version, retire, export and import.
 *
 * Who may: reading (list, export) needs any board link's token, or the admin token; without an
 * admin token configured anyone may read, as anyone may create a board then. Writing (create,
 * publish, retire, import) needs a facilitator link's token, or, when the operator has set
 * DORFPLATZ_ADMIN_TOKEN, the admin token and nothing else. Both are checked when the request
 * arrives, before its body is read.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import { isToken } from '@dorfplatz/protocol'
import { MAX_TEMPLATE_FILE_BYTES, type LocalizedText } from '@dorfplatz/templates'
import type { Config } from '../config.ts'
import { frameGeometry, OwnTemplates, type TemplateTexts } from '../boards/ownTemplates.ts'
import { hashToken } from '../tokens.ts'
import { requestToken } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import {
  errorAnswers,
  exportTemplateQuery,
  importTemplateBody,
  jsonAnswer,
  ownTemplateParams,
  retireTemplateBody,
  saveTemplateBody,
} from './schemas.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the template routes' writer check: the board whose facilitator link was shown, or null for the admin. */
    templateWriterBoard?: string | null
  }
}

interface SaveBody {
  boardId: string
  frameId: string
  name: { de: string; en?: string }
  description?: { de: string; en?: string }
  instruction?: { de: string; en?: string }
  publishedBy: string
}

const both = (text: { de: string; en?: string } | undefined): LocalizedText => ({ de: text?.de.trim() ?? '', en: text?.en?.trim() ?? '' })

const texts = (body: SaveBody): TemplateTexts => ({
  name: both(body.name),
  description: both(body.description),
  instruction: both(body.instruction),
  publishedBy: body.publishedBy.trim(),
})

const summaryAnswer = jsonAnswer('The template: its newest version (without its drawing) and a line for each version', {
  id: { type: 'string' },
  createdAt: { type: 'number' },
  retiredAt: { type: 'number', nullable: true },
})

export async function templateRoutes(
  app: FastifyInstance,
  { config, isAdmin, now = Date.now }: { config: Config; isAdmin: (request: FastifyRequest) => boolean; now?: () => number },
): Promise<void> {
  const templates = new OwnTemplates(app.storage, now)

  /** The board a token belongs to, with the role it grants, if it is a live link. */
  const linkOf = async (request: FastifyRequest) => {
    const token = requestToken(request)
    if (token === undefined || !isToken(token)) return undefined
    const grant = await app.storage.findToken(hashToken(token))
    if (!grant || !(await app.storage.getBoard(grant.boardId))) return undefined
    return grant
  }

  const mayRead: onRequestAsyncHookHandler = async (request) => {
    if (config.adminToken === undefined || isAdmin(request)) return
    if (!(await linkOf(request))) throw httpError(401, 'The templates need the token of a board link, or the admin token.')
  }

  const mayWrite: onRequestAsyncHookHandler = async (request) => {
    if (config.adminToken !== undefined) {
      if (!isAdmin(request)) throw httpError(401, 'On this installation only the admin token may create, publish, retire or import templates.')
      request.templateWriterBoard = null
      return
    }
    const grant = await linkOf(request)
    if (!grant) throw httpError(401, 'Saving templates needs the token of a facilitator link.')
    if (grant.role !== 'facilitator') throw httpError(403, 'Only the facilitator link may save templates.')
    request.templateWriterBoard = grant.boardId
  }

  /** The frame's board must be the one whose facilitator link was shown (the admin may use any board's). */
  const checkBoard = async (request: FastifyRequest, boardId: string) => {
    if (request.templateWriterBoard !== null && request.templateWriterBoard !== boardId) {
      throw httpError(403, 'The frame must be on the board whose facilitator link was shown.')
    }
    if (!(await app.storage.getBoard(boardId))) throw httpError(404, 'There is no board with this id.')
  }

  app.get(
    '/api/templates',
    {
      onRequest: mayRead,
      schema: {
        response: {
          200: jsonAnswer("This installation's own templates, retired ones too (retiredAt set), oldest first", { templates: { type: 'array' } }),
          ...errorAnswers(401, 429),
        },
      },
    },
    async () => ({ templates: await templates.list() }),
  )

  app.post<{ Body: SaveBody }>(
    '/api/templates',
    {
      onRequest: mayWrite,
      schema: { body: saveTemplateBody, response: { 201: summaryAnswer, ...errorAnswers(400, 401, 403, 404, 409, 422, 429, 503) } },
    },
    async (request, reply) => {
      await checkBoard(request, request.body.boardId)
      const geometry = await app.rooms.change(request.body.boardId, (room) => frameGeometry(room.doc, request.body.frameId))
      const summary = await templates.create(geometry, texts(request.body))
      request.log.info({ templateId: summary.id, boardId: request.body.boardId }, 'template saved')
      return reply.code(201).send(summary)
    },
  )

  app.post<{ Params: { templateId: string }; Body: SaveBody }>(
    '/api/templates/:templateId/versions',
    {
      onRequest: mayWrite,
      schema: {
        params: ownTemplateParams,
        body: saveTemplateBody,
        response: { 201: summaryAnswer, ...errorAnswers(400, 401, 403, 404, 409, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      await checkBoard(request, request.body.boardId)
      const previousZones = await templates.previousZones(request.params.templateId)
      const geometry = await app.rooms.change(request.body.boardId, (room) => frameGeometry(room.doc, request.body.frameId, previousZones))
      const summary = await templates.publish(request.params.templateId, geometry, texts(request.body))
      request.log.info({ templateId: summary.id, version: summary.newest.version }, 'template version published')
      return reply.code(201).send(summary)
    },
  )

  app.post<{ Params: { templateId: string }; Body: { retired: boolean } }>(
    '/api/templates/:templateId/retire',
    {
      onRequest: mayWrite,
      schema: { params: ownTemplateParams, body: retireTemplateBody, response: { 200: summaryAnswer, ...errorAnswers(400, 401, 403, 404, 429) } },
    },
    async (request) => templates.setRetired(request.params.templateId, request.body.retired),
  )

  app.get<{ Params: { templateId: string }; Querystring: { versions?: 'all' | 'newest' } }>(
    '/api/templates/:templateId/export',
    {
      onRequest: mayRead,
      schema: {
        params: ownTemplateParams,
        querystring: exportTemplateQuery,
        response: {
          200: jsonAnswer('The template file (`{ dorfplatzTemplate: 1, versions }`), all versions or the newest', {
            dorfplatzTemplate: { type: 'integer' },
            versions: { type: 'array' },
          }),
          ...errorAnswers(400, 401, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const file = await templates.exportFile(request.params.templateId, request.query.versions ?? 'all')
      const name = file.versions.at(-1)!.name.de.replace(/[^\p{L}\p{N} _-]/gu, '').trim().slice(0, 60) || 'Vorlage'
      void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.dorfplatz-vorlage.json`)}`)
      return file
    },
  )

  // The import reads the file as text, whatever its content type says, so that a file that is
  // not JSON is refused with the reason and not the parser's words.
  await app.register(async (importScope) => {
    importScope.removeAllContentTypeParsers()
    importScope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: 2 * MAX_TEMPLATE_FILE_BYTES }, (_request, body, done) =>
      done(null, body),
    )
    importScope.post<{ Body: string }>(
      '/api/templates/import',
      {
        onRequest: mayWrite,
        bodyLimit: 2 * MAX_TEMPLATE_FILE_BYTES,
        schema: { body: importTemplateBody, response: { 201: summaryAnswer, ...errorAnswers(400, 401, 403, 409, 413, 415, 422, 429) } },
      },
      async (request, reply) => {
        const summary = await templates.importFile(request.body)
        request.log.info({ templateId: summary.id, versions: summary.versions.length }, 'template imported')
        return reply.code(201).send(summary)
      },
    )
  })
}
