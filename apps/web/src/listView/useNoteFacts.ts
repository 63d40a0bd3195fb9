/**
 * What the list view says about each note besides its text: who wrote it (the authors root,
 * written by the server only) and how many comments it has (all of its threads, resolved ones
 * included, as these are comments a reader may want to read). Each renewed when its root changes.
 */
import { getAuthorsMap, getCommentAuthorsMap, getCommentsMap, readCommentThreads, readRecordAuthorsValue, type RecordAuthors } from '@dorfplatz/board'
import { useDocMaps } from '../kernel/useDocMaps.ts'
import type * as Y from 'yjs'

function readAuthors(doc: Y.Doc): ReadonlyMap<string, RecordAuthors> {
  const authors = new Map<string, RecordAuthors>()
  for (const [id, value] of getAuthorsMap(doc).entries()) {
    const entry = readRecordAuthorsValue(value)
    if (entry) authors.set(id, entry)
  }
  return authors
}

function readCommentCounts(doc: Y.Doc): ReadonlyMap<string, number> {
  const counts = new Map<string, number>()
  for (const [, thread] of readCommentThreads(doc)) counts.set(thread.noteId, (counts.get(thread.noteId) ?? 0) + thread.messages.length)
  return counts
}

const authorsMaps = (doc: Y.Doc): Y.Map<unknown>[] => [getAuthorsMap(doc)]
/** Comments and who wrote them (a comment counts once the server has stamped it or not). */
const commentMaps = (doc: Y.Doc): Y.Map<unknown>[] => [getCommentsMap(doc), getCommentAuthorsMap(doc)]

/** Who created (else last changed) each shape, by shape id. */
export function useNoteAuthors(doc: Y.Doc): ReadonlyMap<string, RecordAuthors> {
  return useDocMaps(doc, authorsMaps, readAuthors)
}

/** How many comments each note has, by note id; notes without comments are absent. */
export function useCommentCounts(doc: Y.Doc): ReadonlyMap<string, number> {
  return useDocMaps(doc, commentMaps, readCommentCounts)
}
