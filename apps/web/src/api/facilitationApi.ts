/**
 * Calls to the facilitation API: facilitators run the session (timer, summon, follow-me,
 * presenting, freeze, voting rounds), participants vote. The server writes the resulting state into the
 * board document, so callers see the effect through sync, not in the answer.
 */
import {
  VOTER_HEADER,
  type Ballot,
  type BallotChange,
  type FollowRequest,
  type FreezeRequest,
  type OpenPrivateRoundRequest,
  type PrivateRevealResult,
  type ServerTime,
  type StartPresentingRequest,
  type StartRoundRequest,
  type StepPresentingRequest,
  type SummonRequest,
  type TimerCommand,
} from '@dorfplatz/protocol'
import type { PrivateRoundState, TimerState, VotingRound } from '@dorfplatz/board'
import { request } from './apiClient.ts'

function boardUrl(boardId: string, rest: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/${rest}`
}

function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, token: string, body?: unknown, extraHeaders = {}): Promise<T> {
  return request<T>(path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...extraHeaders,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

export function fetchServerTime(): Promise<ServerTime> {
  return request<ServerTime>('/api/time')
}

export async function sendTimerCommand(boardId: string, token: string, command: TimerCommand): Promise<TimerState | null> {
  const { timer } = await send<{ timer: TimerState | null }>('POST', boardUrl(boardId, 'timer'), token, command)
  return timer
}

export async function summonEveryone(boardId: string, token: string, summon: SummonRequest): Promise<void> {
  await send<unknown>('POST', boardUrl(boardId, 'summon'), token, summon)
}

export async function startFollowMe(boardId: string, token: string, presenter: FollowRequest): Promise<void> {
  await send<unknown>('PUT', boardUrl(boardId, 'follow'), token, presenter)
}

export async function stopFollowMe(boardId: string, token: string): Promise<void> {
  await send<unknown>('DELETE', boardUrl(boardId, 'follow'), token)
}

export async function startPresenting(boardId: string, token: string, presentation: StartPresentingRequest): Promise<void> {
  await send<unknown>('PUT', boardUrl(boardId, 'presenting'), token, presentation)
}

export async function stepPresenting(boardId: string, token: string, step: StepPresentingRequest): Promise<void> {
  await send<unknown>('POST', boardUrl(boardId, 'presenting/step'), token, step)
}

export async function stopPresenting(boardId: string, token: string): Promise<void> {
  await send<unknown>('DELETE', boardUrl(boardId, 'presenting'), token)
}

export async function freezeBoard(boardId: string, token: string, by: FreezeRequest): Promise<void> {
  await send<unknown>('PUT', boardUrl(boardId, 'freeze'), token, by)
}

export async function releaseBoard(boardId: string, token: string): Promise<void> {
  await send<unknown>('DELETE', boardUrl(boardId, 'freeze'), token)
}

export async function startVotingRound(boardId: string, token: string, round: StartRoundRequest): Promise<VotingRound> {
  const { round: started } = await send<{ round: VotingRound }>('POST', boardUrl(boardId, 'rounds'), token, round)
  return started
}

export async function revealVotingRound(boardId: string, token: string, roundId: string): Promise<VotingRound> {
  const { round } = await send<{ round: VotingRound }>(
    'POST',
    boardUrl(boardId, `rounds/${encodeURIComponent(roundId)}/reveal`),
    token,
    {},
  )
  return round
}

/** Opens "Stilles Brainstorming"; the round arrives for everyone through sync. */
export async function openPrivateRound(boardId: string, token: string, request: OpenPrivateRoundRequest): Promise<PrivateRoundState> {
  const { privateRound } = await send<{ privateRound: PrivateRoundState }>('POST', boardUrl(boardId, 'private-round'), token, request)
  return privateRound
}

/** Puts every private note of the round on the board; how many of how many people arrived. */
export function revealPrivateRound(boardId: string, token: string, roundId: string): Promise<PrivateRevealResult> {
  return send<PrivateRevealResult>('POST', boardUrl(boardId, `private-round/${encodeURIComponent(roundId)}/reveal`), token, {})
}

/** This voter's own dots in a round (nobody else's: the server never tells). */
export function fetchBallot(boardId: string, token: string, roundId: string, voterKey: string): Promise<Ballot> {
  return request<Ballot>(boardUrl(boardId, `rounds/${encodeURIComponent(roundId)}/ballot`), {
    headers: { Authorization: `Bearer ${token}`, [VOTER_HEADER]: voterKey },
  })
}

/** Places (+1) or takes back (-1) one dot; 409 when the budget is spent or the round is over. */
export function changeBallot(
  boardId: string,
  token: string,
  roundId: string,
  voterKey: string,
  change: BallotChange,
): Promise<Ballot> {
  return send<Ballot>('POST', boardUrl(boardId, `rounds/${encodeURIComponent(roundId)}/ballot`), token, change, {
    [VOTER_HEADER]: voterKey,
  })
}
