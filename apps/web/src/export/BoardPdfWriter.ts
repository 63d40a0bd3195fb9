/**
 * Writes the board PDF with pdf-lib: one A4-landscape page per picture, each with a header
 * (board title, the picture's name, the date), a rule, the picture fitted below and the page
 * number at the foot. Over the picture lie its texts as invisible real text (searchable and
 * selectable, see pdfTextLayer.ts) and each note's dots as a badge; pages of listed results
 * (the voting rounds) may follow. It knows nothing of tldraw: pictures arrive as PNG bytes.
 */
import {
  popGraphicsState,
  pushGraphicsState,
  PDFDocument,
  rgb,
  setTextRenderingMode,
  StandardFonts,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib'
import {
  DATE_SIZE_PT,
  fitIntoArea,
  FOOTER_SIZE_PT,
  HEADER_GAP_PT,
  pdfPageLayout,
  SUBTITLE_SIZE_PT,
  TITLE_SIZE_PT,
  type Box,
} from './pdfPageLayout.ts'
import { fitText, LINE_HEIGHT, wrapLines, type PictureText } from './pdfTextLayer.ts'
import { fitTextToWidth, toWinAnsi } from './winAnsiText.ts'

/** The web client's ink and muted ink (base.css), so the PDF looks like the app. */
const INK = rgb(0x1b / 255, 0x25 / 255, 0x30 / 255)
const MUTED = rgb(0x4f / 255, 0x5b / 255, 0x67 / 255)
const RULE = rgb(0xd6 / 255, 0xd0 / 255, 0xc4 / 255)
/** The vote badge's colours on the board (`.vote-count`: --dp-primary on --dp-surface). */
const BADGE = rgb(0x1e / 255, 0x4d / 255, 0x6b / 255)
const BADGE_INK = rgb(1, 1, 1)

/** The badge's number and the room around it, in points. */
const BADGE_SIZE_PT = 9
const BADGE_PADDING_PT = 4

/** The listed results: text size, and the room between rank, text and count. */
const LIST_SIZE_PT = 11
const LIST_GAP_PT = 10

export interface BoardPdfInfo {
  /** The board's title: the PDF's title and every page's first line. */
  title: string
  /** The date as it should read on the pages, e.g. "25. November 2026". */
  date: string
  /** BCP 47 language of the texts, e.g. "de-DE". */
  language: string
  /** When the PDF was made, for its metadata. */
  createdAt: Date
}

export interface BoardPdfPage {
  /** What the page shows, e.g. the frame's name: the header's second line. */
  name: string
  png: Uint8Array
  /** The texts on the picture, already placed on paper (`placeOnPicture` with `imageBox`). */
  texts?: readonly PictureText[]
}

/** A ranked list under a heading, such as one voting round's results. */
export interface BoardPdfList {
  /** The header's second line, e.g. "Ergebnis: Was packen wir zuerst an?". */
  name: string
  /** A line above the list, e.g. when and by how many people. */
  intro: string
  rows: ReadonlyArray<{ rank: string; text: string; value: string }>
  /** Shown instead of the rows when there are none. */
  empty: string
}

export class BoardPdfWriter {
  private readonly layout = pdfPageLayout()

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly info: BoardPdfInfo,
  ) {}

  static async create(info: BoardPdfInfo): Promise<BoardPdfWriter> {
    const pdf = await PDFDocument.create()
    // Metadata strings are UTF-16 in the PDF, so they keep every character of the title.
    pdf.setTitle(info.title, { showInWindowTitleBar: true })
    pdf.setLanguage(info.language)
    pdf.setCreator('Dorfplatz')
    pdf.setProducer('Dorfplatz')
    pdf.setCreationDate(info.createdAt)
    pdf.setModificationDate(info.createdAt)
    // Helvetica is built into every PDF reader: nothing to embed, no font to download.
    const regular = await pdf.embedFont(StandardFonts.Helvetica)
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
    return new BoardPdfWriter(pdf, regular, bold, info)
  }

  /** Where a picture of `width` × `height` ends up on a page, in points: the size to render it for. */
  imageBox(width: number, height: number): Box {
    return fitIntoArea(this.layout.imageArea, width, height)
  }

  async addPage({ name, png, texts = [] }: BoardPdfPage): Promise<void> {
    const image = await this.pdf.embedPng(png)
    const page = this.newPage(name)
    page.drawImage(image, this.imageBox(image.width, image.height))
    this.drawTextLayer(page, texts)
    for (const text of texts) if (text.votes > 0) this.drawVoteBadge(page, text)
  }

  /** One page or more with a ranked list: rank, text (wrapped) and value per row. */
  addList({ name, intro, rows, empty }: BoardPdfList): void {
    const { layout, regular, bold } = this
    const lineHeight = LIST_SIZE_PT * LINE_HEIGHT
    const top = layout.imageArea.y + layout.imageArea.height - LIST_SIZE_PT
    const bottom = layout.imageArea.y
    const rankWidth = Math.max(0, ...rows.map((row) => bold.widthOfTextAtSize(toWinAnsi(row.rank), LIST_SIZE_PT)))
    const valueWidth = Math.max(0, ...rows.map((row) => regular.widthOfTextAtSize(toWinAnsi(row.value), LIST_SIZE_PT)))
    const textX = layout.contentX + rankWidth + LIST_GAP_PT
    const textWidth = layout.contentWidth - rankWidth - valueWidth - 2 * LIST_GAP_PT
    const right = layout.contentX + layout.contentWidth
    const measure = (text: string, size: number) => regular.widthOfTextAtSize(text, size)

    let page = this.newPage(name)
    let y = top
    const line = (text: string, x: number, font: PDFFont, color = INK) =>
      page.drawText(text, { x, y, size: LIST_SIZE_PT, font, color })
    line(toWinAnsi(intro), layout.contentX, regular, MUTED)
    y -= 2 * lineHeight
    if (rows.length === 0) line(toWinAnsi(empty), layout.contentX, regular)
    for (const row of rows) {
      const lines = wrapLines(toWinAnsi(row.text.replace(/\s*\n\s*/g, ' / ')) || '–', textWidth, LIST_SIZE_PT, measure)
      if (y - (lines.length - 1) * lineHeight < bottom) {
        page = this.newPage(name)
        y = top
      }
      const rank = toWinAnsi(row.rank)
      line(rank, textX - LIST_GAP_PT - bold.widthOfTextAtSize(rank, LIST_SIZE_PT), bold)
      const value = toWinAnsi(row.value)
      line(value, right - regular.widthOfTextAtSize(value, LIST_SIZE_PT), regular)
      for (const text of lines) {
        line(text, textX, regular)
        y -= lineHeight
      }
      y -= lineHeight / 3
    }
  }

  get pageCount(): number {
    return this.pdf.getPageCount()
  }

  /**
   * The finished file, each page with its foot (e.g. "Seite 2 von 7"), written once the number
   * of pages is known. pdf-lib writes a few objects at a time and lets the browser breathe in between.
   */
  save(footer: (page: number, count: number) => string): Promise<Uint8Array> {
    const { layout, regular } = this
    const pages = this.pdf.getPages()
    pages.forEach((page, index) => {
      const text = toWinAnsi(footer(index + 1, pages.length))
      page.drawText(text, {
        x: layout.contentX + layout.contentWidth - regular.widthOfTextAtSize(text, FOOTER_SIZE_PT),
        y: layout.footerBaseline,
        size: FOOTER_SIZE_PT,
        font: regular,
        color: MUTED,
      })
    })
    return this.pdf.save()
  }

  private newPage(name: string): PDFPage {
    const { layout } = this
    const page = this.pdf.addPage([layout.page.width, layout.page.height])
    this.drawHeader(page, name)
    return page
  }

  /**
   * Each text in its box as invisible text (rendering mode 3, as OCR software lays text over a
   * scan): the picture shows it, and a reader can find, select and copy it there.
   */
  private drawTextLayer(page: PDFPage, texts: readonly PictureText[]): void {
    if (texts.length === 0) return
    const font = this.regular
    const measure = (text: string, size: number) => font.widthOfTextAtSize(text, size)
    page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible))
    for (const { text, box, fontSize } of texts) {
      const { size, lines } = fitText(toWinAnsiLines(text), box.width, box.height, fontSize, measure)
      // Centred, as tldraw sets a note's or a shape's label: a selection then lies on the words.
      const top = box.y + (box.height + lines.length * size * LINE_HEIGHT) / 2
      lines.forEach((line, index) => {
        const x = box.x + Math.max(0, (box.width - measure(line, size)) / 2)
        page.drawText(line, { x, y: top - size * (0.8 + index * LINE_HEIGHT), size, font })
      })
    }
    page.pushOperators(popGraphicsState())
  }

  /** The note's dots at its top-right corner, as on the board: white on the app's blue. */
  private drawVoteBadge(page: PDFPage, { box, votes }: PictureText): void {
    const label = String(votes)
    const textWidth = this.bold.widthOfTextAtSize(label, BADGE_SIZE_PT)
    const height = BADGE_SIZE_PT + 2 * BADGE_PADDING_PT
    const width = Math.max(height, textWidth + 2 * BADGE_PADDING_PT)
    const centreX = box.x + box.width
    const centreY = box.y + box.height
    const radius = height / 2
    // A pill: a rectangle between two half circles.
    page.drawRectangle({ x: centreX - width / 2 + radius, y: centreY - radius, width: width - height, height, color: BADGE })
    page.drawCircle({ x: centreX - width / 2 + radius, y: centreY, size: radius, color: BADGE })
    page.drawCircle({ x: centreX + width / 2 - radius, y: centreY, size: radius, color: BADGE })
    page.drawText(label, {
      x: centreX - textWidth / 2,
      y: centreY - BADGE_SIZE_PT * 0.35,
      size: BADGE_SIZE_PT,
      font: this.bold,
      color: BADGE_INK,
    })
  }

  private drawHeader(page: PDFPage, name: string): void {
    const { layout, regular, bold } = this
    const date = toWinAnsi(this.info.date)
    const dateWidth = regular.widthOfTextAtSize(date, DATE_SIZE_PT)
    const right = layout.contentX + layout.contentWidth
    page.drawText(date, { x: right - dateWidth, y: layout.titleBaseline, size: DATE_SIZE_PT, font: regular, color: MUTED })
    const title = fitTextToWidth(toWinAnsi(this.info.title), layout.contentWidth - dateWidth - HEADER_GAP_PT, (text) =>
      bold.widthOfTextAtSize(text, TITLE_SIZE_PT),
    )
    page.drawText(title, { x: layout.contentX, y: layout.titleBaseline, size: TITLE_SIZE_PT, font: bold, color: INK })
    const subtitle = fitTextToWidth(toWinAnsi(name), layout.contentWidth, (text) =>
      regular.widthOfTextAtSize(text, SUBTITLE_SIZE_PT),
    )
    page.drawText(subtitle, { x: layout.contentX, y: layout.subtitleBaseline, size: SUBTITLE_SIZE_PT, font: regular, color: INK })
    page.drawLine({
      start: { x: layout.contentX, y: layout.ruleY },
      end: { x: right, y: layout.ruleY },
      thickness: 0.75,
      color: RULE,
    })
  }
}

/** `text` in characters Helvetica can show, its line breaks kept. */
function toWinAnsiLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => toWinAnsi(line))
    .join('\n')
}
