/**
 * Where things go on a page of the board PDF: A4 landscape, a header with the board's title,
 * the frame's name and the date, a rule, the frame's picture fitted below it, and the page
 * number at the foot. All lengths are PDF points (1/72 inch); y grows upwards from the
 * page's bottom edge, as in PDF itself.
 */

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** ISO 216 A4 (297 × 210 mm), lying on its long side. */
export const A4_LANDSCAPE_PT = { width: 841.89, height: 595.28 } as const

/** 12.7 mm: inside what office printers can print, wide enough to hold the page. */
export const PAGE_MARGIN_PT = 36

export const TITLE_SIZE_PT = 15
export const SUBTITLE_SIZE_PT = 11
export const DATE_SIZE_PT = 10
export const FOOTER_SIZE_PT = 8

/** Room between the date and a title that would run into it. */
export const HEADER_GAP_PT = 18
/** From the rule under the header to the picture. */
const RULE_TO_IMAGE_PT = 14
/** From the picture to the page number's line. */
const IMAGE_TO_FOOTER_PT = 12

/** Baseline positions, from the top margin down, of the header's two lines and the rule. */
const TITLE_BASELINE_FROM_TOP_PT = TITLE_SIZE_PT * 0.8
const SUBTITLE_BASELINE_FROM_TOP_PT = TITLE_BASELINE_FROM_TOP_PT + SUBTITLE_SIZE_PT * 1.55
const RULE_FROM_TOP_PT = SUBTITLE_BASELINE_FROM_TOP_PT + 9

export interface PdfPageLayout {
  page: { width: number; height: number }
  /** Left edge and width of the text column. */
  contentX: number
  contentWidth: number
  /** Baselines of the header's lines; the date sits on the title's line, right-aligned. */
  titleBaseline: number
  subtitleBaseline: number
  ruleY: number
  footerBaseline: number
  /** The area the picture may fill. */
  imageArea: Box
}

export function pdfPageLayout(page: { width: number; height: number } = A4_LANDSCAPE_PT): PdfPageLayout {
  const top = page.height - PAGE_MARGIN_PT
  const contentWidth = page.width - 2 * PAGE_MARGIN_PT
  const ruleY = top - RULE_FROM_TOP_PT
  const footerBaseline = PAGE_MARGIN_PT
  const imageBottom = footerBaseline + FOOTER_SIZE_PT + IMAGE_TO_FOOTER_PT
  const imageTop = ruleY - RULE_TO_IMAGE_PT
  return {
    page: { width: page.width, height: page.height },
    contentX: PAGE_MARGIN_PT,
    contentWidth,
    titleBaseline: top - TITLE_BASELINE_FROM_TOP_PT,
    subtitleBaseline: top - SUBTITLE_BASELINE_FROM_TOP_PT,
    ruleY,
    footerBaseline,
    imageArea: { x: PAGE_MARGIN_PT, y: imageBottom, width: contentWidth, height: imageTop - imageBottom },
  }
}

/**
 * The largest box with the aspect ratio of `width` × `height` inside `area`: centred across,
 * at the top, right under the header where the eye expects it.
 */
export function fitIntoArea(area: Box, width: number, height: number): Box {
  if (!(width > 0) || !(height > 0)) throw new RangeError(`cannot fit a ${width} × ${height} picture`)
  const scale = Math.min(area.width / width, area.height / height)
  const fitted = { width: width * scale, height: height * scale }
  return {
    x: area.x + (area.width - fitted.width) / 2,
    y: area.y + area.height - fitted.height,
    ...fitted,
  }
}

/** Sharp on paper and on a projector without making the PDF huge: 200 pixels per inch. */
export const PDF_IMAGE_DPI = 200

/** Beyond this many pixels, a frame's picture costs memory and time and shows nothing more. */
export const MAX_PDF_IMAGE_PIXELS = 12_000_000

/**
 * The pixel ratio at which to render a `shapeWidth` × `shapeHeight` shape (in page units) so
 * that it has `dpi` pixels per inch once it fills `box` (in points); never more than
 * MAX_PDF_IMAGE_PIXELS in all.
 */
export function pixelRatioForBox(box: Box, shapeWidth: number, shapeHeight: number, dpi = PDF_IMAGE_DPI): number {
  const wanted = (box.width / 72) * dpi / shapeWidth
  const largest = Math.sqrt(MAX_PDF_IMAGE_PIXELS / (shapeWidth * shapeHeight))
  return Math.min(wanted, largest)
}
