/**
 * The facilitation API. Facilitators run the session (timer, summon, follow-me, freeze,
 * voting rounds); participants and facilitators vote. Every change is written into the board
 * document by the server, stored, and reaches every client through sync; nobody else may
 * write that part of the document (see sync/updateGuard.ts).
 *
 * Ballots are kept apart from the board, under a hash of each browser's voter key, and
 * forgotten when the round is revealed: what stays is the totals.
 */
import type { FastifyInstance } from 'fastify'
import {
  BOARD_ID_PATTERN,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_DOTS_PER_PERSON,
  MAX_ROUND_TITLE_LENGTH,
  MAX_TIMER_MS,
  TOKEN_PATTERN,
  VOTER_HEADER,
  type Ballot,
  type BallotChange,
  type FollowRequest,
  type FreezeRequest,
  type ServerTime,
  type StartRoundRequest,
  type SummonRequest,
  type TimerCommand,
} from '@dorfplatz/protocol'
import {
  applyTimerCommand,
  assertVotable,
  freeze,
  openRound,
  openRoundById,
  release,
  revealRound,
  startFollow,
  stopFollow,
  summon,
  writeRoundProgress,
} from '../boards/facilitationState.ts'
import { hashToken } from '../tokens.ts'
import { requireRole } from './boardAccess.ts'
import { httpError } from './httpError.ts'

const ONLY_FACILITATORS = 'Only the facilitator link may run the session.'

/** Record ids are short; anything longer is not one. */
const MAX_ID_LENGTH = 200

const boardIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: BOARD_ID_PATTERN.source } },
} as const

const roundParams = {
  type: 'object',
  required: ['id', 'roundId'],
  properties: {
    id: { type: 'string', pattern: BOARD_ID_PATTERN.source },
    roundId: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
  },
} as const

const displayName = { type: 'string', maxLength: MAX_DISPLAY_NAME_LENGTH } as const
const recordId = { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } as const
const duration = { type: 'integer', minimum: 1000, maximum: MAX_TIMER_MS } as const
/** Page coordinates: any finite number a board can hold, within reason. */
const coordinate = { type: 'number', minimum: -1e7, maximum: 1e7 } as const
const extent = { type: 'number', minimum: 0, maximum: 1e7 } as const

const timerBody = {
  oneOf: [
    {
      type: 'object',
      required: ['action', 'durationMs'],
      additionalProperties: false,
      properties: { action: { const: 'start' }, durationMs: duration },
    },
    {
      type: 'object',
      required: ['action', 'ms'],
      additionalProperties: false,
      properties: { action: { const: 'add' }, ms: duration },
    },
    {
      type: 'object',
      required: ['action'],
      additionalProperties: false,
      properties: { action: { enum: ['pause', 'resume', 'stop'] } },
    },
  ],
} as const

const summonBody = {
  type: 'object',
  required: ['pageId', 'bounds', 'userId', 'name'],
  additionalProperties: false,
  properties: {
    pageId: recordId,
    userId: recordId,
    name: displayName,
    bounds: {
      type: 'object',
      required: ['x', 'y', 'w', 'h'],
      additionalProperties: false,
      properties: { x: coordinate, y: coordinate, w: extent, h: extent },
    },
  },
} as const

const followBody = {
  type: 'object',
  required: ['userId', 'name'],
  additionalProperties: false,
  properties: { userId: recordId, name: displayName },
} as const

const freezeBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: displayName },
} as const

const roundBody = {
  type: 'object',
  required: ['title', 'dotsPerPerson', 'scope'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: MAX_ROUND_TITLE_LENGTH, pattern: '\\S' },
    dotsPerPerson: { type: 'integer', minimum: 1, maximum: MAX_DOTS_PER_PERSON },
    scope: {
      oneOf: [
        { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'all' } } },
        {
          type: 'object',
          required: ['kind', 'instanceId', 'zoneId'],
          additionalProperties: false,
          properties: { kind: { const: 'zone' }, instanceId: recordId, zoneId: recordId },
        },
        {
          type: 'object',
          required: ['kind', 'instanceId'],
          additionalProperties: false,
          properties: { kind: { const: 'template' }, instanceId: recordId },
        },
      ],
    },
  },
} as const

const ballotBody = {
  type: 'object',
  required: ['shapeId', 'delta'],
  additionalProperties: false,
  properties: { shapeId: recordId, delta: { enum: [1, -1] } },
} as const

const voterHeaders = {
  type: 'object',
  required: [VOTER_HEADER],
  properties: { [VOTER_HEADER]: { type: 'string', pattern: TOKEN_PATTERN.source } },
} as const

type BoardParams = { Params: { id: string } }
type RoundParams = { Params: { id: string; roundId: string } }

