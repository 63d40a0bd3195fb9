/**
 * The server's writes to a board's facilitation state (see @dorfplatz/board's facilitation.ts):
 * each function checks that the change makes sense now, then writes it in one transaction.
 * A change that does not fit the current state throws a BoardError (conflict), so a double click
 * or two facilitators acting at once get a clear answer instead of a surprise.
 */
import crypto from 'node:crypto'
import type * as Y from 'yjs'
import {
  FacilitationKey,
  getFacilitationMap,
  getVotingRoundsMap,
  readBoardRecords,
  readFacilitation,
  readTemplateInstances,
  richTextToPlain,
  type FollowState,
  type FreezeState,
  type PresentingState,
  type RestoreNotice,
  type SummonState,
  type TimerState,
  type VoteResult,
  type VoteScope,
  type VotingRound,
} from '@dorfplatz/board'
import { instanceZones, votableNoteIds } from '@dorfplatz/templates'
import { MAX_TIMER_MS, type StartPresentingRequest, type StartRoundRequest, type SummonRequest, type TimerCommand } from '@dorfplatz/protocol'
import { conflict, invalid, notFound } from './BoardError.ts'
import type { RoundTally } from '../storage/BoardStorage.ts'

const newId = () => crypto.randomBytes(9).toString('base64url')

export function applyTimerCommand(doc: Y.Doc, command: TimerCommand, now: number): TimerState | null {
  const map = getFacilitationMap(doc)
  const current = readFacilitation(doc).timer
  let next: TimerState | null
  switch (command.action) {
    case 'start':
      next = { status: 'running', durationMs: command.durationMs, endsAt: now + command.durationMs }
      break
    case 'pause':
      if (current?.status !== 'running') throw conflict('There is no running timer to pause.')
      next = { status: 'paused', durationMs: current.durationMs, remainingMs: Math.max(0, current.endsAt - now) }
      break
    case 'resume':
      if (current?.status !== 'paused') throw conflict('There is no paused timer to resume.')
      next = { status: 'running', durationMs: current.durationMs, endsAt: now + current.remainingMs }
      break
    case 'add': {
      if (!current) throw conflict('There is no timer to add time to.')
      // Time added to a timer that has run out counts from now.
      const remaining = current.status === 'running' ? Math.max(0, current.endsAt - now) : current.remainingMs
      const added = Math.min(command.ms, MAX_TIMER_MS - remaining)
      if (added <= 0) throw conflict('The timer already runs as long as a timer may.')
      next =
        current.status === 'running'
          ? { status: 'running', durationMs: current.durationMs + added, endsAt: now + remaining + added }
          : { status: 'paused', durationMs: current.durationMs + added, remainingMs: remaining + added }
      break
    }
    case 'stop':
      next = null
      break
  }
  doc.transact(() => {
    if (next) map.set(FacilitationKey.TIMER, next)
    else map.delete(FacilitationKey.TIMER)
  })
  return next
}

export function summon(doc: Y.Doc, request: SummonRequest, now: number): SummonState {
  const state: SummonState = { id: newId(), userId: request.userId, name: request.name, at: now, pageId: request.pageId, bounds: request.bounds }
  getFacilitationMap(doc).set(FacilitationKey.SUMMON, state)
  return state
}

/** Starts follow-me; a presentation running ends, since a view cannot follow both. */
export function startFollow(doc: Y.Doc, presenter: { userId: string; name: string }, now: number): FollowState {
  const state: FollowState = { userId: presenter.userId, name: presenter.name, since: now }
  const map = getFacilitationMap(doc)
  doc.transact(() => {
    map.delete(FacilitationKey.PRESENTING)
    map.set(FacilitationKey.FOLLOW, state)
  })
  return state
}

export function stopFollow(doc: Y.Doc): void {
  getFacilitationMap(doc).delete(FacilitationKey.FOLLOW)
}

/** Whether `id` is a frame on the page `pageId` of the board now. */
function isFrameOnPage(records: ReadonlyMap<string, unknown>, id: string, pageId: string): boolean {
  const shape = records.get(id) as { typeName?: unknown; type?: unknown; parentId?: unknown } | undefined
  if (shape?.typeName !== 'shape' || shape.type !== 'frame') return false
  // Frames may sit inside other frames; the page is the first parent that is not a shape.
  let parentId = shape.parentId
  for (let depth = 0; typeof parentId === 'string' && parentId.startsWith('shape:') && depth < 100; depth++) {
    parentId = (records.get(parentId) as { parentId?: unknown } | undefined)?.parentId
  }
  return parentId === pageId
}

/** Throws 422 unless every slide is a frame on the page, each named once; writes nothing. */
export function assertPresentable(doc: Y.Doc, request: Pick<StartPresentingRequest, 'pageId' | 'slides'>): void {
  const records = readBoardRecords(doc)
  const page = records.get(request.pageId) as { typeName?: unknown } | undefined
  if (page?.typeName !== 'page') throw invalid('The board has no page with this id.')
  if (new Set(request.slides).size !== request.slides.length) throw invalid('A frame is named twice in the slides.')
  if (!request.slides.every((id) => isFrameOnPage(records, id, request.pageId))) throw invalid('Every slide must be a frame on the page.')
}

/**
 * Starts "Präsentieren" on the first slide: every slide must be a frame on the page (422
 * otherwise). Follow-me ends, since a view cannot follow both; starting again restarts.
 */
export function startPresenting(doc: Y.Doc, request: StartPresentingRequest, now: number): PresentingState {
  assertPresentable(doc, request)
  const state: PresentingState = { slides: request.slides, index: 0, pageId: request.pageId, startedAt: now, by: request.name }
  const map = getFacilitationMap(doc)
  doc.transact(() => {
    map.delete(FacilitationKey.FOLLOW)
    map.set(FacilitationKey.PRESENTING, state)
  })
  return state
}

