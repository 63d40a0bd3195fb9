/**
 * Who wrote what: the `authors` root of a board's Y.Doc (Y.Map), one entry per shape record
 * id that a person created or changed, written by the sync server alone after each change it
 * accepted from a socket (clients may not write it; see the server's update guard). The name
 * and colour are the ones the socket's presence showed at the time, the role the one its link
 * grants; nothing a client writes into a record counts.
 *
 * Each entry is a whole JSON value, {@link RecordAuthors}. It holds no history: a change
 * overwrites `changedBy`/`changedAt`, and a deleted record loses its entry, so the root stays
 * as large as the board. Readers validate, since the document may be old or damaged.
 */
import type * as Y from 'yjs'

export const AUTHORS_KEY = 'authors'

/** Longest name kept in an entry (the web app caps names shorter). */
export const MAX_AUTHOR_NAME_LENGTH = 80

/**
 * A change by the same person within this time of the last one only moves nothing: the entry
 * is rewritten at most once a minute per person, so that dragging a note does not grow the
 * document with every step.
 */
export const AUTHOR_STAMP_INTERVAL_MS = 60_000

export type AuthorRole = 'facilitator' | 'participant'

/** One person as others saw them when they made the change. `name` is '' when they showed none. */
export interface AuthorStamp {
  name: string
  color: string
  role: AuthorRole
}

export interface RecordAuthors {
  /** Absent when the record was created before authors were kept, or by the server (restore, import). */
  createdBy?: AuthorStamp
  changedBy: AuthorStamp
  /** Server time in milliseconds since the epoch. */
  changedAt: number
}

/** A colour as the web app's presence writes it; anything else is not kept in an author stamp. */
const AUTHOR_COLOR = /^#[0-9a-f]{3,8}$/i

/** The stamp the server gives a person whose presence shows `name` and `color`, with the role of their link. */
export function authorStamp(name: string, color: string, role: AuthorRole): AuthorStamp {
  return { name: name.trim().slice(0, MAX_AUTHOR_NAME_LENGTH), color: AUTHOR_COLOR.test(color) ? color : '', role }
}

export function getAuthorsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(AUTHORS_KEY)
}

/** Whether the records of this value get an authors entry: shapes (notes, text, geo, drawings…). */
export function isAuthoredRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { typeName?: unknown }).typeName === 'shape'
}

/** An author stamp as stored (in the document, or beside a private space), or null when malformed. */
export function readAuthorStamp(value: unknown): AuthorStamp | null {
  if (typeof value !== 'object' || value === null) return null
  const { name, color, role } = value as Record<string, unknown>
  if (typeof name !== 'string' || typeof color !== 'string') return null
  if (role !== 'facilitator' && role !== 'participant') return null
  return { name: name.slice(0, MAX_AUTHOR_NAME_LENGTH), color, role }
}

/** The entry of `value` as read from the document, or null when it is missing or malformed. */
export function readRecordAuthorsValue(value: unknown): RecordAuthors | null {
  if (typeof value !== 'object' || value === null) return null
  const { createdBy, changedBy, changedAt } = value as Record<string, unknown>
  const changed = readAuthorStamp(changedBy)
  if (changed === null || typeof changedAt !== 'number' || !Number.isFinite(changedAt)) return null
  const created = readAuthorStamp(createdBy)
  return created === null ? { changedBy: changed, changedAt } : { createdBy: created, changedBy: changed, changedAt }
}

export function readRecordAuthors(doc: Y.Doc, recordId: string): RecordAuthors | null {
  return readRecordAuthorsValue(getAuthorsMap(doc).get(recordId))
}

export function isSameAuthor(a: AuthorStamp | undefined, b: AuthorStamp): boolean {
  return a !== undefined && a.name === b.name && a.color === b.color && a.role === b.role
}

/**
 * The entry after `author` created (`created`) or changed a record at `now`, or null when the
 * current entry already says enough (same person, within {@link AUTHOR_STAMP_INTERVAL_MS}).
 */
export function nextRecordAuthors(
  current: RecordAuthors | null,
  author: AuthorStamp,
  created: boolean,
  now: number,
): RecordAuthors | null {
  if (created) return { createdBy: author, changedBy: author, changedAt: now }
  if (current && isSameAuthor(current.changedBy, author) && now - current.changedAt < AUTHOR_STAMP_INTERVAL_MS) return null
  return current?.createdBy ? { createdBy: current.createdBy, changedBy: author, changedAt: now } : { changedBy: author, changedAt: now }
}
