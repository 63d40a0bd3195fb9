/**
 * The facilitation API: what facilitators send to run a session and what participants send
 * to vote. The state these requests change is in the board document (see @dorfplatz/board's
 * facilitation.ts); the server is its only writer.
 *
 * Every route takes the board link's token as `Authorization: Bearer <token>`. Timer, summon,
 * follow-me, freeze and rounds need a facilitator's token; ballots a participant's or a
 * facilitator's, plus the voter key in the {@link VOTER_HEADER} header.
 */

/** Longest a timer may run: a long workshop block, not a day. */
export const MAX_TIMER_MS = 3 * 60 * 60 * 1000

/** Most dots one person may have in one voting round. */
export const MAX_DOTS_PER_PERSON = 20

export const MAX_ROUND_TITLE_LENGTH = 120

/** Longest presenter or facilitator name the server stores in the facilitation state. */
export const MAX_DISPLAY_NAME_LENGTH = 80

/**
 * The header that carries a voter's key: a random secret each browser makes once per board
 * (43 base64url characters, like a link token) and keeps. The server stores only its hash, so
 * it can hold each voter to the budget without knowing who voted for what.
 */
export const VOTER_HEADER = 'dorfplatz-voter'

/** `GET /api/time`: the server's clock, for clients to show the same countdown. */
export interface ServerTime {
  now: number
}

/** `POST /api/boards/:id/timer` */
export type TimerCommand =
  | { action: 'start'; durationMs: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'add'; ms: number }
  | { action: 'stop' }

export interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

/** `POST /api/boards/:id/summon`: everyone's view moves to `bounds` on `pageId`. */
export interface SummonRequest {
  pageId: string
  bounds: Bounds
  userId: string
  name: string
}

/** `PUT /api/boards/:id/follow` starts follow-me; `DELETE` ends it. */
export interface FollowRequest {
  userId: string
  name: string
}

/** Most slides one presentation may have: far more frames than a workshop page holds. */
export const MAX_SLIDES = 200

/**
 * `PUT /api/boards/:id/presenting` starts "Präsentieren" on the first slide (and ends
 * follow-me); `DELETE` ends it. Every slide must be a frame on `pageId`.
 */
export interface StartPresentingRequest {
  pageId: string
  /** Frame shape ids in slide order, no repeats. */
  slides: string[]
  name: string
}

/**
 * `POST /api/boards/:id/presenting/step`: one slide on (`next`) or back (`previous`), skipping
 * slides whose frame is gone; 409 past either end or when nothing is being presented.
 */
export interface StepPresentingRequest {
  direction: 'next' | 'previous'
}

/** `PUT /api/boards/:id/freeze` freezes the board; `DELETE` releases it. */
export interface FreezeRequest {
  name: string
}

/** `POST /api/boards/:id/rounds` opens a round; answers 409 while another is open. */
export interface StartRoundRequest {
  title: string
  dotsPerPerson: number
  /** Every note, one zone of a template, or every zone of one template ("Priorisierungsmatrix – alle Felder"). */
  scope: { kind: 'all' } | { kind: 'zone'; instanceId: string; zoneId: string } | { kind: 'template'; instanceId: string }
}

/**
 * `POST /api/boards/:id/private-round` opens "Stilles Brainstorming": until it is revealed, the
 * notes each person writes in `scope` are seen by that person alone (see @dorfplatz/board's
 * privateRound.ts). With `durationMs`, the board's timer starts with it.
 */
export interface OpenPrivateRoundRequest {
  title: string
  scope: StartRoundRequest['scope']
  /** Whether the revealed notes carry their writer's name. */
  showAuthors: boolean
  durationMs?: number
  /** The facilitator's name as shown. */
  name: string
}

/** `POST /api/boards/:id/private-round/:roundId/reveal`: what arrived on the board. */
export interface PrivateRevealResult {
  notes: number
  people: number
}

/** The query parameter of a private space's socket that carries the browser's key (like {@link VOTER_HEADER}). */
export const PRIVATE_KEY_PARAM = 'key'

/** `POST /api/boards/:id/rounds/:roundId/ballot`: place (+1) or take back (-1) one dot. */
export interface BallotChange {
  shapeId: string
  delta: 1 | -1
}

/** A voter's own dots in a round: the answer to `GET` and `POST …/ballot`. Nobody else's. */
export interface Ballot {
  roundId: string
  dots: Record<string, number>
  remaining: number
}