/** One slide on or back, over slides whose frame was deleted meanwhile; 409 past the ends or when nothing is presented. */
export function stepPresenting(doc: Y.Doc, direction: 'next' | 'previous'): PresentingState {
  const current = readFacilitation(doc).presenting
  if (!current) throw conflict('Nothing is being presented.')
  const records = readBoardRecords(doc)
  const delta = direction === 'next' ? 1 : -1
  let index = current.index + delta
  while (index >= 0 && index < current.slides.length && !isFrameOnPage(records, current.slides[index] ?? '', current.pageId)) index += delta
  if (index < 0 || index >= current.slides.length) {
    throw conflict(direction === 'next' ? 'This is the last slide.' : 'This is the first slide.')
  }
  const next: PresentingState = { ...current, index }
  getFacilitationMap(doc).set(FacilitationKey.PRESENTING, next)
  return next
}

export function stopPresenting(doc: Y.Doc): void {
  getFacilitationMap(doc).delete(FacilitationKey.PRESENTING)
}

export function freeze(doc: Y.Doc, name: string, now: number): FreezeState {
  const current = readFacilitation(doc).freeze
  if (current) return current
  const state: FreezeState = { since: now, name }
  getFacilitationMap(doc).set(FacilitationKey.FREEZE, state)
  return state
}

export function release(doc: Y.Doc): void {
  getFacilitationMap(doc).delete(FacilitationKey.FREEZE)
}

/** Tells every client that a saved version was restored (see RestoreNotice); written with the restore. */
export function recordRestore(doc: Y.Doc, snapshot: { id: string; name: string; kind: string }, now: number): RestoreNotice {
  const notice: RestoreNotice = { id: newId(), snapshotId: snapshot.id, name: snapshot.name, kind: snapshot.kind, at: now }
  getFacilitationMap(doc).set(FacilitationKey.LAST_RESTORE, notice)
  return notice
}

/** Throws 422 unless `scope` names a template on the board, or a zone of one. */
export function assertScopeExists(doc: Y.Doc, scope: VoteScope): void {
  if (scope.kind === 'all') return
  const instance = readTemplateInstances(doc).find((candidate) => candidate.instanceId === scope.instanceId)
  if (!instance) throw invalid('The board has no template with this instance id.')
  if (scope.kind === 'zone' && !instanceZones(instance).some((zone) => zone.id === scope.zoneId)) {
    throw invalid('The template has no zone with this id.')
  }
}

export function openRound(doc: Y.Doc, request: StartRoundRequest, now: number): VotingRound {
  if (readFacilitation(doc).activeRound) throw conflict('A voting round is already open; reveal it first.')
  assertScopeExists(doc, request.scope)
  const round: VotingRound = {
    id: newId(),
    title: request.title.trim(),
    dotsPerPerson: request.dotsPerPerson,
    scope: request.scope,
    status: 'open',
    openedAt: now,
    voters: 0,
    dotsCast: 0,
  }
  doc.transact(() => {
    getVotingRoundsMap(doc).set(round.id, round)
    getFacilitationMap(doc).set(FacilitationKey.ACTIVE_ROUND, round.id)
  })
  return round
}

/** The round with `roundId`; 404 when the board never had it, 409 when it is no longer open. */
export function openRoundById(doc: Y.Doc, roundId: string): VotingRound {
  const round = readFacilitation(doc).rounds.find((candidate) => candidate.id === roundId)
  if (!round) throw notFound('This board has no voting round with this id.')
  if (round.status !== 'open') throw conflict('This voting round is over.')
  return round
}

/** Throws 422 unless `shapeId` is a note the round covers now. */
export function assertVotable(doc: Y.Doc, round: VotingRound, shapeId: string): void {
  const eligible = votableNoteIds(readBoardRecords(doc), readTemplateInstances(doc), round.scope)
  if (!eligible.includes(shapeId)) throw invalid('This round has no note with this id to vote on.')
}

/** Writes how many people have voted and how many dots are placed, never on what. */
export function writeRoundProgress(doc: Y.Doc, roundId: string, tally: RoundTally): void {
  const rounds = getVotingRoundsMap(doc)
  const round = readFacilitation(doc).rounds.find((candidate) => candidate.id === roundId)
  if (!round || round.status !== 'open') return
  if (round.voters === tally.voters && round.dotsCast === tally.dots) return
  rounds.set(roundId, { ...round, voters: tally.voters, dotsCast: tally.dots })
}

/**
 * Ends a round and writes its results: every note that still exists and got a dot, most
 * dots first (equal counts in board order), with its text as it is now.
 */
export function revealRound(doc: Y.Doc, roundId: string, tally: RoundTally, now: number): VotingRound {
  const round = openRoundById(doc, roundId)
  const records = readBoardRecords(doc)
  const order = [...records.keys()]
  const results: VoteResult[] = []
  for (const [shapeId, votes] of tally.totals) {
    const note = records.get(shapeId) as { typeName?: unknown; props?: { richText?: unknown } } | undefined
    if (note?.typeName !== 'shape') continue
    results.push({ shapeId, votes, text: richTextToPlain(note.props?.richText) })
  }
  results.sort((a, b) => b.votes - a.votes || order.indexOf(a.shapeId) - order.indexOf(b.shapeId))
  const revealed: VotingRound = {
    ...round,
    status: 'revealed',
    revealedAt: now,
    voters: tally.voters,
    dotsCast: tally.dots,
    results,
  }
  doc.transact(() => {
    getVotingRoundsMap(doc).set(roundId, revealed)
    getFacilitationMap(doc).delete(FacilitationKey.ACTIVE_ROUND)
  })
  return revealed
}
