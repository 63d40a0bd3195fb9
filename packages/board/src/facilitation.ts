/**
 * How a session is run: the timer, follow-me, the last summon, the board freeze and the dot
 * voting rounds. All of it lives in two root maps of the board's Y.Doc that only the server
 * writes (the sync server refuses any client update that touches them, see the server's
 * update guard), so every client sees the same state, a late joiner or a reload included,
 * and no participant can change it:
 *
 * - `facilitation` (Y.Map): `timer`, `follow`, `presenting`, `summon`, `freeze`, `activeRound`,
 *   `lastRestore`, `historyShared`, `runSheet` and `cursorsHidden`, each a whole JSON value, absent (or null) when not in use.
 * - `votingRounds` (Y.Map): one {@link VotingRound} per round id, kept after the round for the
 *   results report. Who voted for what is never here: the server keeps ballots apart and drops
 *   them when it reveals a round, leaving only totals.
 *
 * Times are the server's clock in milliseconds since the epoch; clients correct for their own
 * clock with the offset they measure against `GET /api/time`.
 *
 * Values come from the document, which may be old or damaged, so readers validate and return
 * null for what they cannot read.
 */
import type * as Y from 'yjs'
import { AUTHORS_KEY } from './authors.ts'
import { COMMENT_AUTHORS_KEY } from './comments.ts'
import { parsePrivateRevealNotice, parsePrivateRound, type PrivateRevealNotice, type PrivateRoundState } from './privateRound.ts'
import { parseRunSheet, type RunSheet } from './runSheet.ts'

export const FACILITATION_KEY = 'facilitation'
export const VOTING_ROUNDS_KEY = 'votingRounds'

/** Field names inside the `facilitation` map. */
export const FacilitationKey = {
  TIMER: 'timer',
  FOLLOW: 'follow',
  /** "Präsentieren": the slides (frames) everyone's view steps through, see {@link PresentingState}. */
  PRESENTING: 'presenting',
  SUMMON: 'summon',
  FREEZE: 'freeze',
  ACTIVE_ROUND: 'activeRound',
  LAST_RESTORE: 'lastRestore',
  /** Whether participants see the board's history (Verlauf), without names: `true`, or absent. */
  HISTORY_SHARED: 'historyShared',
  /** The open private round ("Stilles Brainstorming"), see privateRound.ts. */
  PRIVATE_ROUND: 'privateRound',
  /** The last reveal of a private round, so that every client can say so once. */
  LAST_PRIVATE_REVEAL: 'lastPrivateReveal',
  /** The run-sheet ("Ablauf"), see runSheet.ts. */
  RUN_SHEET: 'runSheet',
  /** Whether participants' cursors are hidden for everyone: `true`, or absent. The server then stops relaying them. */
  CURSORS_HIDDEN: 'cursorsHidden',
} as const

/** Roots of the board document that only the server writes (facilitation state, and who wrote what: see authors.ts). */
export const SERVER_OWNED_ROOTS: readonly string[] = [FACILITATION_KEY, VOTING_ROUNDS_KEY, AUTHORS_KEY, COMMENT_AUTHORS_KEY]

export type TimerState =
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number }

/** Everyone follows the presenter's view until they step out. */
export interface FollowState {
  /** The presenter's user id, as in tldraw presence (`instance_presence.userId`). */
  userId: string
  name: string
  since: number
}

/**
 * "Präsentieren": the frames of one page as slides, in the order the facilitator's client read
 * them; everyone's view shows `slides[index]` until they step out. Frames deleted meanwhile stay
 * in the list and are skipped when stepping.
 */
export interface PresentingState {
  /** Frame shape ids, in slide order. */
  slides: string[]
  index: number
  pageId: string
  startedAt: number
  /** The facilitator's name as shown in the banner. */
  by: string
}

/** The last "Alle zu mir": clients that see a new id move their view to `bounds` on `pageId`. */
export interface SummonState {
  id: string
  userId: string
  name: string
  at: number
  pageId: string
  bounds: { x: number; y: number; w: number; h: number }
}

/** While present, participants may only look. */
export interface FreezeState {
  since: number
  name: string
}

/** What a round covers: every note, the notes in one zone of a template, or in any zone of one template. */
/**
 * The last time a facilitator restored a saved version, so that every client can say so once
 * ("Die Moderation hat die Version „…“ wiederhergestellt"): notes may have vanished or come back.
 */
export interface RestoreNotice {
  /** New for every restore, so that restoring the same version twice is told twice. */
  id: string
  snapshotId: string
  /** The version's name as stored, and its kind (an automatic one's name reads in each reader's language). */
  name: string
  kind: string
  at: number
}

export type VoteScope =
  | { kind: 'all' }
  | { kind: 'zone'; instanceId: string; zoneId: string }
  | { kind: 'template'; instanceId: string }

