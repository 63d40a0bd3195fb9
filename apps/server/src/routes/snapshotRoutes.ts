/**
 * Snapshots, files and the results report, for facilitators: save, list, read and restore a
 * board's versions; download the live board or a version as a `.tldr` file; download the
 * Ergebnisprotokoll as Markdown or CSV; import a `.tldr` file into the board.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { boardToTldrFile } from '@dorfplatz/board'
import {
  MAX_IMPORT_BYTES,
  calendarDay,
  type ApiLocale,
  type CreateSnapshotRequest,
  type ImportResult,
  type SnapshotInfo,
} from '@dorfplatz/protocol'
import { beforeRestoreName, restoreSnapshot, snapshotDoc, takeSnapshot } from '../boards/boardSnapshots.ts'
import { recordRestore } from '../boards/facilitationState.ts'
import { importTldrFile } from '../boards/importTldr.ts'
import { buildReport, reportCsv, reportMarkdown } from '../boards/resultsReport.ts'
import type { Config } from '../config.ts'
import type { StoredSnapshot } from '../storage/BoardStorage.ts'
import { requireRole } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import {
  BOARD_ROUTE_ERRORS,
  boardIdParams,
  createSnapshotBody,
  errorAnswers,
  jsonAnswer,
  localeQuery,
  snapshotParams,
  textAnswer,
  type BoardParams,
  type SnapshotParams,
} from './schemas.ts'

const ONLY_FACILITATORS = 'Only the facilitator link may save, restore, export or import.'

type LocaleQuery = { locale?: ApiLocale }
type ReportQuery = LocaleQuery & { resolved?: 'include' | 'omit' }

/** The report's query: its language, and whether resolved comment threads are left out. */
const reportQuery = {
  type: 'object',
  properties: { ...localeQuery.properties, resolved: { type: 'string', enum: ['include', 'omit'] } },
} as const


/**
 * A file name from a board title: letters, digits and a few safe marks, never a path, and the
 * day of `at` in the workshop's time zone (the web client dates its downloads the same way).
 */
export function fileName(title: string, extension: string, timeZone: string, at: Date | number = Date.now()): string {
  const base = title.normalize('NFC').replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Board'
  return `${base} ${calendarDay(at, timeZone)}.${extension}`
}

export function attachment(reply: FastifyReply, name: string, type: string): FastifyReply {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return reply
    .type(type)
    .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('Cache-Control', 'no-store')
}

const snapshotInfo = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, createdAt: { type: 'number' } },
} as const

/** A `.tldr` file: tldraw's own format, sent as it is. */
const tldrFileAnswer = { type: 'object', additionalProperties: true, description: 'The board as a .tldr file (opens in tldraw)' } as const

const info = ({ id, name, kind, createdAt }: StoredSnapshot): SnapshotInfo => ({ id, name, kind, createdAt })

