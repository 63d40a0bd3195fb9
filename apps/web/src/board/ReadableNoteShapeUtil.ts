/**
 * Sticky notes whose text stays readable. tldraw shrinks a note's whole text, one pixel at a
 * time, until its longest word fits the note's width, down to 14 px before it breaks the word
 * (NoteShapeUtil.measureNoteLabelSize): one long German compound ("Breitbandausbaukoordinierung")
 * turns a note's 22 px into 14 px, which at a workshop's zoom is unreadable. This util lets the
 * text shrink a little for a word that is a little too long, and breaks longer words instead.
 */
import { privateRoundOf } from '@dorfplatz/board'
import i18next from 'i18next'
import { createElement, Fragment, useRef, type ReactElement } from 'react'
import {
  Geometry2d,
  getDisplayValues,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  renderHtmlFromRichTextForMeasurement,
  type NoteShapeUtilDisplayValues,
  type TLNoteShape,
  type Vec,
  type VecLike,
  useEditor,
  useStateTracking,
  useValue,
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
type GeometryFilters = Parameters<Geometry2d['getVertices']>[0]

/**
 * A note's text area, measured when something first asks for it. tldraw measures every note's
 * text (HTML rendered and laid out in the page) to build its geometry, although a note's bounds
 * come from its props alone and the text area only matters where a point is tested against
 * labels (pointing at a note, not hovering it). A board of 2,000 notes spent two seconds in
 * those measurements before it showed; now a note's text is measured once it is pointed at.
 */
export class NoteLabel2d extends Geometry2d {
  private measured: Geometry2d | undefined

  constructor(private readonly measure: () => Geometry2d) {
    super({ isClosed: true, isFilled: true, isLabel: true, excludeFromShapeBounds: true })
  }

  private get label(): Geometry2d {
    return (this.measured ??= this.measure())
  }

  getVertices(filters: GeometryFilters): Vec[] {
    return this.label.getVertices(filters)
  }

  nearestPoint(point: VecLike, filters?: GeometryFilters): Vec {
    return this.label.nearestPoint(point, filters)
  }

  override hitTestPoint(point: VecLike, margin?: number, hitInside?: boolean, filters?: GeometryFilters): boolean {
    return this.label.hitTestPoint(point, margin, hitInside, filters)
  }

  override distanceToPoint(point: VecLike, hitInside?: boolean, filters?: GeometryFilters): number {
    return this.label.distanceToPoint(point, hitInside, filters)
  }

  override hitTestLineSegment(a: VecLike, b: VecLike, distance?: number, filters?: GeometryFilters): boolean {
    return this.label.hitTestLineSegment(a, b, distance, filters)
  }

  override getBounds() {
    return this.label.bounds
  }

  override getLength(filters?: GeometryFilters): number {
    return this.label.getLength(filters)
  }

  getSvgPathData(first: boolean): string {
    return this.label.getSvgPathData(first)
  }
}

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

  /** tldraw's geometry, with the note's body from its props and its text area measured on demand. */
  override getGeometry(shape: TLNoteShape): Group2d {
    const dv = getDisplayValues<TLNoteShape, NoteShapeUtilDisplayValues>(this, shape)
    const { growY, scale } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: dv.noteWidth * scale, height: (dv.noteHeight + growY) * scale, isFilled: true }),
        new NoteLabel2d(() => {
          const label = super.getGeometry(shape).children.find((child) => child.isLabel)
          if (!label) throw new Error('tldraw gave a note no text area')
          return label
        }),
      ],
    })
  }

  /**
   * tldraw renders every note of the page, hiding those outside the view; each renders its text
   * as HTML from the rich text, about a millisecond per note. A note is drawn once it has first
   * come into view (and then stays drawn, as tldraw keeps it), so that opening a large board
   * renders the notes in view, not all of them.
   */
  override component(shape: TLNoteShape): ReactElement {
    return createElement(NoteOnceSeen, { shape, draw: this.drawNote })
  }

  private readonly drawNote = (shape: TLNoteShape) => super.component(shape)

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

/** Draws a note (tldraw's component, with its hooks) from the first time it is not culled. */
function NoteOnceSeen({ shape, draw }: { shape: TLNoteShape; draw: (shape: TLNoteShape) => ReactElement }) {
  const editor = useEditor()
  const seen = useRef(false)
  // Once seen, the value no longer reads the culled set, so the note stops following the camera.
  const shown = useValue('note seen', () => (seen.current ||= !editor.getCulledShapes().has(shape.id)), [editor, shape.id])
  return shown ? createElement(DrawnNote, { shape, draw }) : null
}

/**
 * tldraw's note, in a component of its own so that its hooks start with it. tldraw renders a
 * shape inside state tracking (what the drawing reads, such as whether the note is selected or
 * edited, renders it again when it changes); the note is drawn here, so it is tracked here.
 */
function DrawnNote({ shape, draw }: { shape: TLNoteShape; draw: (shape: TLNoteShape) => ReactElement }) {
  const editor = useEditor()
  return useStateTracking(
    'DrawnNote',
    () => {
      // Like tldraw, the latest note from the store, also when only what the drawing reads changed.
      const note = (editor.store.unsafeGetWithoutCapture(shape.id) as TLNoteShape | undefined) ?? shape
      const drawn = draw(note)
      // A note of a private round ("Stilles Brainstorming") says that only its writer sees it.
      if (privateRoundOf(note) === null) return drawn
      return createElement(
        Fragment,
        null,
        drawn,
        createElement('span', { className: 'note-private-badge', 'data-testid': 'note-private-badge' }, i18next.t('privateRound.noteBadge')),
      )
    },
    [draw, shape.id],
  )
}
