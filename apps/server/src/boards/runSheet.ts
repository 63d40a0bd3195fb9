/**
 * The run-sheet ("Ablauf") on the server: the facilitator's plan of the day as steps, kept in
 * the board's facilitation state (`facilitation.runSheet`), and "Nächster Schritt", which ends
 * the current step and starts the next one with all its actions as one change of the board.
 *
 * Ending a step ends what the step itself started: its voting round is revealed, its timer
 * stopped, its follow-me, freeze and presentation ended. What the facilitator started by hand
 * meanwhile stays. Starting a step starts its actions (timer over the step's planned duration,
 * voting round, freeze, follow-me, presentation, private round) and brings everyone to its
 * place, through the summon that "Alle zu mir" uses. Everything is checked before anything is
 * written, so a refused "Nächster Schritt" changes nothing. Nothing here knows about HTTP.
 */
import crypto from 'node:crypto'
import type * as Y from 'yjs'
import {
  currentStep,
  FacilitationKey,
  getFacilitationMap,
  nextPlannedStep,
  readBoardRecords,
  readFacilitation,
  readTemplateInstances,
  type RunSheet,
  type RunSheetAction,
  type RunSheetStep,
  type SummonState,
  type TemplateInstance,
  type VoteScope,
} from '@dorfplatz/board'
import {
  MAX_DOTS_PER_PERSON,
  MAX_ROUND_TITLE_LENGTH,
  MAX_RUN_SHEET_STEPS,
  MAX_STEP_MINUTES,
  MAX_STEP_TITLE_LENGTH,
  STEP_ID_PATTERN,
  type ImportRunSheetResult,
  type NextStepRequest,
  type RunSheetStepInput,
} from '@dorfplatz/protocol'
import { currentTemplateInstances, instanceZones } from '@dorfplatz/templates'
import type { RoomRegistry } from '../sync/RoomRegistry.ts'
import type { BoardVoting } from './BoardVoting.ts'
import type { PrivateRoundActions } from './privateRounds.ts'
import { conflict, invalid, notFound } from './BoardError.ts'
import {
  applyTimerCommand,
  assertPresentable,
  assertScopeExists,
  freeze,
  openRound,
  release,
  startFollow,
  startPresenting,
  stopFollow,
  stopPresenting,
} from './facilitationState.ts'

const newId = () => crypto.randomBytes(6).toString('base64url')
const MINUTE_MS = 60_000
/** The summon of a step names this as its summoner, so that every client moves, the facilitator's too. */
export const RUN_SHEET_SUMMONER = 'runsheet'

export function readRunSheet(doc: Y.Doc): RunSheet {
  return readFacilitation(doc).runSheet
}

function writeRunSheet(doc: Y.Doc, sheet: RunSheet): void {
  getFacilitationMap(doc).set(FacilitationKey.RUN_SHEET, sheet)
}

// -- Checking what a facilitator sends -----------------------------------------------------------

function checkTitle(title: string, what: string, max: number): string {
  const trimmed = title.trim()
  if (trimmed.length === 0) throw invalid(`${what} needs a title.`)
  if (trimmed.length > max) throw invalid(`${what}'s title is longer than ${max} characters.`)
  return trimmed
}

function checkAction(doc: Y.Doc, action: RunSheetAction, stepTitle: string): RunSheetAction {
  switch (action.kind) {
    case 'voting':
      if (!Number.isInteger(action.dotsPerPerson) || action.dotsPerPerson < 1 || action.dotsPerPerson > MAX_DOTS_PER_PERSON) {
        throw invalid(`The voting round of "${stepTitle}" needs 1 to ${MAX_DOTS_PER_PERSON} dots per person.`)
      }
      assertScopeExists(doc, action.scope)
      return { ...action, title: checkTitle(action.title, 'A voting round', MAX_ROUND_TITLE_LENGTH) }
    case 'private':
      assertScopeExists(doc, action.scope)
      return { ...action, title: checkTitle(action.title, 'A private round', MAX_ROUND_TITLE_LENGTH), showAuthors: action.showAuthors === true }
    default:
      return { kind: action.kind }
  }
}

/** One step as sent, checked against the board: 422 for anything it cannot hold. */
function checkStep(doc: Y.Doc, input: RunSheetStepInput): Omit<RunSheetStep, 'id' | 'status'> {
  const title = checkTitle(input.title, 'A step', MAX_STEP_TITLE_LENGTH)
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > MAX_STEP_MINUTES) {
    throw invalid(`"${title}" needs a duration of 1 to ${MAX_STEP_MINUTES} minutes.`)
  }
  assertScopeExists(doc, input.place)
  const kinds = input.actions.map((action) => action.kind)
  if (new Set(kinds).size !== kinds.length) throw invalid(`"${title}" names an action twice.`)
  if (kinds.includes('follow') && kinds.includes('presenting')) {
    throw invalid(`"${title}" cannot both let everyone follow and present: a view follows one of them.`)
  }
  return { title, durationMinutes: input.durationMinutes, place: input.place, actions: input.actions.map((action) => checkAction(doc, action, title)) }
}

