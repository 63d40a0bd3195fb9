/**
 * The run-sheet API ("Ablauf"): facilitators plan the day's steps, reorder and skip them, take a
 * run-sheet over from another board, and go to the next step; and they hide participants'
 * cursors for everyone. Everything is written into the board document by the server (see
 * boards/runSheet.ts); the update guard refuses it from any socket.
 */
import type { FastifyInstance } from 'fastify'
import type {
  CursorsRequest,
  ImportRunSheetRequest,
  NextStepRequest,
  ReorderRunSheetRequest,
  ReplaceRunSheetRequest,
  StepStatusRequest,
} from '@dorfplatz/protocol'
import { PrivateRoundActions } from '../boards/privateRounds.ts'
import { BoardVoting } from '../boards/BoardVoting.ts'
import {
  BoardRunSheet,
  importSteps,
  reorderSteps,
  replaceSteps,
  setCursorsHidden,
  setStepStatus,
  stepsToImport,
} from '../boards/runSheet.ts'
import { admitToken, requireRole } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import {
  anyObject,
  BOARD_ROUTE_ERRORS,
  boardIdParams,
  cursorsBody,
  errorAnswers,
  importRunSheetBody,
  jsonAnswer,
  nextStepBody,
  reorderRunSheetBody,
  replaceRunSheetBody,
  stepParams,
  stepStatusBody,
  type BoardParams,
  type StepParams,
} from './schemas.ts'

const ONLY_FACILITATORS = 'Only the facilitator link may plan and run the run-sheet.'
const NOT_A_SOURCE = 'The second link is not a facilitator link of that board.'

const sheetAnswer = (description: string) => ({ 200: jsonAnswer(description, { runSheet: anyObject }) })

export async function runSheetRoutes(app: FastifyInstance): Promise<void> {
  const facilitator = (request: Parameters<typeof requireRole>[1], id: string) => requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)
  const runSheet = new BoardRunSheet(app.rooms, new BoardVoting(app.rooms, app.storage), new PrivateRoundActions(app.storage, app.privateSpaces))

  app.put<BoardParams & { Body: ReplaceRunSheetRequest }>(
    '/api/boards/:id/runsheet',
    { schema: { params: boardIdParams, body: replaceRunSheetBody, response: { ...sheetAnswer('The run-sheet as stored'), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 422, 503) } } },
    async (request) => {
      await facilitator(request, request.params.id)
      return { runSheet: await app.rooms.change(request.params.id, (room) => replaceSteps(room.doc, request.body.steps)) }
    },
  )

  app.post<BoardParams & { Body: ReorderRunSheetRequest }>(
    '/api/boards/:id/runsheet/reorder',
    { schema: { params: boardIdParams, body: reorderRunSheetBody, response: { ...sheetAnswer('The run-sheet in its new order'), ...errorAnswers(...BOARD_ROUTE_ERRORS, 422, 503) } } },
    async (request) => {
      await facilitator(request, request.params.id)
      return { runSheet: await app.rooms.change(request.params.id, (room) => reorderSteps(room.doc, request.body.order)) }
    },
  )

  app.put<StepParams & { Body: StepStatusRequest }>(
    '/api/boards/:id/runsheet/steps/:stepId/status',
    { schema: { params: stepParams, body: stepStatusBody, response: { ...sheetAnswer('The run-sheet with the step skipped or planned again'), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 503) } } },
    async (request) => {
      const { id, stepId } = request.params
      await facilitator(request, id)
      return { runSheet: await app.rooms.change(id, (room) => setStepStatus(room.doc, stepId, request.body.status, Date.now())) }
    },
  )

  app.post<BoardParams & { Body: NextStepRequest }>(
    '/api/boards/:id/runsheet/next',
    {
      schema: {
        params: boardIdParams,
        body: nextStepBody,
        response: { 200: jsonAnswer('The step that ended and the one that started (null when the run-sheet is through)', { ended: anyObject, started: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 422, 503) },
      },
    },
    async (request) => {
      await facilitator(request, request.params.id)
      const result = await runSheet.next(request.params.id, request.body)
      request.log.info({ boardId: request.params.id, stepId: result.started?.id ?? null }, 'run-sheet moved on')
      return result
    },
  )

  app.post<BoardParams & { Body: ImportRunSheetRequest }>(
    '/api/boards/:id/runsheet/import',
    {
      schema: {
        params: boardIdParams,
        body: importRunSheetBody,
        response: { 200: jsonAnswer('How many steps came over, and which lost their place', { imported: { type: 'integer' }, droppedPlaces: { type: 'array', items: { type: 'string' } } }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 422, 503) },
      },
    },
    async (request) => {
      const { id } = request.params
      const { fromBoardId, fromToken } = request.body
      await facilitator(request, id)
      // The other board's link must make its holder a facilitator there too; every other case gets one answer.
      const source = await admitToken(app, fromBoardId, fromToken)
      if (!source.ok || source.grant.role !== 'facilitator') throw httpError(403, NOT_A_SOURCE)
      const steps = await app.rooms.change(fromBoardId, (room) => stepsToImport(room.doc))
      return app.rooms.change(id, (room) => importSteps(room.doc, steps))
    },
  )

  app.put<BoardParams & { Body: CursorsRequest }>(
    '/api/boards/:id/cursors',
    { schema: { params: boardIdParams, body: cursorsBody, response: { 200: jsonAnswer("Whether participants' cursors are hidden for everyone", { hidden: { type: 'boolean' } }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } },
    async (request) => {
      await requireRole(app, request, request.params.id, ['facilitator'], 'Only the facilitator link may hide cursors for everyone.')
      await app.rooms.change(request.params.id, (room) => setCursorsHidden(room.doc, request.body.hidden))
      return { hidden: request.body.hidden }
    },
  )
}
