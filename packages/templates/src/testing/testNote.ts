/** A valid sticky note for the templates' tests: `name` makes its id, (x, y) is relative to `parentId`. */
import { createShapeId, toRichText, type TLNoteShape, type TLShape } from '@tldraw/tlschema'

export function note(name: string, parentId: string, x: number, y: number, props: Partial<TLNoteShape['props']> = {}): TLNoteShape {
  return {
    id: createShapeId(name),
    typeName: 'shape',
    type: 'note',
    parentId: parentId as TLNoteShape['parentId'],
    index: 'b1' as TLShape['index'],
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      richText: toRichText('Dorf-App'),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
      ...props,
    },
  }
}
