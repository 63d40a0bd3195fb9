/**
 * The Digitalstrategie (see strategyDocument.ts) as files: a Word document (`docx`, for the
 * administration to edit further) and a PDF, each with a table of contents, the series' name and
 * its dates. A module of its own because both libraries are large: the server loads it when the
 * first file is asked for, not at start.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { ReportLocale } from './resultsReport.ts'
import { TEXT, formatDay, headerLines, lineDetails, type StrategyLine, type StrategyModel } from './strategyDocument.ts'

/** The strategy as a Word document. */
export async function strategyDocx(model: StrategyModel, locale: ReportLocale, timeZone: string): Promise<Buffer> {
  const t = TEXT[locale]
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: t.title(model.municipality), heading: HeadingLevel.TITLE }),
    ...headerLines(model, locale, timeZone).map((text) => new Paragraph({ text })),
    new Paragraph({ text: t.intro }),
  ]
  if (model.chapters.length === 0) children.push(new Paragraph({ text: t.empty(model.municipality) }))
  else {
    children.push(new Paragraph({ text: t.contents, heading: HeadingLevel.HEADING_1 }))
    model.chapters.forEach((chapter, index) => children.push(new Paragraph({ text: `${index + 1}. ${chapter.heading}` })))
  }
  model.chapters.forEach((chapter, index) => {
    children.push(new Paragraph({ text: `${index + 1}. ${chapter.heading}`, heading: HeadingLevel.HEADING_1, pageBreakBefore: index === 0 }))
    for (const group of chapter.groups) {
      if (chapter.id === 'projects') {
        children.push(projectsTable(group.lines, locale, timeZone))
        continue
      }
      children.push(new Paragraph({ text: group.heading, heading: HeadingLevel.HEADING_2 }))
      for (const line of group.lines) {
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun({ text: line.text }), new TextRun({ text: ` (${lineDetails(line, locale, timeZone)})`, italics: true, size: 18 })],
          }),
        )
      }
    }
  })
  const document = new Document({
    creator: 'Dorfplatz',
    title: t.title(model.municipality),
    description: model.series ?? undefined,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(document)
}

function projectsTable(lines: readonly StrategyLine[], locale: ReportLocale, timeZone: string): Table {
  const t = TEXT[locale]
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })
  const rows = lines.map((line) => {
    return new TableRow({
      children: [
        cell(String(line.rank ?? '')),
        cell(line.text),
        cell(String(line.votes)),
        cell(t.source(line.source, formatDay(line.source.date, locale, timeZone))),
      ],
    })
  })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: [cell(t.rank, true), cell(t.project, true), cell(t.dots, true), cell(t.origin, true)] }), ...rows],
  })
}

// -- PDF ---------------------------------------------------------------------------------------

const PAGE = { width: 595.28, height: 841.89, margin: 56 }

/** Helvetica covers Windows-1252; anything else is replaced (the Word document keeps every character). */
function pdfText(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[^\u0020-\u007e\u00a0-\u00ff€„“”–—…•]/g, '?')
}

class PdfWriter {
  private page: PDFPage
  private y = PAGE.height - PAGE.margin

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height])
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - PAGE.margin
  }

  /** Writes `text` wrapped to the page's width, starting a new page where it runs out. */
  write(text: string, { size = 11, bold = false, indent = 0, gap = 4, color = rgb(0.1, 0.1, 0.1) } = {}): void {
    const font = bold ? this.bold : this.regular
    const width = PAGE.width - 2 * PAGE.margin - indent
    const words = pdfText(text).split(/\s+/)
    const lines: string[] = []
    let current = ''
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) <= width || current === '') current = candidate
      else {
        lines.push(current)
        current = word
      }
    }
    if (current) lines.push(current)
    for (const line of lines) {
      if (this.y - size < PAGE.margin) this.newPage()
      this.y -= size * 1.3
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y, size, font, color })
    }
    this.y -= gap
  }
}

/** The strategy as PDF: the same text as the Word document, for reading and printing. */
export async function strategyPdf(model: StrategyModel, locale: ReportLocale, timeZone: string): Promise<Uint8Array> {
  const t = TEXT[locale]
  const pdf = await PDFDocument.create()
  pdf.setTitle(pdfText(t.title(model.municipality)))
  pdf.setCreator('Dorfplatz')
  pdf.setLanguage(locale === 'de' ? 'de-DE' : 'en-GB')
  const writer = new PdfWriter(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold))
  writer.write(t.title(model.municipality), { size: 22, bold: true, gap: 12 })
  for (const line of headerLines(model, locale, timeZone)) writer.write(line)
  writer.write(t.intro, { gap: 14 })
  if (model.chapters.length === 0) writer.write(t.empty(model.municipality))
  else {
    writer.write(t.contents, { size: 15, bold: true, gap: 6 })
    model.chapters.forEach((chapter, index) => writer.write(`${index + 1}. ${chapter.heading}`, { indent: 12 }))
  }
  model.chapters.forEach((chapter, index) => {
    writer.newPage()
    writer.write(`${index + 1}. ${chapter.heading}`, { size: 16, bold: true, gap: 8 })
    for (const group of chapter.groups) {
      if (chapter.id !== 'projects') writer.write(group.heading, { size: 12.5, bold: true, gap: 4 })
      group.lines.forEach((line) => {
        const lead = line.rank === undefined ? '•' : `${line.rank}.`
        writer.write(`${lead} ${line.text}`, { indent: 10, gap: 1 })
        writer.write(lineDetails(line, locale, timeZone), { size: 9, indent: 22, gap: 6, color: rgb(0.35, 0.35, 0.35) })
      })
    }
  })
  return pdf.save()
}
