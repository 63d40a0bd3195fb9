/**
 * The share links of boards this browser created or replaced, per role, so
 * the facilitator's share dialog can show them again: the server keeps links
 * only hashed and cannot hand out an existing one. Kept apart from the recent
 * boards, which list only what this browser itself opened.
 */
import { isBoardId, isRole, ROLES, type Role } from '@dorfplatz/protocol'
import { readLocal, writeLocal } from './localStore.ts'

export type BoardLinks = Partial<Record<Role, string>>

interface StoredBoardLinks {
  id: string
  links: BoardLinks
  /** Milliseconds since the epoch. */
  savedAt: number
}

const STORAGE_KEY = 'boardLinks'
/** Enough for every board a facilitator runs over the years of a seminar series. */
const MAX_STORED_BOARDS = 50

function isLink(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function linksOf(value: unknown): BoardLinks | null {
  if (typeof value !== 'object' || value === null) return null
  const links: BoardLinks = {}
  for (const [role, link] of Object.entries(value)) {
    if (isRole(role) && isLink(link)) links[role] = link
  }
  return links
}

function loadAll(): StoredBoardLinks[] {
  const stored = readLocal(STORAGE_KEY)
  if (!Array.isArray(stored)) return []
  return stored.flatMap((value: unknown) => {
    if (typeof value !== 'object' || value === null) return []
    const entry = value as Record<string, unknown>
    const links = linksOf(entry.links)
    if (!isBoardId(entry.id) || !links || typeof entry.savedAt !== 'number') return []
    return [{ id: entry.id, links, savedAt: entry.savedAt }]
  })
}

/** The links of this board that this browser knows. */
export function loadBoardLinks(boardId: string): BoardLinks {
  return loadAll().find((entry) => entry.id === boardId)?.links ?? {}
}

/** Adds links to what this browser knows of a board; a role's newer link replaces its older one. */
export function rememberBoardLinks(boardId: string, links: BoardLinks): void {
  const all = loadAll()
  const known = all.find((entry) => entry.id === boardId)?.links ?? {}
  const merged: BoardLinks = { ...known }
  for (const role of ROLES) {
    const link = links[role]
    if (link !== undefined && isLink(link)) merged[role] = link
  }
  const others = all.filter((entry) => entry.id !== boardId).sort((a, b) => b.savedAt - a.savedAt)
  writeLocal(STORAGE_KEY, [{ id: boardId, links: merged, savedAt: Date.now() }, ...others].slice(0, MAX_STORED_BOARDS))
}
