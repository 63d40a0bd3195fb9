/**
 * The Digitalstrategie of a municipality (see boards/strategyDocument.ts), for anyone with a link
 * to a board: the mayors download their own. Built from the board's series, or from the board
 * alone when it belongs to none.
 */
import type { FastifyInstance } from 'fastify'
import { MAX_MUNICIPALITY_LENGTH, normalizeMunicipality, sameMunicipality } from '@dorfplatz/board'
import { calendarDay, type ApiLocale } from '@dorfplatz/protocol'
import type { Config } from '../config.ts'
import { buildReport } from '../boards/resultsReport.ts'
import { buildStrategy, dueSteps, municipalitiesOf, type StrategyBoard } from '../boards/strategyDocument.ts'
import { grantFor, type BoardGrant } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import { BOARD_ROUTE_ERRORS, boardIdParams, errorAnswers, jsonAnswer, localeQuery, textAnswer, type BoardParams } from './schemas.ts'
import { attachment, fileName } from './snapshotRoutes.ts'

type StrategyQuery = { locale?: ApiLocale; token?: string; municipality: string }

const strategyQuery = {
  type: 'object',
  required: ['municipality'],
  properties: { ...localeQuery.properties, municipality: { type: 'string', minLength: 1, maxLength: MAX_MUNICIPALITY_LENGTH } },
} as const

export async function strategyRoutes(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  /** The boards the strategy is built from, in the order they were held, each as its report. */
  async function strategyBoards(
    grant: BoardGrant,
    locale: ApiLocale,
    { earlierOnly = false }: { earlierOnly?: boolean } = {},
  ): Promise<{ series: string | null; boards: StrategyBoard[] }> {
    const { board } = grant
    const series = await app.storage.seriesOf(board.id)
    const all = series ? series.boards : [{ id: board.id, title: board.title, createdAt: board.createdAt }]
    // Looking back needs only the boards held before this one: later ones are not loaded for it.
    const members = earlierOnly ? all.slice(0, Math.max(0, all.findIndex((member) => member.id === board.id))) : all
    const boards: StrategyBoard[] = []
    // One board after the other: each is loaded (and later unloaded) like any board opened.
    for (const member of members) {
      const report = await app.rooms.change(member.id, (room) => buildReport(room.doc, locale))
      boards.push({ id: member.id, title: member.title, createdAt: member.createdAt, report })
    }
    return { series: series?.name ?? null, boards }
  }

  app.get<BoardParams & { Querystring: { token?: string } }>(
    '/api/boards/:id/municipalities',
    {
      schema: {
        params: boardIdParams,
        response: {
          200: jsonAnswer('Every municipality the notes of the board’s series are assigned to', { municipalities: { type: 'array', items: { type: 'string' } } }),
          ...errorAnswers(...BOARD_ROUTE_ERRORS, 503),
        },
      },
    },
    async (request) => {
      const grant = await grantFor(app, request, request.params.id)
      const { boards } = await strategyBoards(grant, 'de')
      return { municipalities: municipalitiesOf(boards) }
    },
  )

  app.get<BoardParams & { Querystring: { token?: string } }>(
    '/api/boards/:id/due-steps',
    {
      schema: {
        params: boardIdParams,
        response: {
          200: jsonAnswer('The next steps of the earlier boards of the series that are due by today, earliest first', {
            steps: { type: 'array', items: { type: 'object', additionalProperties: true } },
          }),
          ...errorAnswers(...BOARD_ROUTE_ERRORS, 503),
        },
      },
    },
    async (request) => {
      const grant = await grantFor(app, request, request.params.id)
      const { boards } = await strategyBoards(grant, 'de', { earlierOnly: true })
      return { steps: dueSteps(boards, calendarDay(Date.now(), config.timeZone)) }
    },
  )

  for (const format of ['docx', 'pdf'] as const) {
    app.get<BoardParams & { Querystring: StrategyQuery }>(
      `/api/boards/:id/strategy.${format}`,
      {
        schema: {
          params: boardIdParams,
          querystring: strategyQuery,
          response: {
            200: textAnswer(`The Digitalstrategie of one municipality as ${format === 'docx' ? 'a Word document' : 'PDF'}, from the notes assigned to it`),
            ...errorAnswers(...BOARD_ROUTE_ERRORS, 503),
          },
        },
      },
      async (request, reply) => {
        const grant = await grantFor(app, request, request.params.id)
        const locale = request.query.locale ?? 'de'
        const asked = normalizeMunicipality(request.query.municipality)
        if (asked === '') throw httpError(400, 'Name the municipality.')
        const { series, boards } = await strategyBoards(grant, locale)
        // Written as the notes write it ("VG Musterhausen" for "vg musterhausen").
        const municipality = municipalitiesOf(boards).find((name) => sameMunicipality(name, asked)) ?? asked
        const model = buildStrategy(boards, municipality, { series, locale })
        const name = fileName(`${locale === 'de' ? 'Digitalstrategie' : 'Digital strategy'} ${municipality}`, format, config.timeZone, model.generatedAt)
        // The Word and PDF libraries load with the first file asked for: an idle server does not carry them.
        const { strategyDocx, strategyPdf } = await import('../boards/strategyFiles.ts')
        return format === 'docx'
          ? attachment(reply, name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(await strategyDocx(model, locale, config.timeZone))
          : attachment(reply, name, 'application/pdf').send(Buffer.from(await strategyPdf(model, locale, config.timeZone)))
      },
    )
  }
}
