/**
 * The board's history (Verlauf): facilitators read it with names and bring deleted shapes back
 * ("Wiederherstellen"); participants and viewers read it without names when the facilitator
 * shares it. Restoring is a new change of the server's that everyone gets, and touches nothing
 * but the shapes it brings back.
 */
import type { FastifyInstance } from 'fastify'
import { FacilitationKey, getFacilitationMap, readFacilitation, authorStamp } from '@dorfplatz/board'
import type { HistoryAnswer, HistorySharingRequest, RestoreHistoryAnswer, RestoreHistoryRequest } from '@dorfplatz/protocol'
import { groupHistoryRows, historyEntries, restorableShapes } from '../boards/boardHistory.ts'
import { requireRole } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import { BOARD_ROUTE_ERRORS, anyObject, boardIdParams, errorAnswers, jsonAnswer, type BoardParams } from './schemas.ts'

const ONLY_FACILITATORS = 'Only the facilitator link may restore from the history or share it.'
const NOT_SHARED = 'The facilitator has not shared the history of this board.'

const shapeId = { type: 'string', minLength: 1, maxLength: 200, pattern: '^shape:' } as const

const restoreBody = {
  type: 'object',
  required: ['entryId'],
  additionalProperties: false,
  properties: { entryId: { type: 'string', pattern: '^[0-9]{1,15}$' }, shapeId },
} as const

const sharingBody = { type: 'object', required: ['shared'], additionalProperties: false, properties: { shared: { type: 'boolean' } } } as const

export async function historyRoutes(app: FastifyInstance): Promise<void> {
  app.get<BoardParams>(
    '/api/boards/:id/history',
    {
      schema: {
        params: boardIdParams,
        response: {
          200: jsonAnswer('The history, newest first, merged per person and minute', { entries: { type: 'array', items: anyObject }, names: { type: 'boolean' } }),
          ...errorAnswers(...BOARD_ROUTE_ERRORS, 503),
        },
      },
    },
    async (request): Promise<HistoryAnswer> => {
      const { id } = request.params
      const { role } = await requireRole(app, request, id, ['facilitator', 'participant', 'viewer'], NOT_SHARED)
      const names = role === 'facilitator'
      const room = await app.rooms.acquire(id)
      try {
        if (!names && !readFacilitation(room.doc).historyShared) throw httpError(403, NOT_SHARED)
        const rows = await room.historyRows()
        return { entries: historyEntries(rows, (shape) => room.hasRecord(shape), names), names }
      } finally {
        app.rooms.releaseIfIdle(room)
      }
    },
  )

  app.post<BoardParams & { Body: RestoreHistoryRequest }>(
    '/api/boards/:id/history/restore',
    {
      schema: {
        params: boardIdParams,
        body: restoreBody,
        response: { 200: jsonAnswer('The ids of the shapes brought back', { restored: { type: 'array', items: { type: 'string' } } }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 409, 503) },
      },
    },
    async (request): Promise<RestoreHistoryAnswer> => {
      const { id } = request.params
      await requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)
      const { entryId, shapeId: only } = request.body
      // Under the board's lock, so that two facilitators restoring at once bring each shape back once.
      const restored = await app.rooms.exclusive(id, async (change) => {
        const rows = await change((room) => room.historyRows())
        const group = groupHistoryRows(rows).find((candidate) => candidate.id === entryId)
        if (!group) throw httpError(404, 'No such entry in the history of this board.')
        return change((room) => {
          const shapes = restorableShapes(group, (shape) => room.hasRecord(shape)).filter((shape) => only === undefined || shape.shapeId === only)
          return room.restoreShapes(shapes, authorStamp('', '', 'facilitator'))
        })
      })
      if (restored.length === 0) throw httpError(409, 'Nothing of this entry can be brought back: it is on the board already, or was not kept.')
      request.log.info({ boardId: id, restored: restored.length }, 'shapes restored from the history')
      return { restored }
    },
  )

  app.put<BoardParams & { Body: HistorySharingRequest }>(
    '/api/boards/:id/history/sharing',
    {
      schema: {
        params: boardIdParams,
        body: sharingBody,
        response: { 200: jsonAnswer('Whether participants see the history, without names', { shared: { type: 'boolean' } }), ...errorAnswers(...BOARD_ROUTE_ERRORS, 503) },
      },
    },
    async (request): Promise<HistorySharingRequest> => {
      const { id } = request.params
      await requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)
      const { shared } = request.body
      await app.rooms.change(id, (room) => {
        const map = getFacilitationMap(room.doc)
        room.doc.transact(() => (shared ? map.set(FacilitationKey.HISTORY_SHARED, true) : map.delete(FacilitationKey.HISTORY_SHARED)))
      })
      return { shared }
    },
  )
}
