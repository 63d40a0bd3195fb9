import { describe, expect, it } from 'vitest'
import { MIN_NOTE_FONT_SCALE, readableNoteProps } from './ReadableNoteShapeUtil.ts'

describe('readableNoteProps', () => {
  // A note of 200 px; its text is 30 px tall per 10 px of font size once long words break.
  const measure = (fontSize: number) => fontSize * 3

  it('leaves a note alone whose text tldraw shrank a little or not at all', () => {
    expect(readableNoteProps({ fontSizeAdjustment: 1, growY: 0 }, 200, measure, 22)).toBeNull()
    expect(readableNoteProps({ fontSizeAdjustment: 0.9, growY: 0 }, 200, measure, 22)).toBeNull()
  })

  it('keeps the text of a note with one long word at a readable size, growing the note if needed', () => {
    // tldraw's own result for "Breitbandausbaukoordinierungsstelle": 14 of 22 px.
    expect(readableNoteProps({ fontSizeAdjustment: 14 / 22, growY: 0 }, 200, measure, 22)).toEqual({
      fontSizeAdjustment: MIN_NOTE_FONT_SCALE,
      growY: 0,
    })
    expect(readableNoteProps({ fontSizeAdjustment: 14 / 22, growY: 0 }, 40, measure, 22)).toEqual({
      fontSizeAdjustment: MIN_NOTE_FONT_SCALE,
      growY: 22 * MIN_NOTE_FONT_SCALE * 3 - 40,
    })
  })

  it('leaves notes of older versions that were never measured to tldraw', () => {
    expect(readableNoteProps({ fontSizeAdjustment: 0, growY: 0 }, 200, measure, 22)).toBeNull()
  })
})
