/** PNG and SVG pictures of the board, drawn by tldraw's own export. */
import type { Editor, TLShapeId } from 'tldraw'

export type ImageFormat = 'png' | 'svg'

/** Room around the shapes, in page units, so that nothing touches the picture's edge. */
export const IMAGE_PADDING = 32

/** Twice the board's size: sharp on a projector and in a printed handout. */
export const PNG_PIXEL_RATIO = 2

/** Thrown when there is nothing to draw. */
export class NothingToExportError extends Error {
  constructor() {
    super('There are no shapes to export')
    this.name = 'NothingToExportError'
  }
}

/** Everything on the page the person is looking at. */
export function currentPageShapeIds(editor: Editor): TLShapeId[] {
  return [...editor.getCurrentPageShapeIds()]
}

export async function boardImage(editor: Editor, ids: readonly TLShapeId[], format: ImageFormat): Promise<Blob> {
  if (ids.length === 0) throw new NothingToExportError()
  const { blob } = await editor.toImage([...ids], {
    format,
    // White paper behind the notes, as on the board, not a transparent hole.
    background: true,
    // Light, whatever this browser shows: the picture ends up on paper and in slides.
    darkMode: false,
    padding: IMAGE_PADDING,
    scale: 1,
    ...(format === 'png' ? { pixelRatio: PNG_PIXEL_RATIO } : {}),
  })
  return blob
}
