/**
 * The board's comment threads (the `comments` root, see @dorfplatz/board's comments.ts) for
 * React, and the writes an editor makes: a new thread, a reply, "erledigt" and reopening. A
 * comment is its own entry and carries no name: the server stamps who wrote it when it arrives,
 * so a comment written offline keeps working after a rename and two replies never overwrite
 * each other.
 */
import {
  commentKey,
  getCommentAuthorsMap,
  getCommentsMap,
  MAX_COMMENT_LENGTH,
  readCommentThreads,
  threadKey,
  type CommentThread,
  type CommentValue,
  type ThreadValue,
} from '@dorfplatz/board'
import { atom } from 'tldraw'
import type * as Y from 'yjs'
import { useDocMaps } from '../kernel/useDocMaps.ts'
import { randomId } from '../user/randomId.ts'

export type ThreadEntry = [id: string, thread: CommentThread]

/** Whether the "Kommentare" panel is open: the top bar's button and the badges on the notes open it. */
export const commentsPanelOpen = atom('dorfplatz.commentsPanelOpen', false)

/** The parts of the document comments live in: the threads and comments, and who wrote each. */
const commentMaps = (doc: Y.Doc): Y.Map<unknown>[] => [getCommentsMap(doc), getCommentAuthorsMap(doc)]

/** Every well-formed thread of the board, oldest first, read again when comments or their authors change. */
export function useCommentThreads(doc: Y.Doc): ThreadEntry[] {
  return useDocMaps(doc, commentMaps, readCommentThreads)
}

function writeComment(doc: Y.Doc, thread: string, text: string): void {
  const value: CommentValue = { thread, text: text.trim().slice(0, MAX_COMMENT_LENGTH), at: Date.now() }
  getCommentsMap(doc).set(commentKey(randomId(12)), value)
}

export function startThread(doc: Y.Doc, noteId: string, text: string): string {
  const id = randomId(12)
  doc.transact(() => {
    getCommentsMap(doc).set(threadKey(id), { noteId, resolved: false } satisfies ThreadValue)
    writeComment(doc, id, text)
  })
  return id
}

export function replyToThread(doc: Y.Doc, threadId: string, text: string): void {
  if (!getCommentsMap(doc).has(threadKey(threadId))) return
  writeComment(doc, threadId, text)
}

export function setThreadResolved(doc: Y.Doc, threadId: string, noteId: string, resolved: boolean): void {
  const current = getCommentsMap(doc).get(threadKey(threadId)) as Partial<ThreadValue> | undefined
  if (current?.resolved === resolved) return
  getCommentsMap(doc).set(threadKey(threadId), { noteId, resolved } satisfies ThreadValue)
}

/** Comments in the open threads of each note, by note id (notes without any are left out). */
export function openCommentCounts(threads: readonly ThreadEntry[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [, thread] of threads) {
    if (!thread.resolved) counts.set(thread.noteId, (counts.get(thread.noteId) ?? 0) + thread.messages.length)
  }
  return counts
}
