/**
 * The facilitation API. Facilitators run the session (timer, summon, follow-me, presenting, freeze,
 * voting rounds); participants and facilitators vote. Every change is written into the board
 * document by the server, stored, and reaches every client through sync; nobody else may
 * write that part of the document (see sync/updateGuard.ts).
 *
 * Ballots are kept apart from the board, under a hash of each browser's voter key, and
 * forgotten when the round is revealed: what stays is the totals.
 */
import type { FastifyInstance } from 'fastify'
import {
  VOTER_HEADER,
  type BallotChange,
  type FollowRequest,
  type FreezeRequest,
  type ServerTime,
  type StartPresentingRequest,
  type StartRoundRequest,
  type StepPresentingRequest,
  type SummonRequest,
  type TimerCommand,
} from '@dorfplatz/protocol'
import { BoardVoting } from '../boards/BoardVoting.ts'
import {
  applyTimerCommand,
  freeze,
  openRound,
  release,
  startFollow,
  startPresenting,
  stepPresenting,
  stopFollow,
  stopPresenting,
  summon,
} from '../boards/facilitationState.ts'
import { requireRole } from './boardAccess.ts'
import {
  ballotBody,
  boardIdParams,
  followBody,
  freezeBody,
  roundBody,
  roundParams,
  startPresentingBody,
  stepPresentingBody,
  summonBody,
  timerBody,
  voterHeaders,
  type BoardParams,
  type RoundParams,
  BOARD_ROUTE_ERRORS,
  anyObject,
  errorAnswers,
  jsonAnswer,
  noContent,
} from './schemas.ts'

const ONLY_FACILITATORS = 'Only the facilitator link may run the session.'

