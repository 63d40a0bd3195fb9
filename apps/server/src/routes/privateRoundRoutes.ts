/**
 * "Stilles Brainstorming": facilitators open a private round and reveal it. The notes themselves
 * never pass through here: each person writes them over their own private space's socket (see
 * syncRoute and sync/PrivateSpaces.ts).
 */
import type { FastifyInstance } from 'fastify'
import type { OpenPrivateRoundRequest } from '@dorfplatz/protocol'
import { openPrivateRound, revealPrivateRound } from '../boards/privateRounds.ts'
import { requireRole } from './boardAccess.ts'
import { BOARD_ROUTE_ERRORS, anyObject, boardIdParams, errorAnswers, jsonAnswer, privateRoundBody, roundParams, type BoardParams, type RoundParams } from './schemas.ts'

const ONLY_FACILITATORS = 'Only the facilitator link may run the session.'

export async function privateRoundRoutes(app: FastifyInstance): Promise<void> {
  app.post<BoardParams & { Body: OpenPrivateRoundRequest }>(
    '/api/boards/:id/private-round',
    {
      schema: {
        params: boardIdParams,
        body: privateRoundBody,
        response: { 201: jsonAnswer('The opened private round', { privateRound: anyObject }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      await requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)
      const privateRound = await openPrivateRound(app.rooms, app.storage, id, request.body, Date.now())
      request.log.info({ boardId: id, roundId: privateRound.id }, 'private round opened')
      return reply.code(201).send({ privateRound })
    },
  )

  app.post<RoundParams>(
    '/api/boards/:id/private-round/:roundId/reveal',
    {
      schema: {
        params: roundParams,
        response: {
          200: jsonAnswer('How many notes of how many people arrived on the board', { notes: { type: 'integer' }, people: { type: 'integer' } }),
          ...errorAnswers(...BOARD_ROUTE_ERRORS, 503),
        },
      },
    },
    async (request) => {
      const { id, roundId } = request.params
      await requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)
      const result = await revealPrivateRound(app.rooms, app.storage, app.privateSpaces, id, roundId, Date.now())
      request.log.info({ boardId: id, roundId, ...result }, 'private round revealed')
      return result
    },
  )
}
