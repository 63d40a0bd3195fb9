/** Who a request is: the role its board token grants, shared by every board route. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isToken, type Role } from '@dorfplatz/protocol'
import type { StoredBoard, TokenGrant } from '../storage/BoardStorage.ts'
import { hashToken } from '../tokens.ts'
import { httpError } from './httpError.ts'

/** The token of a request: `Authorization: Bearer …`, else `?token=`. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim()
  const query = request.query as { token?: unknown } | undefined
  return typeof query?.token === 'string' ? query.token : undefined
}

/** The role the request's token grants on board `id`; 401 for no or a wrong token, 404 for no such board. */
export async function grantFor(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
): Promise<TokenGrant & { board: StoredBoard }> {
  const token = requestToken(request)
  if (token === undefined) throw httpError(401, 'This board needs the token of one of its links.')
  const board = await app.storage.getBoard(id)
  if (!board) throw httpError(404, 'There is no board with this id.')
  const grant = isToken(token) ? await app.storage.findToken(hashToken(token)) : undefined
  if (!grant || grant.boardId !== board.id) {
    throw httpError(401, 'This link is not valid for this board (unknown or replaced).')
  }
  return { ...grant, board }
}

/** Like grantFor, and 403 unless the token grants one of `roles`. */
export async function requireRole(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  roles: readonly Role[],
  what: string,
): Promise<TokenGrant & { board: StoredBoard }> {
  const grant = await grantFor(app, request, id)
  if (!roles.includes(grant.role)) throw httpError(403, what)
  return grant
}
