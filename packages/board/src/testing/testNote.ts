/**
 * A valid sticky note on the board's first page, for tests that need one known record
 * (also for the server's and the end-to-end tests: `@dorfplatz/board/testing`).
 */
import { createShapeId, toRichText, type TLImageAsset, type TLNoteShape, type TLShape } from '@tldraw/tlschema'
import * as Y from 'yjs'
import type { AuthorStamp } from '../authors.ts'
import { commentKey, getCommentAuthorsMap, getCommentsMap, threadKey } from '../comments.ts'
import { FIRST_PAGE_ID } from '../initBoardDoc.ts'

export function testNote(
  name: string,
  text = 'Mehr Bänke am Dorfplatz',
  { x = 10, y = 20, index = 'a1' }: { x?: number; y?: number; index?: string } = {},
): TLNoteShape {
  return {
    id: createShapeId(name),
    typeName: 'shape',
    type: 'note',
    parentId: FIRST_PAGE_ID,
    index: index as TLShape['index'],
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      richText: toRichText(text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
  }
}

/**
 * A pasted photo as a board keeps it: an image asset whose picture travels inline as a data URL
 * of about `bytes` bytes (base64 of filler, not a real image; nothing decodes it on the server).
 */
export function testPhoto(number: number, bytes: number): TLImageAsset {
  // Any run of base64 letters of a length divisible by four is valid base64.
  const base64 = String.fromCharCode(65 + (number % 26)).repeat(Math.floor(bytes / 4) * 4)
  return {
    id: `asset:photo-${number}` as TLImageAsset['id'],
    typeName: 'asset',
    type: 'image',
    props: { w: 800, h: 600, name: `foto-${number}.jpg`, isAnimated: false, mimeType: 'image/jpeg', src: `data:image/jpeg;base64,${base64}` },
    meta: {},
  }
}

/** The update a client holding `doc`'s state would send for `change`, without applying it to `doc`. */
export function updateFrom(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  change(copy)
  const update = Y.encodeStateAsUpdate(copy, before)
  copy.destroy()
  return update
}

/**
 * Writes one comment into `doc` as a browser would (its thread entry too, when `noteId` is
 * given), and, with `author`, the stamp the server would give it.
 */
export function writeTestComment(
  doc: Y.Doc,
  { thread, id, text, at, noteId, resolved = false, author }: { thread: string; id: string; text: string; at: number; noteId?: string; resolved?: boolean; author?: AuthorStamp },
): void {
  doc.transact(() => {
    if (noteId !== undefined) getCommentsMap(doc).set(threadKey(thread), { noteId, resolved })
    getCommentsMap(doc).set(commentKey(id), { thread, text, at })
    if (author) getCommentAuthorsMap(doc).set(commentKey(id), { ...author, at })
  })
}
