import { Group2d, Rectangle2d, Vec } from 'tldraw'
import { describe, expect, it, vi } from 'vitest'
import { MIN_NOTE_FONT_SCALE, NoteLabel2d, readableNoteProps } from './ReadableNoteShapeUtil.ts'

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

describe('NoteLabel2d', () => {
  const measured = () => new Rectangle2d({ x: 20, y: 60, width: 160, height: 80, isFilled: true, isLabel: true, excludeFromShapeBounds: true })
  const note = (measure: () => Rectangle2d) =>
    new Group2d({ children: [new Rectangle2d({ width: 200, height: 200, isFilled: true }), new NoteLabel2d(measure)] })

  it("gives a note's bounds without measuring its text", () => {
    const measure = vi.fn(measured)
    const geometry = note(measure)
    expect(geometry.bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 200 })
    expect(geometry.vertices).toHaveLength(4)
    expect(measure).not.toHaveBeenCalled()
  })

  it('measures the text once, when a point is tested against it, and answers as the measured area', () => {
    const measure = vi.fn(measured)
    const [, label] = note(measure).children
    expect(label?.isLabel).toBe(true)
    expect(label?.isPointInBounds(new Vec(100, 100))).toBe(true)
    expect(label?.isPointInBounds(new Vec(100, 30))).toBe(false)
    expect(label?.bounds.toJson()).toEqual({ x: 20, y: 60, w: 160, h: 80 })
    expect(label?.distanceToPoint(new Vec(100, 20))).toBeCloseTo(40)
    expect(label?.getSvgPathData(true)).toBe(measured().getSvgPathData())
    expect(measure).toHaveBeenCalledTimes(1)
  })
})
