import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { BoardPdfWriter } from './BoardPdfWriter.ts'
import { pdfPageLayout } from './pdfPageLayout.ts'

/** A 4 × 3 pixel PNG, two colours: small enough to keep inline. */
const PNG_4X3 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAYAAAC09K7GAAAAFklEQVR4nGOQ883+D8IPVniBMQNBAQCnpxvl0aQEsQAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
)

const info = {
  title: 'Digitale Dorfmitte – Klausur in Großbärenweiler',
  date: '25. November 2026',
  language: 'de-DE',
  createdAt: new Date(2026, 10, 25, 14, 0),
}

describe('BoardPdfWriter', () => {
  it('writes one A4-landscape page per picture, with the metadata of the board', async () => {
    const writer = await BoardPdfWriter.create(info)
    await writer.addPage({ name: 'Prioritätenmatrix', footer: 'Seite 1 von 2', png: PNG_4X3 })
    await writer.addPage({ name: 'SWOT-Analyse', footer: 'Seite 2 von 2', png: PNG_4X3 })
    expect(writer.pageCount).toBe(2)

    const pdf = await PDFDocument.load(await writer.save(), { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(2)
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(841.89, 1)
      expect(page.getHeight()).toBeCloseTo(595.28, 1)
    }
    expect(pdf.getTitle()).toBe(info.title)
    expect(pdf.getCreator()).toBe('Dorfplatz')
  })

  it('does not stumble over characters Helvetica lacks', async () => {
    const writer = await BoardPdfWriter.create({ ...info, title: 'Fest 🎉 in Łódź\n(Planung) ✓' })
    await writer.addPage({ name: 'Ideen → Umsetzung 日本', footer: 'Seite 1 von 1', png: PNG_4X3 })
    const pdf = await PDFDocument.load(await writer.save(), { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(1)
    // The metadata keeps the title as it is.
    expect(pdf.getTitle()).toBe('Fest 🎉 in Łódź\n(Planung) ✓')
  })

  it('cuts a title too long for the header instead of running into the date', async () => {
    const writer = await BoardPdfWriter.create({ ...info, title: 'Sehr langer Titel '.repeat(20) })
    await expect(writer.addPage({ name: 'Rahmen', footer: 'Seite 1 von 1', png: PNG_4X3 })).resolves.toBeUndefined()
  })

  it('plans a picture into the area under the header', async () => {
    const writer = await BoardPdfWriter.create(info)
    const { imageArea } = pdfPageLayout()
    const box = writer.imageBox(1600, 1200)
    expect(box.height).toBeCloseTo(imageArea.height)
    expect(box.width / box.height).toBeCloseTo(4 / 3)
  })
})
