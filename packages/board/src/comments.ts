/**
 * Comments on notes: the `comments` root of a board's Y.Doc (Y.Map), written by the people who
 * may edit, and the `commentAuthors` root, written by the sync server alone.
 *
 * `comments` holds two kinds of entries, each a whole JSON value:
 * - `thread_<id>` → {@link ThreadValue}: the note a thread belongs to and whether it is resolved
 *   ("erledigt"); "Erledigt" and "Wieder öffnen" rewrite it;
 * - `comment_<id>` → {@link CommentValue}: one comment of a thread, its text and the writer's
 *   time. A comment is written once and never changed, so two replies written at the same moment
 *   (or offline) both stay.
 *
 * Comments carry no name: the server stamps each new comment's author into `commentAuthors`
 * (comment key → {@link CommentAuthorValue}) from the socket that wrote it, as it does for notes
 * in `authors`, so that nobody can comment in someone else's name and a comment written offline
 * is never refused for a name changed since. The sync server checks every entry
 * ({@link checkCommentEntry}); readers validate too, since the document may be old or damaged.
 */
import type * as Y from 'yjs'
import type { AuthorStamp } from './authors.ts'

export const COMMENTS_KEY = 'comments'
export const COMMENT_AUTHORS_KEY = 'commentAuthors'

export const THREAD_PREFIX = 'thread_'
export const COMMENT_PREFIX = 'comment_'

export const MAX_COMMENT_LENGTH = 2000
/** Entries (threads and comments) on a whole board: a thread may name a note that is gone, so notes alone do not bound them. */
export const MAX_COMMENT_ENTRIES = 10_000
const MAX_ID_LENGTH = 64
const MAX_NOTE_ID_LENGTH = 200
const ID = /^[A-Za-z0-9_-]+$/

export interface ThreadValue {
  noteId: string
  resolved: boolean
}

export interface CommentValue {
  /** The thread's id, without its prefix. */
  thread: string
  text: string
  /** Milliseconds since the epoch, the writer's clock. */
  at: number
}

/** Who wrote a comment, as the server saw them, and when it reached the server. */
export interface CommentAuthorValue extends AuthorStamp {
  at: number
}

export interface CommentMessage {
  id: string
  text: string
  at: number
  /** Null until the server has stamped the comment (written offline, not yet sent). */
  author: AuthorStamp | null
}

export interface CommentThread {
  noteId: string
  resolved: boolean
  /** Oldest first; never empty. */
  messages: CommentMessage[]
}

export function getCommentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(COMMENTS_KEY)
}

export function getCommentAuthorsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(COMMENT_AUTHORS_KEY)
}

export const threadKey = (id: string): string => THREAD_PREFIX + id
export const commentKey = (id: string): string => COMMENT_PREFIX + id

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key))
}

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH && ID.test(id)

function threadProblem(value: unknown): string | null {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['noteId', 'resolved'])) return 'a thread is { noteId, resolved }'
  const { noteId, resolved } = value
  if (typeof noteId !== 'string' || !noteId.startsWith('shape:') || noteId.length > MAX_NOTE_ID_LENGTH) return 'a thread belongs to a shape'
  if (typeof resolved !== 'boolean') return 'a thread is resolved or not'
  return null
}

function commentProblem(value: unknown): string | null {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['thread', 'text', 'at'])) return 'a comment is { thread, text, at }'
  const { thread, text, at } = value
  if (!isId(thread)) return 'a comment names its thread by a short id'
  if (typeof text !== 'string' || text.trim().length === 0) return 'a comment has text'
  if (text.length > MAX_COMMENT_LENGTH) return `a comment has at most ${MAX_COMMENT_LENGTH} characters`
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return 'a comment has a time'
  return null
}

/** Why `value` may not be the entry `key` of the comments root, or null when it may (shape and limits only). */
export function commentEntryShapeProblem(key: string, value: unknown): string | null {
  if (key.startsWith(THREAD_PREFIX) && isId(key.slice(THREAD_PREFIX.length))) return threadProblem(value)
  if (key.startsWith(COMMENT_PREFIX) && isId(key.slice(COMMENT_PREFIX.length))) return commentProblem(value)
  return 'an entry is thread_<id> or comment_<id>, with a short plain id'
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export type CommentVerdict = { kind: 'malformed' | 'forbidden'; reason: string } | null

/**
 * Whether a socket may store `value` as the entry `key` of `doc`'s comments root: `malformed` for
 * what no board holds, `forbidden` for what no editor may write (a changed comment, a thread
 * moved to another note, more than {@link MAX_COMMENT_ENTRIES} entries).
 */
export function checkCommentEntry(doc: Y.Doc, key: string, value: unknown): CommentVerdict {
  const problem = commentEntryShapeProblem(key, value)
  if (problem !== null) return { kind: 'malformed', reason: problem }
  const map = getCommentsMap(doc)
  const current = map.get(key)
  if (current === undefined) {
    if (map.size >= MAX_COMMENT_ENTRIES) return { kind: 'forbidden', reason: `a board has at most ${MAX_COMMENT_ENTRIES} comments and threads` }
    return null
  }
  if (key.startsWith(COMMENT_PREFIX)) {
    return sameJson(current, value) ? null : { kind: 'forbidden', reason: 'a comment stays as it was written' }
  }
  if (threadProblem(current) === null && (current as ThreadValue).noteId !== (value as ThreadValue).noteId) {
    return { kind: 'forbidden', reason: 'a thread stays on its note' }
  }
  return null
}

export function readCommentAuthorValue(value: unknown): CommentAuthorValue | null {
  if (!isPlainObject(value)) return null
  const { name, color, role, at } = value
  if (typeof name !== 'string' || typeof color !== 'string' || typeof at !== 'number') return null
  if (role !== 'facilitator' && role !== 'participant') return null
  return { name, color, role, at }
}

/** Every well-formed thread that has comments, by thread id, oldest first (by its first comment). */
export function readCommentThreads(doc: Y.Doc): Array<[string, CommentThread]> {
  const authors = getCommentAuthorsMap(doc)
  const threads = new Map<string, CommentThread>()
  const comments: Array<[string, CommentValue]> = []
  for (const [key, value] of getCommentsMap(doc).entries()) {
    if (commentEntryShapeProblem(key, value) !== null) continue
    if (key.startsWith(THREAD_PREFIX)) {
      const { noteId, resolved } = value as ThreadValue
      threads.set(key.slice(THREAD_PREFIX.length), { noteId, resolved, messages: [] })
    } else comments.push([key, value as CommentValue])
  }
  for (const [key, { thread, text, at }] of comments) {
    const author = readCommentAuthorValue(authors.get(key))
    threads.get(thread)?.messages.push({
      id: key.slice(COMMENT_PREFIX.length),
      text,
      at,
      author: author && { name: author.name, color: author.color, role: author.role },
    })
  }
  const result: Array<[string, CommentThread]> = []
  for (const [id, thread] of threads) {
    if (thread.messages.length === 0) continue
    thread.messages.sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1))
    result.push([id, thread])
  }
  return result.sort(([a, x], [b, y]) => x.messages[0]!.at - y.messages[0]!.at || (a < b ? -1 : 1))
}
