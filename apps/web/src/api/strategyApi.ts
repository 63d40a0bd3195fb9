/** Calls to the Digitalstrategie routes (see the server's routes/strategyRoutes.ts). */
import type { ApiLocale } from '@dorfplatz/protocol'
import { request } from './apiClient.ts'

const boardUrl = (boardId: string, rest: string) => `/api/boards/${encodeURIComponent(boardId)}/${rest}`

/** Every municipality the notes of the board's series are assigned to. */
export async function fetchMunicipalities(boardId: string, token: string): Promise<string[]> {
  const { municipalities } = await request<{ municipalities: string[] }>(boardUrl(boardId, 'municipalities'), {
    headers: { Authorization: `Bearer ${token}` },
  })
  return municipalities
}

/** The strategy of one municipality as a Word document or PDF, its headings in `locale`. */
export const strategyPath = (boardId: string, format: 'docx' | 'pdf', municipality: string, locale: ApiLocale) =>
  `${boardUrl(boardId, `strategy.${format}`)}?municipality=${encodeURIComponent(municipality)}&locale=${locale}`

/** A next step of an earlier board of the series that fell due (see the server's dueSteps). */
export interface DueStep {
  text: string
  owner: string
  due: string
  done: boolean
  municipality: string | null
  board: string
  zone: string
}

export async function fetchDueSteps(boardId: string, token: string): Promise<DueStep[]> {
  const { steps } = await request<{ steps: DueStep[] }>(boardUrl(boardId, 'due-steps'), { headers: { Authorization: `Bearer ${token}` } })
  return steps
}
