/**
 * The run-sheet as the editor holds it while the facilitator changes it: every field as typed,
 * turned into the request the server checks (`PUT …/runsheet`) only when saved. Also the file
 * format of "Ablauf herunterladen" and reading such a file back.
 */
import type { RunSheetAction, RunSheetStep, TemplateInstance, VoteScope } from '@dorfplatz/board'
import { parsePlace, parseRunSheetAction } from '@dorfplatz/board'
import { MAX_DOTS_PER_PERSON, MAX_RUN_SHEET_STEPS, MAX_STEP_MINUTES, type RunSheetActionInput, type RunSheetStepInput } from '@dorfplatz/protocol'
import { ALL_NOTES, parseScopeValue, scopeValue } from '../kernel/scopeOptions.ts'

export type SimpleActionKind = 'timer' | 'freeze' | 'follow' | 'presenting'

export interface DraftStep {
  /** React's key; stays while the step is edited and moved. */
  key: string
  /** The saved step's id; absent for a step not saved yet. */
  id?: string
  title: string
  minutes: string
  place: string
  simple: Record<SimpleActionKind, boolean>
  voting: { on: boolean; title: string; dots: string; scope: string }
  private: { on: boolean; title: string; scope: string; showAuthors: boolean }
}

let keys = 0
const newKey = () => `step-${++keys}`

export function emptyDraft(title: string): DraftStep {
  return {
    key: newKey(),
    title,
    minutes: '10',
    place: ALL_NOTES,
    simple: { timer: true, freeze: false, follow: false, presenting: false },
    voting: { on: false, title: '', dots: '3', scope: ALL_NOTES },
    private: { on: false, title: '', scope: ALL_NOTES, showAuthors: false },
  }
}

export function draftFromStep(step: Omit<RunSheetStep, 'status' | 'id'> & { id?: string }): DraftStep {
  const draft = emptyDraft(step.title)
  if (step.id !== undefined) draft.id = step.id
  draft.minutes = String(step.durationMinutes)
  draft.place = scopeValue(step.place)
  draft.simple.timer = false
  for (const action of step.actions) {
    if (action.kind === 'voting') draft.voting = { on: true, title: action.title, dots: String(action.dotsPerPerson), scope: scopeValue(action.scope) }
    else if (action.kind === 'private') draft.private = { on: true, title: action.title, scope: scopeValue(action.scope), showAuthors: action.showAuthors }
    else draft.simple[action.kind] = true
  }
  return draft
}

export type DraftProblem = { kind: 'title' | 'duration' | 'dots' | 'votingTitle' | 'privateTitle'; key: string } | { kind: 'tooMany' }

/** The steps as the server takes them, or the first problem a person should fix. */
export function draftToRequest(drafts: readonly DraftStep[]): { steps: RunSheetStepInput[] } | { problem: DraftProblem } {
  if (drafts.length > MAX_RUN_SHEET_STEPS) return { problem: { kind: 'tooMany' } }
  const steps: RunSheetStepInput[] = []
  for (const draft of drafts) {
    const title = draft.title.trim()
    if (!title) return { problem: { kind: 'title', key: draft.key } }
    const minutes = Number(draft.minutes)
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_STEP_MINUTES) return { problem: { kind: 'duration', key: draft.key } }
    const actions: RunSheetActionInput[] = []
    for (const kind of ['timer', 'freeze', 'follow', 'presenting'] as const) if (draft.simple[kind]) actions.push({ kind })
    if (draft.voting.on) {
      const dots = Number(draft.voting.dots)
      if (!draft.voting.title.trim()) return { problem: { kind: 'votingTitle', key: draft.key } }
      if (!Number.isInteger(dots) || dots < 1 || dots > MAX_DOTS_PER_PERSON) return { problem: { kind: 'dots', key: draft.key } }
      actions.push({ kind: 'voting', title: draft.voting.title.trim(), dotsPerPerson: dots, scope: parseScopeValue(draft.voting.scope) ?? { kind: 'all' } })
    }
    if (draft.private.on) {
      if (!draft.private.title.trim()) return { problem: { kind: 'privateTitle', key: draft.key } }
      actions.push({ kind: 'private', title: draft.private.title.trim(), scope: parseScopeValue(draft.private.scope) ?? { kind: 'all' }, showAuthors: draft.private.showAuthors })
    }
    steps.push({ ...(draft.id ? { id: draft.id } : {}), title, durationMinutes: minutes, place: parseScopeValue(draft.place) ?? { kind: 'all' }, actions })
  }
  return { steps }
}

/** What "Ablauf herunterladen" writes: the steps without status, ids or times. */
export const RUN_SHEET_FILE_FORMAT = 'dorfplatz-ablauf'

export function runSheetFile(steps: readonly RunSheetStepInput[]): string {
  return JSON.stringify({ format: RUN_SHEET_FILE_FORMAT, version: 1, steps: steps.map(({ id: _id, ...step }) => step) }, null, 2)
}

/**
 * The steps of a downloaded run-sheet, as new drafts; null when the text is not one. Places on
 * templates this board does not have become the whole board (they name another board's templates).
 */
export function readRunSheetFile(text: string, instances: readonly TemplateInstance[]): DraftStep[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const file = parsed as { format?: unknown; steps?: unknown }
  if (file.format !== RUN_SHEET_FILE_FORMAT || !Array.isArray(file.steps)) return null
  const known = (scope: VoteScope): VoteScope =>
    scope.kind === 'all' || instances.some((instance) => instance.instanceId === scope.instanceId) ? scope : { kind: 'all' }
  const drafts: DraftStep[] = []
  for (const entry of file.steps.slice(0, MAX_RUN_SHEET_STEPS)) {
    if (typeof entry !== 'object' || entry === null) return null
    const raw = entry as Record<string, unknown>
    const place = parsePlace(raw.place)
    if (typeof raw.title !== 'string' || typeof raw.durationMinutes !== 'number' || !place || !Array.isArray(raw.actions)) return null
    const actions: RunSheetAction[] = []
    for (const value of raw.actions as unknown[]) {
      const action = parseRunSheetAction(value)
      if (!action) continue
      actions.push(action.kind === 'voting' || action.kind === 'private' ? { ...action, scope: known(action.scope) } : action)
    }
    drafts.push(draftFromStep({ title: raw.title, durationMinutes: raw.durationMinutes, place: known(place), actions }))
  }
  return drafts
}
