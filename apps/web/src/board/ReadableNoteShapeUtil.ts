/**
 * Sticky notes whose text stays readable. tldraw shrinks a note's whole text, one pixel at a
 * time, until its longest word fits the note's width, down to 14 px before it breaks the word
 * (NoteShapeUtil.measureNoteLabelSize): one long German compound ("Breitbandausbaukoordinierung")
 * turns a note's 22 px into 14 px, which at a workshop's zoom is unreadable. This util lets the
 * text shrink a little for a word that is a little too long, and breaks longer words instead.
 */
import {
  getDisplayValues,
  NoteShapeUtil,
  renderHtmlFromRichTextForMeasurement,
  type NoteShapeUtilDisplayValues,
  type TLNoteShape,
} from 'tldraw'

/** The least share of its font size a note's text shrinks to; longer words break instead. */
export const MIN_NOTE_FONT_SCALE = 0.85

/** tldraw's own allowance for rounding when it measures a note's text. */
const MEASURE_FUZZ_PX = 1

/**
 * A note's font scale and growth with the text at no less than {@link MIN_NOTE_FONT_SCALE},
 * given how tall the text is at that size (words broken where they do not fit).
 */
export function readableNoteProps(
  props: Pick<TLNoteShape['props'], 'fontSizeAdjustment' | 'growY'>,
  noteHeight: number,
  measureHeightAt: (fontSize: number) => number,
  fontSize: number,
): Pick<TLNoteShape['props'], 'fontSizeAdjustment' | 'growY'> | null {
  // tldraw reads a missing adjustment as 1, and 0 as "not measured yet" (older notes) that it measures itself.
  const scale = props.fontSizeAdjustment ?? 1
  if (scale <= 0 || scale >= MIN_NOTE_FONT_SCALE) return null
  const labelHeight = measureHeightAt(fontSize * MIN_NOTE_FONT_SCALE)
  return { fontSizeAdjustment: MIN_NOTE_FONT_SCALE, growY: Math.max(0, labelHeight - noteHeight) }
}

type CreatedNote = ReturnType<NoteShapeUtil['onBeforeCreate']>

export class ReadableNoteShapeUtil extends NoteShapeUtil {
  override onBeforeCreate(next: TLNoteShape): CreatedNote {
    // tldraw's own result always carries a measured (numeric) adjustment, and so does ours.
    return this.keepReadable(super.onBeforeCreate(next) ?? next) as CreatedNote
  }

  override onBeforeUpdate(prev: TLNoteShape, next: TLNoteShape) {
    // Also a note that tldraw leaves as it is: one shrunk by an earlier version is fixed when it next changes.
    const result = this.keepReadable(super.onBeforeUpdate(prev, next) ?? next)
    return result === next ? undefined : result
  }

  private keepReadable<T extends TLNoteShape>(shape: T): T {
    const dv = getDisplayValues<TLNoteShape, NoteShapeUtilDisplayValues>(this, shape)
    const readable = readableNoteProps(
      shape.props,
      dv.noteHeight,
      (fontSize) =>
        this.editor.textMeasure.measureHtml(renderHtmlFromRichTextForMeasurement(this.editor, shape.props.richText), {
          fontStyle: 'normal',
          fontWeight: 'normal',
          padding: '0px',
          fontFamily: dv.labelFontFamily,
          fontSize,
          lineHeight: dv.labelLineHeight,
          maxWidth: dv.noteWidth - dv.labelPadding * 2 - MEASURE_FUZZ_PX,
        }).h +
        dv.labelPadding * 2,
      dv.labelFontSize,
    )
    return readable ? { ...shape, props: { ...shape.props, ...readable } } : shape
  }
}