export async function facilitationRoutes(app: FastifyInstance): Promise<void> {
  const facilitator = (request: Parameters<typeof requireRole>[1], id: string) =>
    requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)

  const voting = new BoardVoting(app.rooms, app.storage)

  app.get(
    '/api/time',
    {
      logLevel: 'warn',
      schema: { response: { 200: { type: 'object', description: "The server's clock (ms since 1970)", properties: { now: { type: 'number' } } } } },
    },
    async (): Promise<ServerTime> => ({ now: Date.now() }))

  app.post<BoardParams & { Body: TimerCommand }>(
    '/api/boards/:id/timer',
    { schema: { params: boardIdParams, body: timerBody, response: { 200: jsonAnswer('The timer as it is now', { timer: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 503) } } },
    async (request) => {
      await facilitator(request, request.params.id)
      const timer = await app.rooms.change(request.params.id, (room) => applyTimerCommand(room.doc, request.body, Date.now()))
      return { timer }
    },
  )

  app.post<BoardParams & { Body: SummonRequest }>(
    '/api/boards/:id/summon',
    { schema: { params: boardIdParams, body: summonBody, response: { 200: jsonAnswer('The summon everyone follows', { summon: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } },
    async (request) => {
      await facilitator(request, request.params.id)
      const summoned = await app.rooms.change(request.params.id, (room) => summon(room.doc, request.body, Date.now()))
      return { summon: summoned }
    },
  )

  app.put<BoardParams & { Body: FollowRequest }>(
    '/api/boards/:id/follow',
    { schema: { params: boardIdParams, body: followBody, response: { 200: jsonAnswer('Whom everyone follows', { follow: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } },
    async (request) => {
      await facilitator(request, request.params.id)
      const follow = await app.rooms.change(request.params.id, (room) => startFollow(room.doc, request.body, Date.now()))
      return { follow }
    },
  )

  app.delete<BoardParams>('/api/boards/:id/follow', { schema: { params: boardIdParams, response: { 204: noContent, ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } }, async (request, reply) => {
    await facilitator(request, request.params.id)
    await app.rooms.change(request.params.id, (room) => stopFollow(room.doc))
    return reply.code(204).send()
  })

  app.put<BoardParams & { Body: StartPresentingRequest }>(
    '/api/boards/:id/presenting',
    {
      schema: {
        params: boardIdParams,
        body: startPresentingBody,
        response: { 200: jsonAnswer('The presentation, on its first slide', { presenting: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 422, 503) },
      },
    },
    async (request) => {
      await facilitator(request, request.params.id)
      const presenting = await app.rooms.change(request.params.id, (room) => startPresenting(room.doc, request.body, Date.now()))
      return { presenting }
    },
  )

  app.post<BoardParams & { Body: StepPresentingRequest }>(
    '/api/boards/:id/presenting/step',
    {
      schema: {
        params: boardIdParams,
        body: stepPresentingBody,
        response: { 200: jsonAnswer('The presentation on its new slide', { presenting: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 503) },
      },
    },
    async (request) => {
      await facilitator(request, request.params.id)
      const presenting = await app.rooms.change(request.params.id, (room) => stepPresenting(room.doc, request.body.direction))
      return { presenting }
    },
  )

  app.delete<BoardParams>('/api/boards/:id/presenting', { schema: { params: boardIdParams, response: { 204: noContent, ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } }, async (request, reply) => {
    await facilitator(request, request.params.id)
    await app.rooms.change(request.params.id, (room) => stopPresenting(room.doc))
    return reply.code(204).send()
  })

  app.put<BoardParams & { Body: FreezeRequest }>(
    '/api/boards/:id/freeze',
    { schema: { params: boardIdParams, body: freezeBody, response: { 200: jsonAnswer('The freeze', { freeze: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } },
    async (request) => {
      await facilitator(request, request.params.id)
      const frozen = await app.rooms.change(request.params.id, (room) => freeze(room.doc, request.body.name, Date.now()))
      request.log.info({ boardId: request.params.id }, 'board frozen')
      return { freeze: frozen }
    },
  )

  app.delete<BoardParams>('/api/boards/:id/freeze', { schema: { params: boardIdParams, response: { 204: noContent, ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } }, async (request, reply) => {
    await facilitator(request, request.params.id)
    await app.rooms.change(request.params.id, (room) => release(room.doc))
    request.log.info({ boardId: request.params.id }, 'board released')
    return reply.code(204).send()
  })

  app.post<BoardParams & { Body: StartRoundRequest }>(
    '/api/boards/:id/rounds',
    { schema: { params: boardIdParams, body: roundBody, response: { 201: jsonAnswer('The opened round', { round: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 422, 503) } } },
    async (request, reply) => {
      await facilitator(request, request.params.id)
      const round = await app.rooms.change(request.params.id, (room) => openRound(room.doc, request.body, Date.now()))
      request.log.info({ boardId: request.params.id, roundId: round.id }, 'voting round opened')
      return reply.code(201).send({ round })
    },
  )

  app.post<RoundParams>('/api/boards/:id/rounds/:roundId/reveal', { schema: { params: roundParams, response: { 200: jsonAnswer('The revealed round with its ranked totals', { round: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 503) } } }, async (request) => {
    const { id, roundId } = request.params
    await facilitator(request, id)
    const round = await voting.reveal(id, roundId)
    request.log.info({ boardId: id, roundId, voters: round.voters }, 'voting round revealed')
    return { round }
  })

  const voterKey = (headers: Record<string, unknown>) => String(headers[VOTER_HEADER])

  app.get<RoundParams>(
    '/api/boards/:id/rounds/:roundId/ballot',
    { schema: { params: roundParams, headers: voterHeaders, response: { 200: jsonAnswer("This voter's dots in the round"), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) } } },
    async (request) => {
      const { id, roundId } = request.params
      await requireRole(app, request, id, ['facilitator', 'participant'], 'This link may not vote.')
      return voting.readBallot(id, roundId, voterKey(request.headers))
    },
  )

  app.post<RoundParams & { Body: BallotChange }>(
    '/api/boards/:id/rounds/:roundId/ballot',
    { schema: { params: roundParams, headers: voterHeaders, body: ballotBody, response: { 200: jsonAnswer("This voter's dots after the change"), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 422, 503) } } },
    async (request) => {
      const { id, roundId } = request.params
      await requireRole(app, request, id, ['facilitator', 'participant'], 'This link may not vote.')
      return voting.changeBallot(id, roundId, voterKey(request.headers), request.body.shapeId, request.body.delta)
    },
  )
}