/** One note's result in a revealed round. */
export interface VoteResult {
  shapeId: string
  votes: number
  /** The note's text when the round was revealed, so that the report keeps it if the note changes. */
  text: string
}

export interface VotingRound {
  id: string
  title: string
  dotsPerPerson: number
  scope: VoteScope
  status: 'open' | 'revealed'
  openedAt: number
  /** How many voters have placed at least one dot, and how many dots are placed (never on what). */
  voters: number
  dotsCast: number
  revealedAt?: number
  /** Present once revealed: every note with at least one dot, most votes first. */
  results?: VoteResult[]
}

export function getFacilitationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FACILITATION_KEY)
}

export function getVotingRoundsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(VOTING_ROUNDS_KEY)
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isString = (value: unknown): value is string => typeof value === 'string'

export function parseTimer(value: unknown): TimerState | null {
  if (!isObject(value) || !isFiniteNumber(value.durationMs)) return null
  if (value.status === 'running' && isFiniteNumber(value.endsAt)) {
    return { status: 'running', durationMs: value.durationMs, endsAt: value.endsAt }
  }
  if (value.status === 'paused' && isFiniteNumber(value.remainingMs)) {
    return { status: 'paused', durationMs: value.durationMs, remainingMs: value.remainingMs }
  }
  return null
}

/**
 * Milliseconds left on `timer` at server time `serverNow`: never negative, and never more than
 * the timer's duration (a client whose clock estimate runs a little behind the server's would
 * otherwise show 5:01 on a fresh 5-minute timer).
 */
export function timerRemainingMs(timer: TimerState, serverNow: number): number {
  const remaining = timer.status === 'running' ? timer.endsAt - serverNow : timer.remainingMs
  return Math.min(timer.durationMs, Math.max(0, remaining))
}

export function parseFollow(value: unknown): FollowState | null {
  if (!isObject(value) || !isString(value.userId) || !isString(value.name) || !isFiniteNumber(value.since)) return null
  return { userId: value.userId, name: value.name, since: value.since }
}

export function parsePresenting(value: unknown): PresentingState | null {
  if (!isObject(value) || !Array.isArray(value.slides) || !value.slides.every(isString) || value.slides.length === 0) return null
  if (!Number.isInteger(value.index) || !isString(value.pageId) || !isFiniteNumber(value.startedAt) || !isString(value.by)) return null
  const index = value.index as number
  if (index < 0 || index >= value.slides.length) return null
  return { slides: [...(value.slides as string[])], index, pageId: value.pageId, startedAt: value.startedAt, by: value.by }
}

export function parseSummon(value: unknown): SummonState | null {
  if (!isObject(value) || !isString(value.id) || !isString(value.userId) || !isString(value.name)) return null
  if (!isFiniteNumber(value.at) || !isString(value.pageId) || !isObject(value.bounds)) return null
  const { x, y, w, h } = value.bounds
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(w) || !isFiniteNumber(h)) return null
  return { id: value.id, userId: value.userId, name: value.name, at: value.at, pageId: value.pageId, bounds: { x, y, w, h } }
}

export function parseRestoreNotice(value: unknown): RestoreNotice | null {
  if (!isObject(value) || !isString(value.id) || !isString(value.snapshotId) || !isString(value.name)) return null
  if (!isString(value.kind) || !isFiniteNumber(value.at)) return null
  return { id: value.id, snapshotId: value.snapshotId, name: value.name, kind: value.kind, at: value.at }
}

export function parseFreeze(value: unknown): FreezeState | null {
  if (!isObject(value) || !isFiniteNumber(value.since) || !isString(value.name)) return null
  return { since: value.since, name: value.name }
}

export function parseScope(value: unknown): VoteScope | null {
  if (!isObject(value)) return null
  if (value.kind === 'all') return { kind: 'all' }
  if (value.kind === 'zone' && isString(value.instanceId) && isString(value.zoneId)) {
    return { kind: 'zone', instanceId: value.instanceId, zoneId: value.zoneId }
  }
  if (value.kind === 'template' && isString(value.instanceId)) return { kind: 'template', instanceId: value.instanceId }
  return null
}

function parseResults(value: unknown): VoteResult[] | null {
  if (!Array.isArray(value)) return null
  const results: VoteResult[] = []
  for (const entry of value) {
    if (!isObject(entry) || !isString(entry.shapeId) || !isFiniteNumber(entry.votes)) continue
    results.push({ shapeId: entry.shapeId, votes: entry.votes, text: isString(entry.text) ? entry.text : '' })
  }
  return results
}

