/**
 * `DELETE /api/boards/:id`: the facilitator link (or the admin token) deletes a board with
 * everything of it; its open sockets close with 4404 (see boards/boardDeletion.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { deleteBoard } from '../boards/boardDeletion.ts'
import { grantFor } from './boardAccess.ts'
import { httpError } from './httpError.ts'
import { boardIdParams, tokenQuery } from './schemas.ts'

export async function boardDeletionRoute(
  app: FastifyInstance,
  { isAdmin }: { isAdmin: (request: FastifyRequest) => boolean },
): Promise<void> {
  app.delete<{ Params: { id: string } }>(
    '/api/boards/:id',
    {
      config: { admitRoles: ['facilitator'] },
      schema: { params: boardIdParams, querystring: tokenQuery, response: { 204: { type: 'null' } } },
    },
    async (request, reply) => {
      const { id } = request.params
      if (!isAdmin(request)) {
        const grant = await grantFor(app, request, id)
        if (grant.role !== 'facilitator') throw httpError(403, 'Only the facilitator link may delete the board.')
      }
      if (!(await deleteBoard(app.storage, app.rooms, id))) throw httpError(404, 'There is no board with this id.')
      request.log.info({ boardId: id, by: isAdmin(request) ? 'admin' : 'facilitator' }, 'board deleted')
      return reply.code(204).send()
    },
  )
}
