/** Calls to the board's history routes (see @dorfplatz/protocol's history.ts). */
import type { HistoryAnswer, RestoreHistoryAnswer } from '@dorfplatz/protocol'
import { request } from './apiClient.ts'

const historyUrl = (boardId: string, rest = '') => `/api/boards/${encodeURIComponent(boardId)}/history${rest}`
const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })

export function fetchHistory(boardId: string, token: string): Promise<HistoryAnswer> {
  return request<HistoryAnswer>(historyUrl(boardId), { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
}

/** Brings back one deleted shape of an entry, or (without `shapeId`) every one that can come back. */
export async function restoreFromHistory(boardId: string, token: string, entryId: string, shapeId?: string): Promise<string[]> {
  const body = shapeId === undefined ? { entryId } : { entryId, shapeId }
  const { restored } = await request<RestoreHistoryAnswer>(historyUrl(boardId, '/restore'), { method: 'POST', headers: headers(token), body: JSON.stringify(body) })
  return restored
}

export async function shareHistory(boardId: string, token: string, shared: boolean): Promise<void> {
  await request(historyUrl(boardId, '/sharing'), { method: 'PUT', headers: headers(token), body: JSON.stringify({ shared }) })
}
