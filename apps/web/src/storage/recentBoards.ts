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
    typeof entry.lastOpenedAt === 'number'
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
  const others = loadRecentBoards().filter((other) => !sameEntry(other, entry))
  const next = [{ ...entry, lastOpenedAt: Date.now() }, ...others].slice(0, MAX_RECENT_BOARDS)
  writeLocal(STORAGE_KEY, next)
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
