/**
 * Calls to the snapshot, export, report and import routes (see @dorfplatz/protocol's
 * snapshots.ts). Files come back as Blobs, fetched with the token in the Authorization header
 * so that it never lands in a URL.
 */
import type { ApiLocale, ImportResult, SnapshotInfo } from '@dorfplatz/protocol'
import { ApiRequestError, isApiError } from './ApiRequestError.ts'
import { request } from './apiClient.ts'

function boardUrl(boardId: string, rest: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/${rest}`
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` })

export async function listSnapshots(boardId: string, token: string): Promise<SnapshotInfo[]> {
  const { snapshots } = await request<{ snapshots: SnapshotInfo[] }>(boardUrl(boardId, 'snapshots'), { headers: auth(token) })
  return snapshots
}

export async function saveSnapshot(boardId: string, token: string, name: string): Promise<SnapshotInfo> {
  const { snapshot } = await request<{ snapshot: SnapshotInfo }>(boardUrl(boardId, 'snapshots'), {
    method: 'POST',
    headers: { ...auth(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  return snapshot
}

/**
 * Restores a snapshot into the live board; resolves to the automatic snapshot of the board just
 * before, named in `locale`.
 */
export async function restoreSnapshot(boardId: string, token: string, snapshotId: string, locale: ApiLocale): Promise<SnapshotInfo> {
  const { before } = await request<{ before: SnapshotInfo }>(
    `${boardUrl(boardId, `snapshots/${encodeURIComponent(snapshotId)}/restore`)}?locale=${locale}`,
    { method: 'POST', headers: { ...auth(token), 'Content-Type': 'application/json' }, body: '{}' },
  )
  return before
}

/** Fetches a file of the API (a `.tldr`, the report, a thumbnail) as a Blob. */
export async function fetchFile(path: string, token: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(path, { headers: auth(token), credentials: 'omit', cache: 'no-store' })
  } catch (error) {
    throw new ApiRequestError(0, error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined)
    throw new ApiRequestError(response.status, isApiError(body) ? body.message : '')
  }
  return response.blob()
}

export const snapshotFilePath = (boardId: string, snapshotId: string) =>
  boardUrl(boardId, `snapshots/${encodeURIComponent(snapshotId)}/file`)
export const snapshotThumbnailPath = (boardId: string, snapshotId: string) =>
  boardUrl(boardId, `snapshots/${encodeURIComponent(snapshotId)}/thumbnail`)
export const boardFilePath = (boardId: string) => boardUrl(boardId, 'file')
/** The results report, its headings in `locale`. */
/** The results report; `omitResolved` leaves resolved comment threads out. */
export const reportPath = (boardId: string, format: 'md' | 'csv', locale: ApiLocale, options: { omitResolved?: boolean } = {}) =>
  `${boardUrl(boardId, `report.${format}`)}?locale=${locale}${options.omitResolved ? '&resolved=omit' : ''}`

/**
 * Adds the pages of a `.tldr` file to the board, marked as imported in `locale`; 422 with a
 * message for a file the board cannot take.
 */
export function importTldrFile(boardId: string, token: string, file: string, locale: ApiLocale): Promise<ImportResult> {
  return request<ImportResult>(`${boardUrl(boardId, 'import')}?locale=${locale}`, {
    method: 'POST',
    headers: { ...auth(token), 'Content-Type': 'application/json' },
    body: file,
  })
}
