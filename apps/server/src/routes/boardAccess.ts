/**
 * Who a request is: the role its board token grants. Every board route and the sync socket pass
 * through `admitToken`, so they answer alike: a missing token, an unknown or replaced one and one
 * for another board (or for a board that does not exist) all get the same answer, so that no
 * caller can learn which board ids exist. The check runs when the request arrives, before its
 * body is read (see boardAdmission).
 */
import type { FastifyInstance, FastifyRequest, preParsingAsyncHookHandler } from 'fastify'
import { isBoardId, isToken, type Role } from '@dorfplatz/protocol'
import type { StoredBoard, TokenGrant } from '../storage/BoardStorage.ts'
import { hashToken } from '../tokens.ts'
import { httpError } from './httpError.ts'

export interface BoardGrant extends TokenGrant {
  board: StoredBoard
  tokenHash: string
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by boardAdmission for requests to `/api/boards/:id…` that carry a board token. */
    boardGrant?: BoardGrant
  }
  interface FastifyContextConfig {
    /** Roles a board route admits; checked with the token, before the body is read (routes with large bodies). */
    admitRoles?: readonly Role[]
  }
}

/** What a board's token check can come to, for routes (HTTP status) and the sync socket (close code). */
export type Admission = { ok: true; grant: BoardGrant } | { ok: false; why: 'no-token' | 'not-valid' | 'no-board' }

export const NO_TOKEN_MESSAGE = 'This board needs the token of one of its links.'
export const NOT_VALID_MESSAGE = 'This link is not valid (unknown, replaced, or for another board).'
export const NO_BOARD_MESSAGE = 'This board no longer exists.'

/** The token of a request: `Authorization: Bearer …`, else `?token=`. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim()
  const query = request.query as { token?: unknown } | undefined
  return typeof query?.token === 'string' ? query.token : undefined
}

/** Checks `token` against board `boardId`: the one admission of HTTP routes and sockets alike. */
export async function admitToken(app: FastifyInstance, boardId: string, token: string | undefined): Promise<Admission> {
  if (token === undefined || token === '') return { ok: false, why: 'no-token' }
  const tokenHash = isToken(token) ? hashToken(token) : undefined
  const grant = tokenHash === undefined ? undefined : await app.storage.findToken(tokenHash)
  if (!grant || tokenHash === undefined || grant.boardId !== boardId) return { ok: false, why: 'not-valid' }
  const board = await app.storage.getBoard(boardId)
  if (!board) return { ok: false, why: 'no-board' }
  return { ok: true, grant: { ...grant, board, tokenHash } }
}

function refusal(why: 'no-token' | 'not-valid' | 'no-board') {
  if (why === 'no-board') return httpError(404, NO_BOARD_MESSAGE)
  return httpError(401, why === 'no-token' ? NO_TOKEN_MESSAGE : NOT_VALID_MESSAGE)
}

/**
 * A preParsing hook for every route under `/api/boards/:id`: checks the board token before the
 * body is read, so that nobody without a link makes the server read and parse a large upload.
 * Requests that carry the admin token pass on to the routes that accept it.
 */
export function boardAdmission(app: FastifyInstance, isAdmin: (request: FastifyRequest) => boolean): preParsingAsyncHookHandler {
  return async (request, _reply, payload) => {
    if (!request.routeOptions.url?.startsWith('/api/boards/:id')) return payload
    if (isAdmin(request)) return payload
    const id = (request.params as { id?: unknown }).id
    if (!isBoardId(id)) throw httpError(400, 'Invalid request: this is not a board id.')
    const admission = await admitToken(app, id, requestToken(request))
    if (!admission.ok) throw refusal(admission.why)
    const roles = request.routeOptions.config.admitRoles
    if (roles && !roles.includes(admission.grant.role)) throw httpError(403, 'This link may not do this.')
    request.boardGrant = admission.grant
    return payload
  }
}

/** The role the request's token grants on board `id` (401 for no or a wrong token, 404 for a board that is gone). */
export async function grantFor(app: FastifyInstance, request: FastifyRequest, id: string): Promise<BoardGrant> {
  if (request.boardGrant?.boardId === id) return request.boardGrant
  const admission = await admitToken(app, id, requestToken(request))
  if (!admission.ok) throw refusal(admission.why)
  return admission.grant
}

/** Like grantFor, and 403 unless the token grants one of `roles`. */
export async function requireRole(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  roles: readonly Role[],
  what: string,
): Promise<BoardGrant> {
  const grant = await grantFor(app, request, id)
  if (!roles.includes(grant.role)) throw httpError(403, what)
  return grant
}
