/**
 * The board's words as real text in the PDF. A page's picture shows the notes as pixels; over
 * each text on it (a note, a text, a zone's label) lies the same text as invisible PDF text, as
 * in a scanned document with OCR, so that a reader finds, selects and copies it and `pdftotext`
 * or a screen reader reads it. The dots a note got show as a badge at its top-right corner, as
 * on the board. All of it is worked out here from numbers; BoardPdfWriter draws it.
 */
import type { Box } from './pdfPageLayout.ts'

/** A text as the board shows it. */
export interface BoardText {
  text: string
  /** Where it shows, in page space (tldraw's page units). */
  bounds: { x: number; y: number; w: number; h: number }
  /** Dots the note got in the board's revealed rounds; 0 for none and for anything but a note. */
  votes: number
}

/** A text where it lies on paper. */
export interface PictureText {
  text: string
  /** In PDF points, y upwards. */
  box: Box
  /** The size the text starts at before it is fitted into `box`, in points. */
  fontSize: number
  votes: number
}

/** A note's text size on the board in page units (tldraw's note label at size "m"). */
const BOARD_FONT_SIZE = 22

/**
 * The texts on a picture that shows `region` of the board (page space) in `picture` (points),
 * top to bottom and left to right, as people read them. Texts whose centre lies outside the
 * region belong to another page; a text reaching over the edge is cut to the picture.
 */
export function placeOnPicture(texts: readonly BoardText[], region: BoardText['bounds'], picture: Box): PictureText[] {
  const scale = picture.width / region.w
  const top = picture.y + picture.height
  const placed: PictureText[] = []
  for (const { text, bounds, votes } of texts) {
    const centreX = bounds.x + bounds.w / 2
    const centreY = bounds.y + bounds.h / 2
    if (centreX < region.x || centreX > region.x + region.w || centreY < region.y || centreY > region.y + region.h) continue
    const left = Math.max(picture.x, picture.x + (bounds.x - region.x) * scale)
    const right = Math.min(picture.x + picture.width, picture.x + (bounds.x + bounds.w - region.x) * scale)
    const upper = Math.min(top, top - (bounds.y - region.y) * scale)
    const lower = Math.max(picture.y, top - (bounds.y + bounds.h - region.y) * scale)
    if (right <= left || upper <= lower) continue
    placed.push({
      text,
      box: { x: left, y: lower, width: right - left, height: upper - lower },
      fontSize: BOARD_FONT_SIZE * scale,
      votes,
    })
  }
  return placed.sort((a, b) => b.box.y + b.box.height - (a.box.y + a.box.height) || a.box.x - b.box.x)
}

/** Measures `text` at `size` points. */
export type MeasureText = (text: string, size: number) => number

/** Lines of `text` no wider than `maxWidth`: its own line breaks kept, words wrapped, an over-long word broken. */
export function wrapLines(text: string, maxWidth: number, size: number, measure: MeasureText): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate, size) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      // A word wider than the line on its own is broken where it must be.
      let rest = word
      while (measure(rest, size) > maxWidth && [...rest].length > 1) {
        const characters = [...rest]
        let fits = 1
        while (fits < characters.length && measure(characters.slice(0, fits + 1).join(''), size) <= maxWidth) fits++
        lines.push(characters.slice(0, fits).join(''))
        rest = characters.slice(fits).join('')
      }
      line = rest
    }
    if (line) lines.push(line)
  }
  return lines
}

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.2

/** Smaller text is no use even to a search: below this the fitting stops. */
const MIN_FONT_SIZE_PT = 2

/** The largest size up to `maxSize` at which `text`, wrapped, fits into `width` × `height`, and its lines. */
export function fitText(
  text: string,
  width: number,
  height: number,
  maxSize: number,
  measure: MeasureText,
): { size: number; lines: string[] } {
  let size = Math.max(MIN_FONT_SIZE_PT, Math.min(maxSize, height / LINE_HEIGHT))
  for (;;) {
    const lines = wrapLines(text, width, size, measure)
    if (lines.length * size * LINE_HEIGHT <= height || size <= MIN_FONT_SIZE_PT) return { size, lines }
    size = Math.max(MIN_FONT_SIZE_PT, size * 0.9)
  }
}