export async function facilitationRoutes(app: FastifyInstance): Promise<void> {
  const facilitator = (request: Parameters<typeof requireRole>[1], id: string) =>
    requireRole(app, request, id, ['facilitator'], ONLY_FACILITATORS)

  /**
   * Ballot changes and reveals of one board run one after another, so that no dot lands
   * between a round's tally and its end, and the progress written is never older than the
   * ballots.
   */
  const queues = new Map<string, Promise<unknown>>()
  const oneAtATime = <T>(boardId: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(boardId) ?? Promise.resolve()
    const run = previous.then(task, task)
    const settled = run.catch(() => undefined)
    queues.set(boardId, settled)
    void settled.then(() => {
      if (queues.get(boardId) === settled) queues.delete(boardId)
    })
    return run
  }

  app.get('/api/time', { logLevel: 'warn' }, async (): Promise<ServerTime> => ({ now: Date.now() }))

  app.post<BoardParams & { Body: TimerCommand }>(
    '/api/boards/:id/timer',
    { schema: { params: boardIdParams, body: timerBody } },
    async (request) => {
      await facilitator(request, request.params.id)
      const timer = await app.rooms.change(request.params.id, (room) => applyTimerCommand(room.doc, request.body, Date.now()))
      return { timer }
    },
  )

  app.post<BoardParams & { Body: SummonRequest }>(
    '/api/boards/:id/summon',
    { schema: { params: boardIdParams, body: summonBody } },
    async (request) => {
      await facilitator(request, request.params.id)
      const summoned = await app.rooms.change(request.params.id, (room) => summon(room.doc, request.body, Date.now()))
      return { summon: summoned }
    },
  )

  app.put<BoardParams & { Body: FollowRequest }>(
    '/api/boards/:id/follow',
    { schema: { params: boardIdParams, body: followBody } },
    async (request) => {
      await facilitator(request, request.params.id)
      const follow = await app.rooms.change(request.params.id, (room) => startFollow(room.doc, request.body, Date.now()))
      return { follow }
    },
  )

  app.delete<BoardParams>('/api/boards/:id/follow', { schema: { params: boardIdParams } }, async (request, reply) => {
    await facilitator(request, request.params.id)
    await app.rooms.change(request.params.id, (room) => stopFollow(room.doc))
    return reply.code(204).send()
  })

  app.put<BoardParams & { Body: FreezeRequest }>(
    '/api/boards/:id/freeze',
    { schema: { params: boardIdParams, body: freezeBody } },
    async (request) => {
      await facilitator(request, request.params.id)
      const frozen = await app.rooms.change(request.params.id, (room) => freeze(room.doc, request.body.name, Date.now()))
      request.log.info({ boardId: request.params.id }, 'board frozen')
      return { freeze: frozen }
    },
  )

  app.delete<BoardParams>('/api/boards/:id/freeze', { schema: { params: boardIdParams } }, async (request, reply) => {
    await facilitator(request, request.params.id)
    await app.rooms.change(request.params.id, (room) => release(room.doc))
    request.log.info({ boardId: request.params.id }, 'board released')
    return reply.code(204).send()
  })

  app.post<BoardParams & { Body: StartRoundRequest }>(
    '/api/boards/:id/rounds',
    { schema: { params: boardIdParams, body: roundBody } },
    async (request, reply) => {
      await facilitator(request, request.params.id)
      const round = await app.rooms.change(request.params.id, (room) => openRound(room.doc, request.body, Date.now()))
      request.log.info({ boardId: request.params.id, roundId: round.id }, 'voting round opened')
      return reply.code(201).send({ round })
    },
  )

  app.post<RoundParams>('/api/boards/:id/rounds/:roundId/reveal', { schema: { params: roundParams } }, async (request) => {
    const { id, roundId } = request.params
    await facilitator(request, id)
    const round = await oneAtATime(id, async () => {
      await app.rooms.change(id, (room) => openRoundById(room.doc, roundId))
      const tally = await app.storage.tallyRound(id, roundId)
      const revealed = await app.rooms.change(id, (room) => revealRound(room.doc, roundId, tally, Date.now()))
      // The totals are stored in the board now; who voted for what is forgotten.
      await app.storage.deleteBallots(id, roundId)
      return revealed
    })
    request.log.info({ boardId: id, roundId, voters: round.voters }, 'voting round revealed')
    return { round }
  })

  const voterOf = (boardId: string, headers: Record<string, unknown>): string =>
    hashToken(`${boardId}:${String(headers[VOTER_HEADER])}`)

  const ballotAnswer = (roundId: string, dots: Map<string, number>, budget: number): Ballot => {
    const used = [...dots.values()].reduce((sum, n) => sum + n, 0)
    return { roundId, dots: Object.fromEntries(dots), remaining: Math.max(0, budget - used) }
  }

  app.get<RoundParams>(
    '/api/boards/:id/rounds/:roundId/ballot',
    { schema: { params: roundParams, headers: voterHeaders } },
    async (request) => {
      const { id, roundId } = request.params
      await requireRole(app, request, id, ['facilitator', 'participant'], 'This link may not vote.')
      const round = await app.rooms.change(id, (room) => openRoundById(room.doc, roundId))
      const dots = await app.storage.readBallot(id, roundId, voterOf(id, request.headers))
      return ballotAnswer(roundId, dots, round.dotsPerPerson)
    },
  )

  app.post<RoundParams & { Body: BallotChange }>(
    '/api/boards/:id/rounds/:roundId/ballot',
    { schema: { params: roundParams, headers: voterHeaders, body: ballotBody } },
    async (request) => {
      const { id, roundId } = request.params
      const { shapeId, delta } = request.body
      await requireRole(app, request, id, ['facilitator', 'participant'], 'This link may not vote.')
      const voter = voterOf(id, request.headers)
      return oneAtATime(id, async () => {
        const round = await app.rooms.change(id, (room) => {
          const open = openRoundById(room.doc, roundId)
          // Taking a dot back is allowed even from a note that has since left the round's zone.
          if (delta === 1) assertVotable(room.doc, open, shapeId)
          return open
        })
        const { outcome, dots } = await app.storage.changeBallot(id, roundId, voter, shapeId, delta, round.dotsPerPerson)
        if (outcome === 'budget-spent') throw httpError(409, 'All dots of this round are placed; take one back first.')
        if (outcome === 'no-dot-there') throw httpError(409, 'There is no dot of yours on this note.')
        const tally = await app.storage.tallyRound(id, roundId)
        await app.rooms.change(id, (room) => writeRoundProgress(room.doc, roundId, tally))
        return ballotAnswer(roundId, dots, round.dotsPerPerson)
      })
    },
  )
}
