/**
 * "Stilles Brainstorming": a round in which each person's notes are seen by that person alone
 * until the facilitator reveals them. The notes are never in the board document: each person
 * writes them into a private space of their own (a small Y.Doc per board, round and browser key,
 * with the same `records` layout as a board, see the server's PrivateSpaces), which the server
 * relays only to sockets of that key. The board document holds only what everyone may see:
 * that a round is open, where, and how many notes from how many people exist so far.
 *
 * - `facilitation.privateRound`: the open round ({@link PrivateRoundState}), absent otherwise.
 * - A note in a private space carries `meta.privateRound = <round id>`; the board refuses any
 *   record that carries it (4403), so no client can put a private note where others see it.
 * - Revealing moves every private note into the board in one server change, with
 *   `meta.fromPrivateRound = <round id>`. A client may keep that mark on a note it has (moving
 *   a revealed note), never add it to one: a note cannot claim to come from a round.
 */
import type { VoteScope } from './facilitation.ts'

/** The meta field of a note written in a private space: the round's id. */
export const PRIVATE_ROUND_META = 'privateRound'
/** The meta field of a note the server revealed from a private round: the round's id. */
export const FROM_PRIVATE_ROUND_META = 'fromPrivateRound'

/** Most notes one person may keep in one private space. */
export const MAX_PRIVATE_NOTES = 200

/** The open private round, as everyone sees it in the facilitation state. */
export interface PrivateRoundState {
  id: string
  title: string
  /** Where notes are private: one zone, one template or the whole board (as for voting rounds). */
  scope: VoteScope
  /** Whether revealed notes carry their writer's name (chosen when the round opens). */
  showAuthors: boolean
  openedAt: number
  /** When the planned time is up (server clock), or null without a time. */
  endsAt: number | null
  /** The facilitator who opened it, as shown. */
  by: string
  /** How many private notes exist so far, and how many people wrote them. */
  notes: number
  people: number
}

/** The last reveal, so that every client can say so once. */
export interface PrivateRevealNotice {
  roundId: string
  title: string
  at: number
  notes: number
  people: number
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

export function parsePrivateRound(value: unknown, parseScope: (value: unknown) => VoteScope | null): PrivateRoundState | null {
  if (!isObject(value) || !isString(value.id) || !isString(value.title) || !isString(value.by)) return null
  if (!isFiniteNumber(value.openedAt) || typeof value.showAuthors !== 'boolean') return null
  const scope = parseScope(value.scope)
  if (!scope) return null
  return {
    id: value.id,
    title: value.title,
    scope,
    showAuthors: value.showAuthors,
    openedAt: value.openedAt,
    endsAt: isFiniteNumber(value.endsAt) ? value.endsAt : null,
    by: value.by,
    notes: isCount(value.notes) ? value.notes : 0,
    people: isCount(value.people) ? value.people : 0,
  }
}

export function parsePrivateRevealNotice(value: unknown): PrivateRevealNotice | null {
  if (!isObject(value) || !isString(value.roundId) || !isString(value.title) || !isFiniteNumber(value.at)) return null
  if (!isCount(value.notes) || !isCount(value.people)) return null
  return { roundId: value.roundId, title: value.title, at: value.at, notes: value.notes, people: value.people }
}

function metaField(record: unknown, field: string): unknown {
  if (!isObject(record) || !isObject(record.meta)) return undefined
  return record.meta[field]
}

/** The private round a note of a private space belongs to, or null. */
export function privateRoundOf(record: unknown): string | null {
  const value = metaField(record, PRIVATE_ROUND_META)
  return isString(value) ? value : null
}

/** The private round a revealed note came from, or null. */
export function revealedFromRound(record: unknown): string | null {
  const value = metaField(record, FROM_PRIVATE_ROUND_META)
  return isString(value) ? value : null
}

/**
 * Why a client may not write `value` as a record of the shared board, given the record's
 * `current` value there, or null when it may: a private note never enters the board, and only
 * the server marks a note as revealed from a round (a client may keep the mark, not add it).
 */
export function privateRoundClaim(value: unknown, current: unknown): string | null {
  if (metaField(value, PRIVATE_ROUND_META) !== undefined) return 'private notes stay in their private space'
  const claimed = metaField(value, FROM_PRIVATE_ROUND_META)
  if (claimed === undefined) return null
  if (claimed !== metaField(current, FROM_PRIVATE_ROUND_META)) return 'only the server reveals notes from a private round'
  return null
}
