/**
 * Results that carry forward: a note the server copied from an earlier workshop's board into a
 * new one ("In neues Board übernehmen") carries `meta.carriedFrom` ({@link CarriedFrom}): where
 * it came from and, when it came from a voting round, its rank and votes there. Only the server
 * writes that mark, when it creates the new board; a client may keep it on a note it has (moving
 * or editing the note), never add it to a note or change it, so no note can claim a rank it did
 * not have.
 */

/** The meta field of a carried note. */
export const CARRIED_FROM_META = 'carriedFrom'

export interface CarriedFrom {
  /** The board the note came from, its id and title when it was carried. */
  boardId: string
  boardTitle: string
  /** The note's id on that board. */
  shapeId: string
  /** Its rank in the voting round it was carried from (ties share a rank), if it came from one. */
  rank?: number
  /** Its votes in that round, or in the board's last revealed round that counted it. */
  votes?: number
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

/** The carried-from mark of a record, or null when it has none (or a malformed one). */
export function carriedFromOf(record: unknown): CarriedFrom | null {
  if (!isObject(record) || !isObject(record.meta)) return null
  const value = record.meta[CARRIED_FROM_META]
  if (!isObject(value)) return null
  const { boardId, boardTitle, shapeId, rank, votes } = value
  if (typeof boardId !== 'string' || typeof boardTitle !== 'string' || typeof shapeId !== 'string') return null
  return {
    boardId,
    boardTitle,
    shapeId,
    ...(isCount(rank) && { rank }),
    ...(isCount(votes) && { votes }),
  }
}

/** Whether two marks are the same flat object (key order aside). */
function sameMark(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key])
}

/**
 * Why a client may not write `value` as a record of the board, given the record's `current`
 * value, or null when it may: the mark may stay as the server wrote it, not appear or change.
 */
export function carriedFromClaim(value: unknown, current: unknown): string | null {
  const claimed = isObject(value) && isObject(value.meta) ? value.meta[CARRIED_FROM_META] : undefined
  if (claimed === undefined) return null
  const kept = isObject(current) && isObject(current.meta) ? current.meta[CARRIED_FROM_META] : undefined
  if (kept === undefined || !sameMark(claimed, kept)) return 'only the server marks a note as carried from another board'
  return null
}