/**
 * Replaces the list of steps. A step whose id the sheet has keeps its status and times; a new
 * one is planned. The running step cannot be removed (409): "Nächster Schritt" ends it.
 */
export function replaceSteps(doc: Y.Doc, inputs: readonly RunSheetStepInput[]): RunSheet {
  if (inputs.length > MAX_RUN_SHEET_STEPS) throw invalid(`A run-sheet has at most ${MAX_RUN_SHEET_STEPS} steps.`)
  const existing = new Map(readRunSheet(doc).steps.map((step) => [step.id, step]))
  const ids = new Set<string>()
  const steps = inputs.map((input): RunSheetStep => {
    const id = input.id ?? newId()
    if (!STEP_ID_PATTERN.test(id)) throw invalid('A step id is 1 to 32 letters, digits, "-" or "_".')
    if (ids.has(id)) throw invalid('Two steps have the same id.')
    ids.add(id)
    const checked = checkStep(doc, input)
    const before = existing.get(id)
    return before ? { ...before, ...checked } : { id, ...checked, status: 'planned' }
  })
  const running = [...existing.values()].find((step) => step.status === 'current')
  if (running && !ids.has(running.id)) throw conflict('The running step cannot be removed; go to the next step first.')
  const sheet: RunSheet = { steps }
  writeRunSheet(doc, sheet)
  return sheet
}

/** Puts the steps in a new order: `order` names every step once. */
export function reorderSteps(doc: Y.Doc, order: readonly string[]): RunSheet {
  const sheet = readRunSheet(doc)
  const byId = new Map(sheet.steps.map((step) => [step.id, step]))
  if (order.length !== byId.size || new Set(order).size !== order.length || !order.every((id) => byId.has(id))) {
    throw invalid('The order must name every step of the run-sheet once.')
  }
  const reordered: RunSheet = { steps: order.map((id) => byId.get(id) as RunSheetStep) }
  writeRunSheet(doc, reordered)
  return reordered
}

/** Skips a planned step, or plans a skipped one again; anything else is 409. */
export function setStepStatus(doc: Y.Doc, stepId: string, status: 'skipped' | 'planned', now: number): RunSheet {
  const sheet = readRunSheet(doc)
  const step = sheet.steps.find((candidate) => candidate.id === stepId)
  if (!step) throw notFound('The run-sheet has no step with this id.')
  const from = status === 'skipped' ? 'planned' : 'skipped'
  if (step.status !== from) throw conflict(status === 'skipped' ? 'Only a planned step can be skipped.' : 'Only a skipped step can be planned again.')
  const changed: RunSheet = {
    steps: sheet.steps.map((candidate) => {
      if (candidate !== step) return candidate
      const { endedAt: _ended, ...rest } = candidate
      return status === 'skipped' ? { ...rest, status, endedAt: now } : { ...rest, status }
    }),
  }
  writeRunSheet(doc, changed)
  return changed
}

// -- Where a step happens -----------------------------------------------------------------------

/** The page and bounds of a step's place now (its template's frame, or a rectangular zone of it); null for the whole board or a place that is gone. */
export function placeBounds(doc: Y.Doc, place: VoteScope): { pageId: string; bounds: SummonState['bounds'] } | null {
  if (place.kind === 'all') return null
  const records = readBoardRecords(doc)
  const instance = currentTemplateInstances(readTemplateInstances(doc), records).find((candidate) => candidate.instanceId === place.instanceId)
  if (!instance) return null
  const frame = records.get(instance.frameId) as { props?: { w?: unknown; h?: unknown } } | undefined
  const w = typeof frame?.props?.w === 'number' ? frame.props.w : (instance.width ?? 0)
  const h = typeof frame?.props?.h === 'number' ? frame.props.h : (instance.height ?? 0)
  if (place.kind === 'zone') {
    const area = instanceZones(instance).find((zone) => zone.id === place.zoneId)?.area
    // Round zones (the stakeholder map's rings) are shown with their whole template.
    if (area?.kind === 'rect') return { pageId: instance.pageId, bounds: { x: instance.x + area.x, y: instance.y + area.y, w: area.w, h: area.h } }
  }
  return { pageId: instance.pageId, bounds: { x: instance.x, y: instance.y, w, h } }
}

// -- "Nächster Schritt" -------------------------------------------------------------------------

export interface NextStepResult {
  /** The step that ended, if one was running. */
  ended: RunSheetStep | null
  /** The step that started; null when the run-sheet is through. */
  started: RunSheetStep | null
}

