/**
 * Writes the board PDF with pdf-lib: one A4-landscape page per picture, each with a header
 * (board title, the picture's name, the date), a rule, the picture fitted below and the page
 * number at the foot. It knows nothing of tldraw: pictures arrive as PNG bytes.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'
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
import { fitTextToWidth, toWinAnsi } from './winAnsiText.ts'

/** The web client's ink and muted ink (styles.css), so the PDF looks like the app. */
const INK = rgb(0x1b / 255, 0x25 / 255, 0x30 / 255)
const MUTED = rgb(0x4f / 255, 0x5b / 255, 0x67 / 255)
const RULE = rgb(0xd6 / 255, 0xd0 / 255, 0xc4 / 255)

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
  /** The foot's text, e.g. "Seite 2 von 7". */
  footer: string
  png: Uint8Array
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

  async addPage({ name, footer, png }: BoardPdfPage): Promise<void> {
    const image = await this.pdf.embedPng(png)
    const { layout } = this
    const page = this.pdf.addPage([layout.page.width, layout.page.height])
    this.drawHeader(page, name)
    page.drawImage(image, this.imageBox(image.width, image.height))
    const footerText = toWinAnsi(footer)
    page.drawText(footerText, {
      x: layout.contentX + layout.contentWidth - this.regular.widthOfTextAtSize(footerText, FOOTER_SIZE_PT),
      y: layout.footerBaseline,
      size: FOOTER_SIZE_PT,
      font: this.regular,
      color: MUTED,
    })
  }

  get pageCount(): number {
    return this.pdf.getPageCount()
  }

  /** The finished file. pdf-lib writes a few objects at a time and lets the browser breathe in between. */
  save(): Promise<Uint8Array> {
    return this.pdf.save()
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