export async function snapshotRoutes(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  const { timeZone } = config
  const facilitator = (request: Parameters<typeof requireRole>[1], id: string) =>
    requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)

  async function storedSnapshot(boardId: string, snapshotId: string): Promise<StoredSnapshot> {
    const snapshot = await app.storage.getSnapshot(boardId, snapshotId)
    if (!snapshot) throw httpError(404, 'This board has no snapshot with this id.')
    return snapshot
  }

  app.get<BoardParams>(
    '/api/boards/:id/snapshots',
    { schema: { params: boardIdParams, response: { 200: { type: 'object', properties: { snapshots: { type: 'array', items: snapshotInfo } } }, ...errorAnswers(...BOARD_ROUTE_ERRORS) } } },
    async (request) => {
    await facilitator(request, request.params.id)
    return { snapshots: await app.storage.listSnapshots(request.params.id) }
  })

  app.post<BoardParams & { Body: CreateSnapshotRequest }>(
    '/api/boards/:id/snapshots',
    {
      schema: {
        params: boardIdParams,
        body: createSnapshotBody,
        response: { 201: { type: 'object', properties: { snapshot: snapshotInfo } }, ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      await facilitator(request, id)
      const snapshot = await app.rooms.change(id, (room) => takeSnapshot(room.doc, 'manual', request.body.name.trim()))
      await app.storage.saveSnapshot(id, snapshot)
      request.log.info({ boardId: id, snapshotId: snapshot.id }, 'snapshot saved')
      return reply.code(201).send({ snapshot: info(snapshot) })
    },
  )

  app.get<SnapshotParams>('/api/boards/:id/snapshots/:snapshotId/file', { schema: { params: snapshotParams, response: { 200: tldrFileAnswer, ...errorAnswers(...BOARD_ROUTE_ERRORS) } } }, async (request, reply) => {
    const { id, snapshotId } = request.params
    const { board } = await facilitator(request, id)
    const snapshot = await storedSnapshot(id, snapshotId)
    const doc = snapshotDoc(snapshot)
    try {
      const file = boardToTldrFile(doc)
      return attachment(reply, fileName(`${board.title} ${snapshot.name}`, 'tldr', timeZone, snapshot.createdAt), 'application/json').send(file)
    } finally {
      doc.destroy()
    }
  })

  app.get<SnapshotParams>(
    '/api/boards/:id/snapshots/:snapshotId/thumbnail',
    { schema: { params: snapshotParams, response: { 200: textAnswer('A small SVG sketch of the snapshot'), ...errorAnswers(...BOARD_ROUTE_ERRORS) } } },
    async (request, reply) => {
      const { id, snapshotId } = request.params
      await facilitator(request, id)
      const snapshot = await storedSnapshot(id, snapshotId)
      // Drawn by the server from numbers and fixed colours; the policy keeps it inert anyway.
      return reply
        .type('image/svg+xml')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('Cache-Control', 'private, max-age=86400, immutable')
        .send(snapshot.thumbnail)
    },
  )

  app.post<SnapshotParams & { Querystring: LocaleQuery }>(
    '/api/boards/:id/snapshots/:snapshotId/restore',
    {
      schema: {
        params: snapshotParams,
        querystring: localeQuery,
        response: { 200: jsonAnswer('What the restore changed, and the snapshot saved before it', { before: snapshotInfo }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) },
      },
    },
    async (request) => {
      const { id, snapshotId } = request.params
      await facilitator(request, id)
      const snapshot = await storedSnapshot(id, snapshotId)
      const name = beforeRestoreName(snapshot, request.query.locale ?? 'de')
      const { before, result } = await app.rooms.change(id, (room) => {
        // The board as it was just before, so that the restore itself can be undone.
        const before = takeSnapshot(room.doc, 'before-restore', name)
        const result = restoreSnapshot(room.doc, snapshot)
        // Everyone is told, also those whose notes just vanished or came back.
        recordRestore(room.doc, snapshot, Date.now())
        return { before, result }
      })
      await app.storage.saveSnapshot(id, before)
      request.log.info({ boardId: id, snapshotId, ...result }, 'snapshot restored')
      return { before: info(before), ...result }
    },
  )

  app.get<BoardParams>('/api/boards/:id/file', { schema: { params: boardIdParams, response: { 200: tldrFileAnswer, ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } }, async (request, reply) => {
    const { id } = request.params
    const { board } = await facilitator(request, id)
    const file = await app.rooms.change(id, (room) => boardToTldrFile(room.doc))
    return attachment(reply, fileName(board.title, 'tldr', timeZone), 'application/json').send(file)
  })

  for (const format of ['md', 'csv'] as const) {
    app.get<BoardParams & { Querystring: ReportQuery }>(
      `/api/boards/:id/report.${format}`,
      {
        schema: {
          params: boardIdParams,
          querystring: reportQuery,
          response: { 200: textAnswer(`The Ergebnisprotokoll as ${format === 'md' ? 'Markdown' : 'CSV (UTF-8, semicolons)'}`), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const { board } = await facilitator(request, id)
        const locale = request.query.locale ?? 'de'
        const model = await app.rooms.change(id, (room) =>
          buildReport(room.doc, locale, Date.now(), { includeResolved: request.query.resolved !== 'omit' }),
        )
        const name = fileName(`${locale === 'de' ? 'Ergebnisprotokoll' : 'Results'} ${board.title}`, format, timeZone, model.generatedAt)
        return format === 'md'
          ? attachment(reply, name, 'text/markdown; charset=utf-8').send(reportMarkdown(model, locale, timeZone))
          : attachment(reply, name, 'text/csv; charset=utf-8').send(reportCsv(model, locale))
      },
    )
  }

  app.post<BoardParams & { Body: unknown; Querystring: LocaleQuery }>(
    '/api/boards/:id/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      // Only a facilitator's upload of up to MAX_IMPORT_BYTES is read at all.
      config: { admitRoles: ['facilitator'] },
      schema: {
        params: boardIdParams,
        querystring: localeQuery,
        body: { type: 'object', description: 'A .tldr file' },
        response: {
          201: {
            type: 'object',
            description: 'What the import added',
            properties: { pages: { type: 'integer' }, shapes: { type: 'integer' }, firstPageId: { type: 'string', nullable: true } },
          },
          ...errorAnswers(...BOARD_ROUTE_ERRORS, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply): Promise<ImportResult> => {
      const { id } = request.params
      await facilitator(request, id)
      const locale = request.query.locale ?? 'de'
      const result = await app.rooms.change(id, (room) => importTldrFile(room.doc, request.body, locale))
      request.log.info({ boardId: id, pages: result.pages, shapes: result.shapes }, 'file imported')
      reply.code(201)
      return result
    },
  )
}
