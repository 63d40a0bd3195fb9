/**
 * The run-sheet ("Ablauf") as the board document keeps it: `facilitation.runSheet`, one JSON
 * value the server alone writes (the facilitation root is server-owned), so a late joiner or a
 * reload reads the same agenda, current step and times as everyone else.
 *
 * A step names where it happens (every note, a template, or one zone of one, as voting rounds
 * do) and what starts with it. Its status moves planned → current → done, or planned →
 * skipped; `startedAt` and `endedAt` are the server's clock. `started` records what the step
 * opened, so that ending it ends exactly that (its voting round, its private round).
 */
import type { VoteScope } from './facilitation.ts'

export type RunSheetAction =
  | { kind: 'timer' }
  | { kind: 'voting'; title: string; dotsPerPerson: number; scope: VoteScope }
  | { kind: 'freeze' }
  | { kind: 'follow' }
  | { kind: 'presenting' }
  | { kind: 'private'; title: string; scope: VoteScope; showAuthors: boolean }

export type RunSheetActionKind = RunSheetAction['kind']

export const RUN_SHEET_ACTION_KINDS: readonly RunSheetActionKind[] = ['timer', 'voting', 'private', 'freeze', 'follow', 'presenting']

export type StepStatus = 'planned' | 'current' | 'done' | 'skipped'

export interface RunSheetStep {
  id: string
  title: string
  durationMinutes: number
  place: VoteScope
  actions: RunSheetAction[]
  status: StepStatus
  startedAt?: number
  endedAt?: number
  /** What the step opened when it started: the ids of its voting round and private round. */
  started?: { roundId?: string; privateRoundId?: string }
}

export interface RunSheet {
  steps: RunSheetStep[]
}

export const EMPTY_RUN_SHEET: RunSheet = { steps: [] }

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const STATUSES: readonly string[] = ['planned', 'current', 'done', 'skipped']

export function parsePlace(value: unknown): VoteScope | null {
  if (!isObject(value)) return null
  if (value.kind === 'all') return { kind: 'all' }
  if (value.kind === 'zone' && isString(value.instanceId) && isString(value.zoneId)) {
    return { kind: 'zone', instanceId: value.instanceId, zoneId: value.zoneId }
  }
  if (value.kind === 'template' && isString(value.instanceId)) return { kind: 'template', instanceId: value.instanceId }
  return null
}

export function parseRunSheetAction(value: unknown): RunSheetAction | null {
  if (!isObject(value)) return null
  switch (value.kind) {
    case 'timer':
    case 'freeze':
    case 'follow':
    case 'presenting':
      return { kind: value.kind }
    case 'voting': {
      const scope = parsePlace(value.scope)
      if (!isString(value.title) || !isFiniteNumber(value.dotsPerPerson) || !scope) return null
      return { kind: 'voting', title: value.title, dotsPerPerson: value.dotsPerPerson, scope }
    }
    case 'private': {
      const scope = parsePlace(value.scope)
      if (!isString(value.title) || !scope) return null
      return { kind: 'private', title: value.title, scope, showAuthors: value.showAuthors === true }
    }
    default:
      return null
  }
}

function parseStep(value: unknown): RunSheetStep | null {
  if (!isObject(value) || !isString(value.id) || !isString(value.title) || !isFiniteNumber(value.durationMinutes)) return null
  const place = parsePlace(value.place)
  if (!place || !STATUSES.includes(value.status as string)) return null
  const actions = Array.isArray(value.actions)
    ? value.actions.map(parseRunSheetAction).filter((action): action is RunSheetAction => action !== null)
    : []
  const step: RunSheetStep = {
    id: value.id,
    title: value.title,
    durationMinutes: value.durationMinutes,
    place,
    actions,
    status: value.status as StepStatus,
  }
  if (isFiniteNumber(value.startedAt)) step.startedAt = value.startedAt
  if (isFiniteNumber(value.endedAt)) step.endedAt = value.endedAt
  if (isObject(value.started)) {
    const started: NonNullable<RunSheetStep['started']> = {}
    if (isString(value.started.roundId)) started.roundId = value.started.roundId
    if (isString(value.started.privateRoundId)) started.privateRoundId = value.started.privateRoundId
    step.started = started
  }
  return step
}

/** The run-sheet in `value` (the document's `facilitation.runSheet`); unreadable steps are left out. */
export function parseRunSheet(value: unknown): RunSheet {
  if (!isObject(value) || !Array.isArray(value.steps)) return EMPTY_RUN_SHEET
  const steps: RunSheetStep[] = []
  const seen = new Set<string>()
  for (const entry of value.steps) {
    const step = parseStep(entry)
    if (!step || seen.has(step.id)) continue
    seen.add(step.id)
    steps.push(step)
  }
  return { steps }
}

/** The step running now, if any. */
export function currentStep(sheet: RunSheet): RunSheetStep | null {
  return sheet.steps.find((step) => step.status === 'current') ?? null
}

/** The planned step that "Nächster Schritt" starts: the first planned one after the current step (or from the top). */
export function nextPlannedStep(sheet: RunSheet): RunSheetStep | null {
  const currentIndex = sheet.steps.findIndex((step) => step.status === 'current')
  return sheet.steps.slice(currentIndex + 1).find((step) => step.status === 'planned') ?? null
}