const has = (step: RunSheetStep | null, kind: RunSheetAction['kind']) => step?.actions.some((action) => action.kind === kind) ?? false

export class BoardRunSheet {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly voting: BoardVoting,
    private readonly privateRounds: PrivateRoundActions,
  ) {}

  /**
   * Ends the current step and starts the next planned one, under the board's lock and as one
   * transaction, so that everyone sees the switch at once. 409 when `expectedStepId` is not
   * the current step (a second click, another facilitator) or there is nothing left to do.
   */
  next(boardId: string, request: NextStepRequest): Promise<NextStepResult> {
    return this.rooms.exclusive(boardId, async (change) => {
      // First read and check everything; nothing is written until all of it passed.
      const plan = await change((room) => this.plan(room.doc, request))
      const roundReveal = plan.revealRoundId ? await this.voting.prepareReveal(boardId, plan.revealRoundId) : null
      // The ended step's private round, if it is still open (it may have been revealed by hand).
      const privateReveal = plan.revealPrivateRound ? await this.privateRounds.prepareReveal(boardId, plan.revealPrivateRound) : null
      // A new private round is opened in storage first, so that its spaces take notes as soon as the board says so.
      const privateRoundId = has(plan.next, 'private') ? await this.privateRounds.prepareOpen(boardId, Date.now()) : undefined
      const result = await change((room) => {
        const doc = room.doc
        let outcome: NextStepResult = { ended: null, started: null }
        doc.transact(() => {
          const now = Date.now()
          roundReveal?.write(doc, now)
          privateReveal?.write(doc, now)
          outcome = this.switchSteps(doc, plan.ended, plan.next, request, now, privateRoundId)
        })
        return outcome
      })
      await roundReveal?.forgetBallots()
      await privateReveal?.afterStored()
      return result
    })
  }

  /** Everything "Nächster Schritt" must check before it writes: throws a BoardError, writes nothing. */
  private plan(doc: Y.Doc, request: NextStepRequest) {
    const sheet = readRunSheet(doc)
    const ended = currentStep(sheet)
    if ((ended?.id ?? null) !== request.expectedStepId) throw conflict('The run-sheet has moved on meanwhile; look at the current step again.')
    const next = nextPlannedStep(sheet)
    if (!ended && !next) throw conflict('The run-sheet has no planned step.')
    const facilitation = readFacilitation(doc)
    const revealRoundId =
      ended?.started?.roundId && facilitation.activeRound?.id === ended.started.roundId ? ended.started.roundId : undefined
    const revealPrivateRound =
      ended?.started?.privateRoundId && facilitation.privateRound?.id === ended.started.privateRoundId ? facilitation.privateRound : null
    if (next) {
      for (const action of next.actions) {
        switch (action.kind) {
          case 'voting':
            assertScopeExists(doc, action.scope)
            if (facilitation.activeRound && facilitation.activeRound.id !== revealRoundId) {
              throw conflict('A voting round is open; reveal it before the next step opens its own.')
            }
            break
          case 'private':
            this.privateRounds.check(doc, action, revealPrivateRound?.id)
            break
          case 'presenting':
            if (!request.presenting) throw invalid('This step presents: send the slides of its page.')
            assertPresentable(doc, request.presenting)
            break
          default:
            break
        }
      }
    }
    return { ended, next, revealRoundId, revealPrivateRound }
  }

  /** Writes the switch; called inside one transaction after plan() passed, so nothing here throws. */
  private switchSteps(
    doc: Y.Doc,
    ended: RunSheetStep | null,
    next: RunSheetStep | null,
    request: NextStepRequest,
    now: number,
    privateRoundId: string | undefined,
  ): NextStepResult {
    if (has(ended, 'timer')) applyTimerCommand(doc, { action: 'stop' }, now)
    if (has(ended, 'follow')) stopFollow(doc)
    if (has(ended, 'presenting')) stopPresenting(doc)
    if (has(ended, 'freeze')) release(doc)

    let started: RunSheetStep | null = null
    if (next) {
      const opened: NonNullable<RunSheetStep['started']> = {}
      for (const action of next.actions) {
        switch (action.kind) {
          case 'timer':
            applyTimerCommand(doc, { action: 'start', durationMs: next.durationMinutes * MINUTE_MS }, now)
            break
          case 'voting':
            opened.roundId = openRound(doc, { title: action.title, dotsPerPerson: action.dotsPerPerson, scope: action.scope }, now).id
            break
          case 'private':
            if (privateRoundId === undefined) break
            opened.privateRoundId = this.privateRounds.open(
              doc,
              privateRoundId,
              // The step's own time; its timer starts only when the step has a timer action.
              { title: action.title, scope: action.scope, showAuthors: action.showAuthors, durationMs: next.durationMinutes * MINUTE_MS, startTimer: false, name: request.name },
              now,
            ).id
            break
          case 'freeze':
            freeze(doc, request.name, now)
            break
          case 'follow':
            startFollow(doc, { userId: request.userId, name: request.name }, now)
            break
          case 'presenting':
            if (request.presenting) startPresenting(doc, { ...request.presenting, name: request.name }, now)
            break
        }
      }
      // Follow-me and presenting move everyone's view themselves; a summon would end the following.
      const place = has(next, 'follow') || has(next, 'presenting') ? null : placeBounds(doc, next.place)
      if (place) {
        const summon: SummonState = { id: newId(), userId: RUN_SHEET_SUMMONER, name: request.name, at: now, pageId: place.pageId, bounds: place.bounds }
        getFacilitationMap(doc).set(FacilitationKey.SUMMON, summon)
      }
      started = { ...next, status: 'current', startedAt: now, started: opened }
      delete started.endedAt
    }
    const finished: RunSheetStep | null = ended ? { ...ended, status: 'done', endedAt: now } : null
    const sheet = readRunSheet(doc)
    writeRunSheet(doc, {
      steps: sheet.steps.map((step) => (step.id === finished?.id ? finished : step.id === started?.id ? started : step)),
    })
    return { ended: finished, started }
  }
}

