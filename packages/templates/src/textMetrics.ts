/**
 * A DOM-free estimate of how much room a tldraw text label takes, for laying out templates
 * where no browser can measure (the server builds them). It errs on the large side: glyphs
 * are taken as wider than tldraw's sans font draws them on average, so that a label that
 * fits here fits on screen.
 */
import type { TLDefaultSizeStyle } from '@tldraw/tlschema'

/** tldraw's text font sizes at scale 1, in page units (its FONT_SIZES times the theme's 16). */
export const TEXT_FONT_SIZES: Record<TLDefaultSizeStyle, number> = { s: 18, m: 24, l: 36, xl: 44 }

/** tldraw's default line height, as a multiple of the font size. */
export const TEXT_LINE_HEIGHT = 1.35

/** Assumed average glyph width as a multiple of the font size; bold runs wider. */
const GLYPH_WIDTH_EM = 0.58
const BOLD_GLYPH_WIDTH_EM = 0.62

export interface TextStyle {
  size: TLDefaultSizeStyle
  bold?: boolean
}

/** Estimated width of one unwrapped line of `text`. */
export function estimateLineWidth(text: string, { size, bold = false }: TextStyle): number {
  return [...text].length * TEXT_FONT_SIZES[size] * (bold ? BOLD_GLYPH_WIDTH_EM : GLYPH_WIDTH_EM)
}

/** Number of lines `text` wraps into at width `w`, breaking between words as browsers do. */
export function estimateLineCount(text: string, w: number, style: TextStyle): number {
  let lines = 0
  for (const paragraph of text.split('\n')) {
    lines++
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (line !== '' && estimateLineWidth(candidate, style) > w) {
        lines++
        line = word
      } else {
        line = candidate
      }
    }
  }
  return lines
}

/** Estimated height of a text shape of width `w` holding `text`. */
export function estimateTextHeight(text: string, w: number, style: TextStyle): number {
  return estimateLineCount(text, w, style) * lineHeight(style.size)
}

/** Height of one line of text in the given size. */
export function lineHeight(size: TLDefaultSizeStyle): number {
  return TEXT_FONT_SIZES[size] * TEXT_LINE_HEIGHT
}
