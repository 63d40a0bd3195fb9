/**
 * A valid sticky note on the board's first page, for tests that need one known record
 * (also for the server's and the end-to-end tests: `@dorfplatz/board/testing`).
 */
import { createShapeId, toRichText, type TLNoteShape, type TLShape } from '@tldraw/tlschema'
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
