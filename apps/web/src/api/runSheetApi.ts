/**
 * Calls to the run-sheet API ("Ablauf") and the cursor switch: facilitators plan and run the
 * day's steps. The server writes the run-sheet into the board document, so callers see the
 * effect through sync; the answers are for error handling and the import's summary.
 */
import type {
  ImportRunSheetResult,
  NextStepRequest,
  RunSheetStepInput,
} from '@dorfplatz/protocol'
import { request } from './apiClient.ts'

function boardUrl(boardId: string, rest: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/${rest}`
}

function send<T>(method: 'POST' | 'PUT', path: string, token: string, body: unknown): Promise<T> {
  return request<T>(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

export async function replaceRunSheet(boardId: string, token: string, steps: readonly RunSheetStepInput[]): Promise<void> {
  await send<unknown>('PUT', boardUrl(boardId, 'runsheet'), token, { steps })
}

export async function setStepStatus(boardId: string, token: string, stepId: string, status: 'skipped' | 'planned'): Promise<void> {
  await send<unknown>('PUT', boardUrl(boardId, `runsheet/steps/${encodeURIComponent(stepId)}/status`), token, { status })
}

/** "Nächster Schritt"; 409 when another click or facilitator moved the run-sheet on first. */
export async function goToNextStep(boardId: string, token: string, next: NextStepRequest): Promise<void> {
  await send<unknown>('POST', boardUrl(boardId, 'runsheet/next'), token, next)
}

/** "Ablauf übernehmen": the steps of another board whose facilitator link this browser knows. */
export function importRunSheet(boardId: string, token: string, from: { fromBoardId: string; fromToken: string }): Promise<ImportRunSheetResult> {
  return send<ImportRunSheetResult>('POST', boardUrl(boardId, 'runsheet/import'), token, from)
}

export async function setCursorsHidden(boardId: string, token: string, hidden: boolean): Promise<void> {
  await send<unknown>('PUT', boardUrl(boardId, 'cursors'), token, { hidden })
}
