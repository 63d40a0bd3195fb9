/**
 * The run-sheet API ("Ablauf"): the facilitator plans the workshop day as steps, and
 * "Nächster Schritt" ends one step and starts the next with everything it brings. The state
 * lives in the board document (`facilitation.runSheet`, see @dorfplatz/board's runSheet.ts);
 * only these routes write it, and only with a facilitator's token.
 */
import type { StartRoundRequest } from './facilitation.ts'

/** Most steps one run-sheet may have: a long workshop day has fifteen. */
export const MAX_RUN_SHEET_STEPS = 50
export const MAX_STEP_TITLE_LENGTH = 120
/** Longest planned duration of one step, in minutes (as long as a timer may run). */
export const MAX_STEP_MINUTES = 180
/** Step ids: short, URL-safe, chosen by the client that adds the step or by the server. */
export const STEP_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

export type RunSheetPlace = StartRoundRequest['scope']

/** What starts with a step. Each kind at most once per step. */
export type RunSheetActionInput =
  | { kind: 'timer' }
  | { kind: 'voting'; title: string; dotsPerPerson: number; scope: RunSheetPlace }
  | { kind: 'freeze' }
  | { kind: 'follow' }
  | { kind: 'presenting' }
  | { kind: 'private'; title: string; scope: RunSheetPlace; showAuthors: boolean }

export interface RunSheetStepInput {
  /** Keeps the step's status when it exists already; a new step without one gets one from the server. */
  id?: string
  title: string
  durationMinutes: number
  /** Where the step happens; "Nächster Schritt" brings everyone there. */
  place: RunSheetPlace
  actions: RunSheetActionInput[]
}

/** `PUT /api/boards/:id/runsheet`: the whole list of steps, in order. */
export interface ReplaceRunSheetRequest {
  steps: RunSheetStepInput[]
}

/** `POST /api/boards/:id/runsheet/reorder`: every step id once, in the new order. */
export interface ReorderRunSheetRequest {
  order: string[]
}

/** `PUT /api/boards/:id/runsheet/steps/:stepId/status`: skip a planned step, or plan a skipped one again. */
export interface StepStatusRequest {
  status: 'skipped' | 'planned'
}

/**
 * `POST /api/boards/:id/runsheet/next` ("Nächster Schritt"): ends the current step and starts
 * the next planned one. `expectedStepId` is the step the facilitator's screen shows as current
 * (null before the first): when another click got there first, the answer is 409 and nothing
 * changes, so a double click never skips a step.
 */
export interface NextStepRequest {
  expectedStepId: string | null
  /** The facilitator, for follow-me and the notices ("Anna hat alle zu sich geholt"). */
  userId: string
  name: string
  /** The slides, when the next step presents: the frames of its page in reading order, as the client reads them. */
  presenting?: { pageId: string; slides: string[] }
}

/** `POST /api/boards/:id/runsheet/import` ("Ablauf übernehmen"): the source board and a facilitator token of it. */
export interface ImportRunSheetRequest {
  fromBoardId: string
  fromToken: string
}

/** The answer to an import: how many steps came over, and the places the target board lacks. */
export interface ImportRunSheetResult {
  imported: number
  /** Titles of steps whose place or action scope named a template this board does not have (now "whole board"). */
  droppedPlaces: string[]
}

/** `PUT /api/boards/:id/cursors`: hide participants' cursors for everyone, or show them again. */
export interface CursorsRequest {
  hidden: boolean
}
