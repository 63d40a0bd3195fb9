/**
 * Calls to the series API: the series a board belongs to (titles of its boards, never their
 * links), and starting the next workshop's board with results of this one carried over.
 */
import type { BoardSeries, CarryForwardRequest, CarryForwardResult, SeriesAnswer } from '@dorfplatz/protocol'
import { request } from './apiClient.ts'

function seriesUrl(boardId: string, rest: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/${rest}`
}

/** The board's series, or null when it belongs to none. */
export async function fetchBoardSeries(boardId: string, token: string): Promise<BoardSeries | null> {
  const answer = await request<SeriesAnswer>(seriesUrl(boardId, 'series'), { headers: { Authorization: `Bearer ${token}` } })
  return answer.series
}

/**
 * Creates the new board. `token` is the facilitator token of this board, or the admin token when
 * the server asks for one to create boards.
 */
export function carryForward(boardId: string, token: string, body: CarryForwardRequest): Promise<CarryForwardResult> {
  return request<CarryForwardResult>(seriesUrl(boardId, 'carry-forward'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
}