// -- "Ablauf übernehmen" ------------------------------------------------------------------------

/**
 * The places of `scope` on the target board: the same template instance when the board has it
 * (a copy of a board), else the copy of the same template in the same position (the first
 * Ideensammlung to the first Ideensammlung: instance ids differ between boards, zone ids do not),
 * else null.
 */
function mapScope(scope: VoteScope, source: readonly TemplateInstance[], target: readonly TemplateInstance[]): VoteScope | null {
  if (scope.kind === 'all') return scope
  let instance = target.find((candidate) => candidate.instanceId === scope.instanceId)
  if (!instance) {
    const from = source.find((candidate) => candidate.instanceId === scope.instanceId)
    if (!from) return null
    const position = source.filter((candidate) => candidate.templateId === from.templateId).indexOf(from)
    instance = target.filter((candidate) => candidate.templateId === from.templateId)[position]
  }
  if (!instance) return null
  if (scope.kind === 'template') return { kind: 'template', instanceId: instance.instanceId }
  return instanceZones(instance).some((zone) => zone.id === scope.zoneId) ? { kind: 'zone', instanceId: instance.instanceId, zoneId: scope.zoneId } : null
}

/** The steps of another board's run-sheet, as plain steps to add to this one: ids, status and times are not taken over. */
export function stepsToImport(sourceDoc: Y.Doc): { steps: RunSheetStep[]; templates: readonly TemplateInstance[] } {
  return { steps: readRunSheet(sourceDoc).steps, templates: readTemplateInstances(sourceDoc) }
}

/**
 * Adds the steps to the end of this board's run-sheet, each with a new id and planned. A place
 * or action scope that this board has no template for becomes "the whole board", and the
 * answer names those steps. 422 past the step limit.
 */
export function importSteps(doc: Y.Doc, source: { steps: readonly RunSheetStep[]; templates: readonly TemplateInstance[] }): ImportRunSheetResult {
  const sheet = readRunSheet(doc)
  if (source.steps.length === 0) throw invalid('The other board has no run-sheet.')
  if (sheet.steps.length + source.steps.length > MAX_RUN_SHEET_STEPS) throw invalid(`A run-sheet has at most ${MAX_RUN_SHEET_STEPS} steps.`)
  const target = readTemplateInstances(doc)
  const dropped: string[] = []
  const copies = source.steps.map((step): RunSheetStep => {
    let lost = false
    const map = (scope: VoteScope): VoteScope => {
      const mapped = mapScope(scope, source.templates, target)
      if (mapped) return mapped
      lost = true
      return { kind: 'all' }
    }
    const actions = step.actions.map((action): RunSheetAction => (action.kind === 'voting' || action.kind === 'private' ? { ...action, scope: map(action.scope) } : action))
    const copy: RunSheetStep = { id: newId(), title: step.title, durationMinutes: step.durationMinutes, place: map(step.place), actions, status: 'planned' }
    if (lost) dropped.push(step.title)
    return copy
  })
  writeRunSheet(doc, { steps: [...sheet.steps, ...copies] })
  return { imported: copies.length, droppedPlaces: dropped }
}

/** Hides participants' cursors for everyone, or shows them again (see Room's presence relay). */
export function setCursorsHidden(doc: Y.Doc, hidden: boolean): void {
  const map = getFacilitationMap(doc)
  if (hidden) map.set(FacilitationKey.CURSORS_HIDDEN, true)
  else map.delete(FacilitationKey.CURSORS_HIDDEN)
}
