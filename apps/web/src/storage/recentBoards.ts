/**
 * The boards this browser has opened, newest first, so a participant finds
 * the workshop again between sessions without digging for the link. One entry
 * per board and role: a facilitator who tries the participant link must not
 * lose the facilitation link.
 */
import { boardPath, isBoardId, isRole, isToken, type Role } from '@dorfplatz/protocol'
import { readLocal, writeLocal } from './localStore.ts'

export interface RecentBoard {
  id: string
  title: string
  role: Role
  token: string
  /** Milliseconds since the epoch. */
  lastOpenedAt: number
  /** The series the board belonged to when this browser last looked, for the start page's groups. */
  series?: RecentSeries
}

export interface RecentSeries {
  id: string
  name: string
  position: number
}

function isRecentSeries(value: unknown): value is RecentSeries {
  if (typeof value !== 'object' || value === null) return false
  const series = value as Record<string, unknown>
  return typeof series.id === 'string' && typeof series.name === 'string' && typeof series.position === 'number'
}

const STORAGE_KEY = 'recentBoards'
const MAX_RECENT_BOARDS = 20

function isRecentBoard(value: unknown): value is RecentBoard {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    isBoardId(entry.id) &&
    typeof entry.title === 'string' &&
    isRole(entry.role) &&
    isToken(entry.token) &&
    typeof entry.lastOpenedAt === 'number' &&
    (entry.series === undefined || isRecentSeries(entry.series))
  )
}

export function loadRecentBoards(): RecentBoard[] {
  const stored = readLocal(STORAGE_KEY)
  if (!Array.isArray(stored)) return []
  return stored.filter(isRecentBoard).sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)
}

function sameEntry(a: Pick<RecentBoard, 'id' | 'role'>, b: Pick<RecentBoard, 'id' | 'role'>): boolean {
  return a.id === b.id && a.role === b.role
}

export function rememberBoard(entry: Omit<RecentBoard, 'lastOpenedAt'>): void {
  const all = loadRecentBoards()
  // The series stays as last seen until the board says otherwise (see rememberSeries).
  const series = entry.series ?? all.find((other) => other.id === entry.id && other.series)?.series
  const others = all.filter((other) => !sameEntry(other, entry))
  const next = [{ ...entry, ...(series && { series }), lastOpenedAt: Date.now() }, ...others].slice(0, MAX_RECENT_BOARDS)
  writeLocal(STORAGE_KEY, next)
}

/** Records the series of board `boardId` (or that it has none) on every entry of it, without moving it up the list. */
export function rememberSeries(boardId: string, series: RecentSeries | null): void {
  const all = loadRecentBoards()
  if (!all.some((entry) => entry.id === boardId)) return
  writeLocal(
    STORAGE_KEY,
    all.map((entry) => {
      if (entry.id !== boardId) return entry
      const { series: _old, ...rest } = entry
      return series ? { ...rest, series } : rest
    }),
  )
}

/** The link this browser keeps for board `boardId`, the most capable role first, or null. */
export function knownBoardLink(boardId: string): RecentBoard | null {
  const order: Role[] = ['facilitator', 'participant', 'viewer']
  const entries = loadRecentBoards().filter((entry) => entry.id === boardId)
  entries.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
  return entries[0] ?? null
}

export function forgetBoard(entry: Pick<RecentBoard, 'id' | 'role'>): void {
  writeLocal(
    STORAGE_KEY,
    loadRecentBoards().filter((other) => !sameEntry(other, entry)),
  )
}

/** The entry this browser keeps for exactly this link, if any. */
export function findRecentBoard(boardId: string, token: string): RecentBoard | null {
  return loadRecentBoards().find((entry) => entry.id === boardId && entry.token === token) ?? null
}

/** Forgets every entry that used this token, after the server said it is no longer valid. */
export function forgetToken(boardId: string, token: string): void {
  writeLocal(
    STORAGE_KEY,
    loadRecentBoards().filter((other) => !(other.id === boardId && other.token === token)),
  )
}

export function recentBoardHref(entry: RecentBoard): string {
  return boardPath(entry.id, entry.token)
}
