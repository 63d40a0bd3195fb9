import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { BoardPdfWriter } from './BoardPdfWriter.ts'
import { pdfPageLayout } from './pdfPageLayout.ts'
import { placeOnPicture } from './pdfTextLayer.ts'

/** A 4 × 3 pixel PNG, two colours: small enough to keep inline. */
const PNG_4X3 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAYAAAC09K7GAAAAFklEQVR4nGOQ883+D8IPVniBMQNBAQCnpxvl0aQEsQAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
)

/** The text a reader finds in `pdf`, page by page, as poppler's pdftotext reads it. */
function readText(pdf: Uint8Array): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-pdf-'))
  try {
    const file = path.join(dir, 'board.pdf')
    fs.writeFileSync(file, pdf)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const footer = (page: number, count: number) => `Seite ${page} von ${count}`

const info = {
  title: 'Digitale Dorfmitte – Klausur in Großbärenweiler',
  date: '25. November 2026',
  language: 'de-DE',
  createdAt: new Date(2026, 10, 25, 14, 0),
}

describe('BoardPdfWriter', () => {
  it('writes one A4-landscape page per picture, with the metadata of the board', async () => {
    const writer = await BoardPdfWriter.create(info)
    await writer.addPage({ name: 'Prioritätenmatrix', png: PNG_4X3 })
    await writer.addPage({ name: 'SWOT-Analyse', png: PNG_4X3 })
    expect(writer.pageCount).toBe(2)

    const pdf = await PDFDocument.load(await writer.save(footer), { updateMetadata: false })
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
    await writer.addPage({
      name: 'Ideen → Umsetzung 日本',
      png: PNG_4X3,
      texts: [{ text: 'Sommerfest 🎉\nin Łódź', box: { x: 100, y: 100, width: 100, height: 100 }, fontSize: 10, votes: 1 }],
    })
    writer.addList({ name: 'Ergebnis: ✓', intro: '→', rows: [{ rank: '1.', text: '日本 🎉', value: '1 Punkt' }], empty: '' })
    const pdf = await PDFDocument.load(await writer.save(footer), { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(2)
    // The metadata keeps the title as it is.
    expect(pdf.getTitle()).toBe('Fest 🎉 in Łódź\n(Planung) ✓')
  })

  it('cuts a title too long for the header instead of running into the date', async () => {
    const writer = await BoardPdfWriter.create({ ...info, title: 'Sehr langer Titel '.repeat(20) })
    await expect(writer.addPage({ name: 'Rahmen', png: PNG_4X3 })).resolves.toBeUndefined()
  })

  it('plans a picture into the area under the header', async () => {
    const writer = await BoardPdfWriter.create(info)
    const { imageArea } = pdfPageLayout()
    const box = writer.imageBox(1600, 1200)
    expect(box.height).toBeCloseTo(imageArea.height)
    expect(box.width / box.height).toBeCloseTo(4 / 3)
  })

  it('lays the notes’ texts over the picture as text a reader finds, with each note’s dots', async () => {
    const writer = await BoardPdfWriter.create(info)
    // A 1000 × 750 board region with two notes, one of them voted for.
    const box = writer.imageBox(1000, 750)
    const texts = placeOnPicture(
      [
        { text: 'Glasfaser für alle Ortsteile', bounds: { x: 100, y: 100, w: 200, h: 200 }, votes: 7 },
        { text: 'Bürgerbus\nam Samstag', bounds: { x: 600, y: 100, w: 200, h: 200 }, votes: 0 },
      ],
      { x: 0, y: 0, w: 1000, h: 750 },
      box,
    )
    await writer.addPage({ name: 'Priorisierungsmatrix', png: PNG_4X3, texts })
    const [page] = readText(await writer.save(footer))
    const words = page!.replace(/\s+/g, ' ')
    expect(words).toContain('Glasfaser für alle Ortsteile')
    expect(words).toContain('Bürgerbus am Samstag')
    expect(page).toMatch(/^7$/m)
    expect(words).toContain('Seite 1 von 1')
  })

  it('lists results on pages of their own, numbered with the board’s pages', async () => {
    const writer = await BoardPdfWriter.create(info)
    await writer.addPage({ name: 'SWOT-Analyse', png: PNG_4X3 })
    const rows = Array.from({ length: 40 }, (_, index) => ({ rank: `${index + 1}.`, text: `Idee Nummer ${index + 1}`, value: '1 Punkt' }))
    rows[0] = { rank: '1.', text: 'Glasfaser', value: '3 Punkte' }
    rows[1] = { rank: '1.', text: 'Dorf-App', value: '3 Punkte' }
    writer.addList({ name: 'Ergebnis: Was zuerst?', intro: '25.11.2026, 14:30 · 46 Punkte von 9 Personen', rows, empty: '' })
    writer.addList({ name: 'Ergebnis: Leer', intro: '25.11.2026, 15:00 · 0 Punkte von 0 Personen', rows: [], empty: 'Keine Notiz hat einen Punkt bekommen.' })
    const pages = readText(await writer.save(footer))
    // 40 rows do not fit one page: the list goes on, under the same heading.
    expect(pages).toHaveLength(4)
    expect(pages[1]).toContain('Ergebnis: Was zuerst?')
    expect(pages[1]).toContain('25.11.2026, 14:30 · 46 Punkte von 9 Personen')
    expect(pages[1]).toMatch(/1\.\s+Glasfaser\s+3 Punkte/)
    expect(pages[1]).toMatch(/1\.\s+Dorf-App\s+3 Punkte/)
    expect(pages[2]).toContain('Ergebnis: Was zuerst?')
    expect(pages[2]).toMatch(/40\.\s+Idee Nummer 40\s+1 Punkt/)
    expect(pages[3]).toContain('Keine Notiz hat einen Punkt bekommen.')
    expect(pages[3]).toContain('Seite 4 von 4')
  })
})
