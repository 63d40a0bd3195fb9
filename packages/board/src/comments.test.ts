import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkCommentEntry, getCommentsMap, MAX_COMMENT_ENTRIES, readCommentThreads } from './comments.ts'
import { writeTestComment } from './testing/testNote.ts'

const anna = { name: 'Anna', color: '#2f6db5', role: 'participant' } as const

describe('checkCommentEntry', () => {
  it('takes a new thread and a new comment, and the same comment written again', () => {
    const doc = new Y.Doc()
    expect(checkCommentEntry(doc, 'thread_t1', { noteId: 'shape:a', resolved: false })).toBeNull()
    expect(checkCommentEntry(doc, 'comment_m1', { thread: 't1', text: 'Frage', at: 1 })).toBeNull()
    writeTestComment(doc, { noteId: 'shape:a', thread: 't1', id: 'm1', text: 'Frage', at: 1 })
    expect(checkCommentEntry(doc, 'comment_m1', { thread: 't1', text: 'Frage', at: 1 })).toBeNull()
    expect(checkCommentEntry(doc, 'thread_t1', { noteId: 'shape:a', resolved: true })).toBeNull()
  })

  it('refuses a changed comment and a moved thread as forbidden, junk as malformed', () => {
    const doc = new Y.Doc()
    writeTestComment(doc, { noteId: 'shape:a', thread: 't1', id: 'm1', text: 'Frage', at: 1 })
    expect(checkCommentEntry(doc, 'comment_m1', { thread: 't1', text: 'Anders', at: 1 })?.kind).toBe('forbidden')
    expect(checkCommentEntry(doc, 'thread_t1', { noteId: 'shape:b', resolved: false })?.kind).toBe('forbidden')
    expect(checkCommentEntry(doc, 'comment_m2', { thread: 't1', text: 'x', at: 1, author: anna })?.kind).toBe('malformed')
    expect(checkCommentEntry(doc, 'other', { thread: 't1', text: 'x', at: 1 })?.kind).toBe('malformed')
  })

  it('refuses more entries than MAX_COMMENT_ENTRIES, but still a thread marked resolved', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      writeTestComment(doc, { noteId: 'shape:a', thread: 't1', id: 'm1', text: 'Frage', at: 1 })
      for (let n = 2; n < MAX_COMMENT_ENTRIES; n++) getCommentsMap(doc).set(`comment_n${n}`, { thread: 't1', text: 'x', at: n })
    })
    expect(checkCommentEntry(doc, 'comment_more', { thread: 't1', text: 'x', at: 1 })?.kind).toBe('forbidden')
    expect(checkCommentEntry(doc, 'thread_t1', { noteId: 'shape:a', resolved: true })).toBeNull()
  })
})

describe('readCommentThreads', () => {
  it('joins threads, their comments in order and their stamps; leaves out junk, comments without a thread and empty threads', () => {
    const doc = new Y.Doc()
    writeTestComment(doc, { noteId: 'shape:a', thread: 't1', id: 'b', text: 'Zweite', at: 2, author: anna })
    writeTestComment(doc, { thread: 't1', id: 'a', text: 'Erste', at: 1 })
    writeTestComment(doc, { thread: 'gone', id: 'c', text: 'Verwaist', at: 1 })
    getCommentsMap(doc).set('thread_empty', { noteId: 'shape:b', resolved: false })
    getCommentsMap(doc).set('comment_bad', { thread: 't1', text: 42, at: 3 })
    expect(readCommentThreads(doc)).toEqual([
      [
        't1',
        {
          noteId: 'shape:a',
          resolved: false,
          messages: [
            { id: 'a', text: 'Erste', at: 1, author: null },
            { id: 'b', text: 'Zweite', at: 2, author: anna },
          ],
        },
      ],
    ])
  })
})