export function parseVotingRound(value: unknown): VotingRound | null {
  if (!isObject(value) || !isString(value.id) || !isString(value.title)) return null
  if (!isFiniteNumber(value.dotsPerPerson) || !isFiniteNumber(value.openedAt)) return null
  if (value.status !== 'open' && value.status !== 'revealed') return null
  const scope = parseScope(value.scope)
  if (!scope) return null
  const round: VotingRound = {
    id: value.id,
    title: value.title,
    dotsPerPerson: value.dotsPerPerson,
    scope,
    status: value.status,
    openedAt: value.openedAt,
    voters: isFiniteNumber(value.voters) ? value.voters : 0,
    dotsCast: isFiniteNumber(value.dotsCast) ? value.dotsCast : 0,
  }
  if (isFiniteNumber(value.revealedAt)) round.revealedAt = value.revealedAt
  const results = parseResults(value.results)
  if (results) round.results = results
  return round
}

/** Everything about how the session is run, as one plain value. */
export interface FacilitationState {
  timer: TimerState | null
  follow: FollowState | null
  presenting: PresentingState | null
  summon: SummonState | null
  freeze: FreezeState | null
  /** The open round, if any. */
  activeRound: VotingRound | null
  /** Every round the board has had, oldest first. */
  rounds: VotingRound[]
  /** The last restore of a saved version, if any. */
  lastRestore: RestoreNotice | null
  /** Whether the facilitator shares the board's history with participants (without names). */
  historyShared: boolean
  /** The open private round ("Stilles Brainstorming"), if any. */
  privateRound: PrivateRoundState | null
  lastPrivateReveal: PrivateRevealNotice | null
  /** The run-sheet ("Ablauf"): the day's steps, the current one and their times. */
  runSheet: RunSheet
  /** Whether the facilitator hides participants' cursors for everyone. */
  cursorsHidden: boolean
}

export function readFacilitation(doc: Y.Doc): FacilitationState {
  const map = getFacilitationMap(doc)
  const rounds = readVotingRounds(doc)
  const activeId = map.get(FacilitationKey.ACTIVE_ROUND)
  const active = rounds.find((round) => round.id === activeId && round.status === 'open') ?? null
  return {
    timer: parseTimer(map.get(FacilitationKey.TIMER)),
    follow: parseFollow(map.get(FacilitationKey.FOLLOW)),
    presenting: parsePresenting(map.get(FacilitationKey.PRESENTING)),
    summon: parseSummon(map.get(FacilitationKey.SUMMON)),
    freeze: parseFreeze(map.get(FacilitationKey.FREEZE)),
    activeRound: active,
    rounds,
    lastRestore: parseRestoreNotice(map.get(FacilitationKey.LAST_RESTORE)),
    historyShared: map.get(FacilitationKey.HISTORY_SHARED) === true,
    privateRound: parsePrivateRound(map.get(FacilitationKey.PRIVATE_ROUND), parseScope),
    lastPrivateReveal: parsePrivateRevealNotice(map.get(FacilitationKey.LAST_PRIVATE_REVEAL)),
    runSheet: parseRunSheet(map.get(FacilitationKey.RUN_SHEET)),
    cursorsHidden: map.get(FacilitationKey.CURSORS_HIDDEN) === true,
  }
}

export function readVotingRounds(doc: Y.Doc): VotingRound[] {
  const rounds: VotingRound[] = []
  for (const value of getVotingRoundsMap(doc).values()) {
    const round = parseVotingRound(value)
    if (round) rounds.push(round)
  }
  return rounds.sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1))
}

export function isBoardFrozen(doc: Y.Doc): boolean {
  return parseFreeze(getFacilitationMap(doc).get(FacilitationKey.FREEZE)) !== null
}

/**
 * Calls `listener` after every change to the facilitation state (not for the document's
 * records); returns the function that stops listening.
 */
export function observeFacilitation(doc: Y.Doc, listener: () => void): () => void {
  const facilitation = getFacilitationMap(doc)
  const rounds = getVotingRoundsMap(doc)
  const onChange = (): void => listener()
  facilitation.observe(onChange)
  rounds.observe(onChange)
  return () => {
    facilitation.unobserve(onChange)
    rounds.unobserve(onChange)
  }
}

/**
 * The plain text of a tldraw rich text value (TipTap JSON): text nodes joined, paragraphs
 * separated by line breaks. Tolerates any input; returns '' for what it cannot read.
 */
export function richTextToPlain(richText: unknown): string {
  const blocks: string[] = []
  const walk = (node: unknown, out: string[]): void => {
    if (!isObject(node)) return
    if (node.type === 'text' && isString(node.text)) out.push(node.text)
    if (node.type === 'hardBreak') out.push('\n')
    if (Array.isArray(node.content)) for (const child of node.content) walk(child, out)
  }
  if (isObject(richText) && Array.isArray(richText.content)) {
    for (const block of richText.content) {
      const out: string[] = []
      walk(block, out)
      blocks.push(out.join(''))
    }
  } else {
    const out: string[] = []
    walk(richText, out)
    blocks.push(out.join(''))
  }
  return blocks.join('\n').trim()
}
