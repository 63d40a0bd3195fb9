/**
 * The board as a PDF: one A4-landscape page per template frame on the current page, or one
 * page with everything on it when there is no template, then the results of the board's voting
 * rounds. Each frame is drawn by tldraw at the resolution its place on paper needs, with its
 * texts as real text over the picture and each note's dots beside it; between frames the
 * browser gets to paint, so the progress shows and a long board does not freeze the page.
 */
import { Box, type Editor, type TLShapeId } from 'tldraw'
import { afterNextPaint } from './afterNextPaint.ts'
import { BoardPdfWriter, type BoardPdfInfo, type BoardPdfList } from './BoardPdfWriter.ts'
import { currentPageShapeIds, IMAGE_PADDING, NothingToExportError } from './boardImage.ts'
import { pixelRatioForBox } from './pdfPageLayout.ts'
import { placeOnPicture, type BoardText } from './pdfTextLayer.ts'
import { templateFramesInReadingOrder, type TemplateFrame } from '../kernel/templateFrames.ts'

export interface PdfSection {
  /** The shapes one page shows. */
  ids: TLShapeId[]
  /** The part of the board the page shows, in page space; by default, all of `ids`. */
  bounds?: Box
  /** The page-space point at the picture's top-left corner (padding included). */
  origin: { x: number; y: number }
  /** The header's second line. */
  name: string
  width: number
  height: number
  /** A frame is drawn to its edges; a whole page gets some room around it. */
  padding: number
}

/** The template frames on the current page, in reading order. */
export function currentTemplateFrames(editor: Editor): TemplateFrame[] {
  const shapes = editor.getCurrentPageShapes().flatMap((shape) => {
    const bounds = editor.getShapePageBounds(shape)
    return bounds ? [{ id: shape.id, meta: shape.meta, props: shape.props, bounds }] : []
  })
  return templateFramesInReadingOrder(shapes)
}

/**
 * What the PDF's pages show: each template frame, named by `frameName`, or the whole page
 * under `pageName` when there are none.
 */
export function pdfSections(editor: Editor, frameName: (frame: TemplateFrame) => string, pageName: string): PdfSection[] {
  const frames = currentTemplateFrames(editor)
  if (frames.length > 0) {
    const topLevel = editor.getSortedChildIdsForParent(editor.getCurrentPageId())
    return frames.map((frame) => ({
      ids: shapesOver(editor, topLevel, frame),
      bounds: Box.From(frame.bounds),
      origin: { x: frame.bounds.x, y: frame.bounds.y },
      name: frameName(frame),
      width: frame.bounds.w,
      height: frame.bounds.h,
      padding: 0,
    }))
  }
  const ids = currentPageShapeIds(editor)
  const bounds = editor.getCurrentPageBounds()
  if (ids.length === 0 || !bounds) throw new NothingToExportError()
  return [
    {
      ids,
      origin: { x: bounds.x - IMAGE_PADDING, y: bounds.y - IMAGE_PADDING },
      name: pageName,
      width: bounds.w + 2 * IMAGE_PADDING,
      height: bounds.h + 2 * IMAGE_PADDING,
      padding: IMAGE_PADDING,
    },
  ]
}

/**
 * The frame and every top-level shape that overlaps it: notes written onto a template are not
 * necessarily the frame's children, yet they belong on its page.
 */
function shapesOver(editor: Editor, topLevel: readonly TLShapeId[], frame: TemplateFrame): TLShapeId[] {
  const area = Box.From(frame.bounds)
  return topLevel.filter((id) => {
    if (id === frame.id) return true
    const bounds = editor.getShapePageBounds(id)
    return bounds !== undefined && Box.Collides(area, bounds)
  })
}

export type PdfProgress = { phase: 'page'; page: number; count: number } | { phase: 'saving'; count: number }

/**
 * The texts a page shows, in page space: every shape's text (notes, texts, labels of shapes and
 * of template zones) but frames', whose names head the page; notes carry their dots.
 */
export function sectionTexts(editor: Editor, section: PdfSection, votes: ReadonlyMap<string, number>): BoardText[] {
  const texts: BoardText[] = []
  for (const id of editor.getShapeAndDescendantIds(section.ids)) {
    const shape = editor.getShape(id)
    if (!shape || shape.type === 'frame') continue
    const text = editor.getShapeUtil(shape).getText(shape)?.trim() ?? ''
    const bounds = editor.getShapePageBounds(shape)
    if (!text || !bounds) continue
    texts.push({ text, bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }, votes: shape.type === 'note' ? (votes.get(id) ?? 0) : 0 })
  }
  return texts
}

export interface RenderBoardPdfOptions {
  info: BoardPdfInfo
  sections: readonly PdfSection[]
  /** Each note's dots in the board's revealed voting rounds, by shape id. */
  votes: ReadonlyMap<string, number>
  /** Pages of listed results after the board's pages, e.g. one per voting round. */
  lists: readonly BoardPdfList[]
  /** The foot of each page, e.g. "Seite 2 von 7". */
  footer: (page: number, count: number) => string
  onProgress: (progress: PdfProgress) => void
  signal: AbortSignal
}

/** Tries a failed picture once more before the whole PDF fails. */
const PICTURE_ATTEMPTS = 2

/**
 * One page's picture as PNG bytes. Drawing can fail for passing reasons (tldraw draws the SVG
 * through an <img>, which a heavily loaded browser may fail to load), so it gets a second try.
 */
async function sectionPicture(editor: Editor, section: PdfSection, pixelRatio: number, signal: AbortSignal): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { blob } = await editor.toImage(section.ids, {
        format: 'png',
        background: true,
        darkMode: false,
        padding: section.padding,
        ...(section.bounds ? { bounds: section.bounds } : {}),
        scale: 1,
        pixelRatio,
      })
      return new Uint8Array(await blob.arrayBuffer())
    } catch (error) {
      if (attempt >= PICTURE_ATTEMPTS || signal.aborted) throw error
      console.warn(`Dorfplatz PDF: drawing "${section.name}" failed, trying once more`, error)
      await afterNextPaint()
    }
  }
}

export async function renderBoardPdf(editor: Editor, options: RenderBoardPdfOptions): Promise<Blob> {
  const { info, sections, votes, lists, footer, onProgress, signal } = options
  const writer = await BoardPdfWriter.create(info)
  const count = sections.length
  for (const [index, section] of sections.entries()) {
    onProgress({ phase: 'page', page: index + 1, count })
    await afterNextPaint()
    signal.throwIfAborted()
    const box = writer.imageBox(section.width, section.height)
    const png = await sectionPicture(editor, section, pixelRatioForBox(box, section.width, section.height), signal)
    signal.throwIfAborted()
    // Decoding and compressing the picture is the slow part; let the progress paint first.
    await afterNextPaint()
    const region = { ...section.origin, w: section.width, h: section.height }
    const texts = placeOnPicture(sectionTexts(editor, section, votes), region, box)
    await writer.addPage({ name: section.name, png, texts })
  }
  for (const list of lists) writer.addList(list)
  onProgress({ phase: 'saving', count })
  await afterNextPaint()
  signal.throwIfAborted()
  const bytes = await writer.save(footer)
  signal.throwIfAborted()
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}
