/**
 * What went wrong with a ballot request, told apart by what the voter can do about it. The
 * server answers 409 both when the budget is spent (or no dot of the voter is on the note) and
 * when the round is over; the caller tells these apart by asking for the ballot again.
 */
import { ApiRequestError } from '../api/ApiRequestError.ts'

export type BallotProblem =
  | 'conflict'
  | 'budget-spent'
  | 'no-dot-there'
  | 'round-over'
  | 'not-in-round'
  | 'not-allowed'
  | 'link-invalid'
  | 'network'
  | 'unexpected'

export function ballotProblem(error: unknown): BallotProblem {
  if (!(error instanceof ApiRequestError)) return 'unexpected'
  switch (error.status) {
    case 0:
      return 'network'
    case 401:
      return 'link-invalid'
    case 403:
      return 'not-allowed'
    // The round is gone from the board (404) or no longer open (409 on reading the ballot).
    case 404:
      return 'round-over'
    case 409:
      return 'conflict'
    case 422:
      return 'not-in-round'
    default:
      return 'unexpected'
  }
}

/** What each problem is called, for the panel and the list view; the count is the round's dot budget. */
export const BALLOT_PROBLEM_KEYS = {
  conflict: 'voting.problem.roundOver',
  'budget-spent': 'voting.problem.budgetSpent',
  'no-dot-there': 'voting.problem.noDotThere',
  'round-over': 'voting.problem.roundOver',
  'not-in-round': 'voting.problem.notInRound',
  'not-allowed': 'voting.problem.notAllowed',
  'link-invalid': 'voting.problem.linkInvalid',
  network: 'errors.network',
  unexpected: 'voting.problem.unexpected',
} as const satisfies Record<BallotProblem, string>
