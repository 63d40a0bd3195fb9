/**
 * A facilitator exports a board from the "Exportieren" dialog: a PDF with one A4-landscape page
 * per template (or one page with the whole board when it has none), an SVG and a PNG of the
 * selection, the `.tldr` file and the results report, in German and in English, each checked as
 * the file that lands on disk.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Download, Locator, Page } from '@playwright/test'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib'
import { getCommentAuthorsMap, readTemplateInstances } from '@dorfplatz/board'
import { testNote, writeTestComment } from '@dorfplatz/board/testing'
import { VOTER_HEADER } from '@dorfplatz/protocol'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { expect, openBoard, test } from './boardFixtures.ts'
import { connectBoardClient, readBoardDoc, writeBoardRecords } from './boardDoc.ts'
import { seriousViolations } from './boardMainMenu.ts'
import { screenshotPath, writeDocsExample } from './docsScreenshots.ts'

// The service worker would answer the PDF code from its cache, past the route that holds it back.
test.use({ serviceWorkers: 'block' })

const TITLE = 'Klausur Ortsgemeinderat Großbärenweiler'
const NOTE_TEXT = 'Dorfladen mit Café'

/** A4 landscape in PDF points. */
const A4_LANDSCAPE = { width: 842, height: 595 }

/** The PDF's pages are A4 landscape, within a point. */
function expectA4Landscape(pdf: PDFDocument): void {
  for (const pdfPage of pdf.getPages()) {
    expect(Math.abs(pdfPage.getWidth() - A4_LANDSCAPE.width)).toBeLessThanOrEqual(1)
    expect(Math.abs(pdfPage.getHeight() - A4_LANDSCAPE.height)).toBeLessThanOrEqual(1)
  }
}

/** The workshop's time zone: the server's default, by which the browser dates files and the PDF. */
const WORKSHOP_TIME_ZONE = 'Europe/Berlin'

/** A day as the browser names files (YYYY-MM-DD) and as the PDF's header writes it, in the workshop's time zone. */
function today(locale: 'de-DE' | 'en-GB', now = new Date()): { day: string; long: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: WORKSHOP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  return { day, long: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: WORKSHOP_TIME_ZONE }).format(now) }
}

/** The text a reader finds in a PDF, page by page, as poppler's pdftotext reads it, spaces and line breaks as one space. */
function pdfText(bytes: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-pdf-'))
  try {
    const file = path.join(dir, 'board.pdf')
    fs.writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    return text
      .split('\f')
      .slice(0, -1)
      .map((page) => page.replace(/\s+/g, ' ').trim())
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The lines of text drawn on a page of the PDF (pdf-lib writes them as hex strings in WinAnsi). */
function pageTexts(pdf: PDFDocument, page: PDFPage): string[] {
  const contents = page.node.get(PDFName.of('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents]
  const texts: string[] = []
  for (const ref of refs) {
    const stream = ref === undefined ? undefined : pdf.context.lookup(ref)
    if (!(stream instanceof PDFRawStream)) continue
    const compressed = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode')
    const operators = (compressed ? zlib.inflateSync(stream.contents) : Buffer.from(stream.contents)).toString('latin1')
    for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) texts.push(Buffer.from(match[1]!, 'hex').toString('latin1'))
  }
  return texts
}

/** A finished download's file name and bytes. */
async function savedFile(file: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) }
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const started = page.waitForEvent('download')
  await button.click()
  return savedFile(await started)
}

/** The picture drawn on a page of the PDF, as the PNG it was before pdf-lib stored its pixels. */
function pagePicture(pdf: PDFDocument, page: PDFPage): { width: number; height: number; png: Buffer } {
  const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict)
  if (!xObjects) throw new Error('the page has no pictures')
  for (const [, ref] of xObjects.entries()) {
    const stream = pdf.context.lookup(ref)
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue
    const width = stream.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber()
    const height = stream.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber()
    const rgb = zlib.inflateSync(stream.contents)
    expect(rgb.length).toBe(width * height * 3)
    return { width, height, png: encodeRgbPng(width, height, rgb) }
  }
  throw new Error('the page has no pictures')
}

function encodeRgbPng(width: number, height: number, rgb: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per channel
  header[9] = 2 // truecolour
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByTestId('main-menu.button').click()
  // One way to export: Dorfplatz's dialog, not tldraw's own "export all as" beside it.
  await expect(page.getByTestId('main-menu.dorfplatz-export')).toBeVisible()
  await expect(page.getByTestId('main-menu-sub.export-all-as-button')).toHaveCount(0)
  await page.getByTestId('main-menu.dorfplatz-export').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  return dialog
}

test('a facilitator downloads the board as PDF, SVG, PNG, board file and results report', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard(TITLE, { templates: ['priority-matrix', 'swot'] })
  const instances = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  expect(instances).toHaveLength(2)
  const matrix = instances.find((instance) => instance.templateId === 'priority-matrix')!
  // Written onto the matrix by a participant, on top of the templates.
  const note = testNote('export-dorfladen', NOTE_TEXT, { x: matrix.x + 260, y: matrix.y + 320, index: 'a9' })
  await writeBoardRecords(server.url, board.id, board.tokens.participant, [note])

  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  // The browser names files by its own calendar day, as this process does.
  const { day, long: date } = today('de-DE')
  const fileName = (extension: string, part?: string) => [TITLE, ...(part ? [part] : []), day].join(' – ') + `.${extension}`

  // -- The dialog, keyboard first -------------------------------------------------------------
  let dialog = await openExportDialog(page)
  await expect(dialog.getByRole('heading', { name: 'Exportieren' })).toBeVisible()
  await expect(dialog.getByTestId('export-pdf-create')).toHaveAccessibleDescription(/Je eine A4-Seite im Querformat für die 2 Vorlagen/)
  // Nothing is selected, so there is no choice of area.
  await expect(dialog.getByTestId('export-area')).toHaveCount(0)
  // What a facilitator hands over comes first: the focus starts on "PDF erstellen".
  await expect(dialog.getByTestId('export-pdf-create')).toBeFocused()
  expect(await seriousViolations(page, '[data-testid="export-dialog"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // The focus is back on the menu the dialog came from, not lost on the page.
  await expect(page.getByTestId('main-menu.button')).toBeFocused()

  // -- PDF: one A4-landscape page per template frame --------------------------------------------
  dialog = await openExportDialog(page)
  // The PDF's code arrives with the first PDF; held back here, the dialog shows its progress
  // and a way to cancel for as long as it likes.
  let releasePdfCode = () => {}
  const pdfCodeHeld = new Promise<void>((resolve) => (releasePdfCode = resolve))
  await page.route('**/assets/renderBoardPdf-*.js', async (route) => {
    await pdfCodeHeld
    await route.continue()
  })
  const pdfDownload = page.waitForEvent('download')
  await dialog.getByTestId('export-pdf-create').click()
  await expect(dialog.getByTestId('export-status')).toContainText('PDF wird vorbereitet …')
  const progress = dialog.getByTestId('export-pdf-progress')
  await expect(progress).toHaveAttribute('max', '2')
  await expect(progress).toHaveAccessibleName('Fortschritt der PDF-Erstellung')
  await expect(dialog.getByTestId('export-pdf-cancel')).toBeVisible()
  releasePdfCode()
  const pdfFile = await savedFile(await pdfDownload)
  expect(pdfFile.name).toBe(fileName('pdf'))
  await expect(progress).toHaveCount(0)
  await expect(dialog.getByTestId('export-pdf-cancel')).toHaveCount(0)
  await expect(dialog.getByTestId('export-status')).toContainText(`„${fileName('pdf')}“ wurde heruntergeladen.`)
  await expect(dialog.getByTestId('export-error')).toBeEmpty()
  // Kept beside the test's screenshots, to look at when something about it is wrong.
  fs.writeFileSync(testInfo.outputPath('board.pdf'), pdfFile.bytes)
  const pdf = await PDFDocument.load(pdfFile.bytes, { updateMetadata: false })
  expect(pdf.getPageCount()).toBe(2)
  expectA4Landscape(pdf)
  expect(pdf.getTitle()).toBe(TITLE)
  // Each page is headed by the board's title, its template's name and the date, in reading order,
  // and numbered at its foot; the texts on its picture lie between.
  const [first, second] = [pageTexts(pdf, pdf.getPage(0)), pageTexts(pdf, pdf.getPage(1))]
  expect(first.slice(0, 3)).toEqual([date, TITLE, 'Priorisierungsmatrix'])
  expect(first.at(-1)).toBe('Seite 1 von 2')
  expect(second.slice(0, 3)).toEqual([date, TITLE, 'SWOT-Analyse'])
  expect(second.at(-1)).toBe('Seite 2 von 2')
  // The note's text is text in the PDF, on its template's page only.
  const [matrixText, swotText] = pdfText(pdfFile.bytes)
  expect(matrixText).toContain(NOTE_TEXT)
  expect(swotText).not.toContain(NOTE_TEXT)
  // Sharp enough to print: the matrix fills most of the page's height at about 200 pixels per inch.
  const picture = pagePicture(pdf, pdf.getPage(0))
  expect(picture.height).toBeGreaterThan(1000)
  writeDocsExample('pdf-page-1.png', picture.png)
  await page.screenshot({ path: screenshotPath(testInfo, 'export-dialog.png') })

  // -- SVG of the whole page -----------------------------------------------------------------
  await dialog.getByTestId('export-format-svg').check()
  const svgFile = await download(page, dialog.getByTestId('export-image-download'))
  expect(svgFile.name).toBe(fileName('svg'))
  const svg = svgFile.bytes.toString('utf8')
  expect(svg).toMatch(/^<svg[\s>]/)
  expect(svg).toContain(NOTE_TEXT)

  // -- Board file: the live board as .tldr ---------------------------------------------------
  const tldrFile = await download(page, dialog.getByTestId('export-file-download'))
  expect(tldrFile.name).toBe(fileName('tldr'))
  const tldr = JSON.parse(tldrFile.bytes.toString('utf8')) as {
    tldrawFileFormatVersion: number
    records: Array<{ id: string; typeName: string; type?: string; props?: unknown }>
  }
  expect(tldr.tldrawFileFormatVersion).toBe(1)
  const savedNote = tldr.records.find((record) => record.id === note.id)
  expect(savedNote).toMatchObject({ typeName: 'shape', type: 'note' })
  expect(JSON.stringify(savedNote?.props)).toContain(NOTE_TEXT)

  // -- Results report, both formats ----------------------------------------------------------
  const markdown = await download(page, dialog.getByTestId('export-report-md'))
  expect(markdown.name).toBe(fileName('md', 'Ergebnisprotokoll'))
  expect(markdown.bytes.toString('utf8')).toContain(NOTE_TEXT)
  const csv = await download(page, dialog.getByTestId('export-report-csv'))
  expect(csv.name).toBe(fileName('csv', 'Ergebnisprotokoll'))
  expect(csv.bytes.toString('utf8')).toContain(NOTE_TEXT)
  await dialog.getByTestId('export-close').click()
  await expect(dialog).toBeHidden()

  // -- PNG of the selection --------------------------------------------------------------------
  await page.locator(`.tl-shape[data-shape-id="${note.id}"]`).click()
  dialog = await openExportDialog(page)
  await expect(dialog.getByTestId('export-area')).toBeVisible()
  await dialog.getByTestId('export-area-selection').check()
  await expect(dialog.getByTestId('export-format-png')).toBeChecked()
  const pngFile = await download(page, dialog.getByTestId('export-image-download'))
  expect(pngFile.name).toBe(fileName('png', 'Auswahl'))
  expect(pngFile.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  // One note at twice its size and a little room around it: far smaller than the whole board.
  const pngWidth = pngFile.bytes.readUInt32BE(16)
  expect(pngWidth).toBeGreaterThan(200)
  expect(pngWidth).toBeLessThan(1000)
})

test('a board without templates becomes one A4-landscape page with the whole board, its title and the date', async ({ page, server }) => {
  const board = await server.createBoard('Ideen für den Dorfplatz')
  // Far apart, so that a page showing only part of the board would miss one of them.
  const left = testNote('links', 'Boule-Platz', { x: 0, y: 0 })
  const right = testNote('rechts', 'Trinkbrunnen', { x: 2000, y: 400 })
  await writeBoardRecords(server.url, board.id, board.tokens.participant, [left, right])
  await openBoard(page, board.links.facilitator, 'Moderator Klein')
  const { day, long: date } = today('de-DE')

  const dialog = await openExportDialog(page)
  await expect(dialog.getByTestId('export-pdf-create')).toHaveAccessibleDescription(
    'Eine A4-Seite im Querformat mit allem, was auf dieser Seite des Boards steht, darüber Boardtitel und Datum, an jeder Notiz ihre Punkte und am Ende die Ergebnisse der Abstimmungen. Zum Drucken, Durchsuchen und Verschicken.',
  )
  const pdfFile = await download(page, dialog.getByTestId('export-pdf-create'))
  expect(pdfFile.name).toBe(`Ideen für den Dorfplatz – ${day}.pdf`)
  await expect(dialog.getByTestId('export-error')).toBeEmpty()
  const pdf = await PDFDocument.load(pdfFile.bytes, { updateMetadata: false })
  expect(pdf.getPageCount()).toBe(1)
  expectA4Landscape(pdf)
  expect(pdf.getTitle()).toBe('Ideen für den Dorfplatz')
  expect(pageTexts(pdf, pdf.getPage(0))).toEqual([date, 'Ideen für den Dorfplatz', 'Seite 1', 'Boule-Platz', 'Trinkbrunnen', 'Seite 1 von 1'])
  // The whole board: both notes with room around them, as wide as they lie apart (2200 × 600
  // board units, a picture about 3.5 times as wide as high), not one of them alone.
  const picture = pagePicture(pdf, pdf.getPage(0))
  expect(picture.width / picture.height).toBeGreaterThan(3)
  expect(picture.width / picture.height).toBeLessThan(4)
})

test('in English, the dialog and the results report it downloads speak English', async ({ page, server }) => {
  const board = await server.createBoard('Workshop Großbärenweiler', { templates: ['priority-matrix'] })
  const [matrix] = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  const note = testNote('bus', 'Bürgerbus am Samstag', { x: matrix!.x + 260, y: matrix!.y + 320, index: 'a9' })
  await writeBoardRecords(server.url, board.id, board.tokens.participant, [note])
  // Two threads on the note, one of them resolved, written by a participant without a name.
  const commenter = await connectBoardClient(server.url, board.id, board.tokens.participant)
  writeTestComment(commenter.doc, { noteId: note.id, thread: 'open', id: 'm1', text: 'Also on Sundays?', at: 1 })
  writeTestComment(commenter.doc, { noteId: note.id, resolved: true, thread: 'done', id: 'm2', text: 'Ask the driver', at: 2 })
  await expect.poll(async () => getCommentAuthorsMap(await readBoardDoc(server.url, board.id, board.tokens.viewer)).size).toBe(2)
  commenter.provider.destroy()
  await openBoard(page, board.links.facilitator, 'Facilitator Weber')
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const { day } = today('en-GB')

  await page.getByTestId('main-menu.button').click()
  await expect(page.getByTestId('main-menu.dorfplatz-export')).toHaveText('Export …')
  await page.getByTestId('main-menu.dorfplatz-export').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByRole('heading', { name: 'Export', exact: true })).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Results report' })).toBeVisible()

  const markdown = await download(page, dialog.getByTestId('export-report-md'))
  expect(markdown.name).toBe(`Workshop Großbärenweiler – Results report – ${day}.md`)
  await expect(dialog.getByTestId('export-status')).toHaveText(`“${markdown.name}” has been downloaded.`)
  const text = markdown.bytes.toString('utf8')
  expect(text).toMatch(/^# Results report: Workshop Großbärenweiler\n/)
  expect(text).toContain('\n## Voting rounds\n')
  expect(text).toContain('\n## Priority matrix\n')
  expect(text).toContain('\n### Quick wins\n\n| Rank | Note | Dots |\n|---:|---|---:|\n| 1 | Bürgerbus am Samstag | 0 |\n')
  expect(text).not.toMatch(/Ergebnisprotokoll|Priorisierungsmatrix|Schnelle Erfolge/)
  expect(text).toContain('**Comments on “Bürgerbus am Samstag”**')
  expect(text).toContain('Also on Sundays?')
  expect(text).toContain('_(resolved)_ Unknown')

  // Resolved comments can be left out.
  await dialog.getByRole('checkbox', { name: 'Leave out resolved comments' }).check()
  const csv = await download(page, dialog.getByTestId('export-report-csv'))
  expect(csv.name).toBe(`Workshop Großbärenweiler – Results report – ${day}.csv`)
  const rows = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  expect(rows[0]).toBe('"Template";"Field";"Rank";"Note";"Dots in total";"Comments"')
  expect(rows).toContain('"Priority matrix";"Quick wins";"1";"Bürgerbus am Samstag";"0";"Unknown: Also on Sundays?"')
})

/** Opens a voting round over the whole board, places `dots` (one voter per entry, each a list of note ids) and reveals it. */
async function runRound(serverUrl: string, boardId: string, token: string, title: string, dots: string[][]): Promise<void> {
  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${serverUrl}/api/boards/${boardId}${route}`, {
      method: 'POST',
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${token}`, ...init.headers },
    })
  const opened = await api('/rounds', { body: JSON.stringify({ title, dotsPerPerson: 3, scope: { kind: 'all' } }) })
  expect(opened.status).toBe(201)
  const { round } = (await opened.json()) as { round: { id: string } }
  for (const [index, shapeIds] of dots.entries()) {
    for (const shapeId of shapeIds) {
      const placed = await api(`/rounds/${round.id}/ballot`, {
        body: JSON.stringify({ shapeId, delta: 1 }),
        headers: { [VOTER_HEADER]: String.fromCharCode(97 + index).repeat(43) },
      })
      expect(placed.status).toBe(200)
    }
  }
  expect((await api(`/rounds/${round.id}/reveal`)).status).toBe(200)
}

test('the PDF holds the notes’ texts and their dots as text, ranked as in the results report, dated in the workshop’s time zone', async ({
  server,
  newBrowser,
}, testInfo) => {
  testInfo.setTimeout(90_000)
  const board = await server.createBoard('Digitalstrategie Verbandsgemeinde', { templates: ['priority-matrix'] })
  const [matrix] = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  const inZone = (zoneId: string, dx = 0) => {
    const centre = zoneCentre(getTemplate('priority-matrix').zones.find((zone) => zone.id === zoneId)!.area)
    return { x: matrix!.x + centre.x - 100 + dx, y: matrix!.y + centre.y - 100 }
  }
  const glasfaser = testNote('glasfaser', 'Glasfaser für alle Ortsteile', { ...inZone('grosse-vorhaben'), index: 'a5' })
  const dorfapp = testNote('dorfapp', 'Dorf-App für Vereine', { ...inZone('schnelle-erfolge', -120), index: 'a6' })
  const buergerbus = testNote('buergerbus', 'Bürgerbus am Samstag', { ...inZone('schnelle-erfolge', 120), index: 'a7' })
  await writeBoardRecords(server.url, board.id, board.tokens.participant, [glasfaser, dorfapp, buergerbus])
  // A tie: Glasfaser and Dorf-App both get two dots, Bürgerbus one.
  await runRound(server.url, board.id, board.tokens.facilitator, 'Was packen wir zuerst an?', [
    [glasfaser.id, dorfapp.id],
    [glasfaser.id, dorfapp.id, buergerbus.id],
  ])

  // A laptop whose clock runs in another time zone: at 20:00 UTC on 25 November it is already
  // the 26th there, but still the 25th in the workshop's Berlin.
  const context = await newBrowser({ timezoneId: 'Pacific/Kiritimati' })
  const page = await context.newPage()
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const dialog = await openExportDialog(page)
  const moment = new Date(Date.UTC(2026, 10, 25, 20, 0))
  await page.clock.setFixedTime(moment)
  const pdfFile = await download(page, dialog.getByTestId('export-pdf-create'))
  await expect(dialog.getByTestId('export-error')).toBeEmpty()
  fs.writeFileSync(testInfo.outputPath('results.pdf'), pdfFile.bytes)
  expect(pdfFile.name).toBe('Digitalstrategie Verbandsgemeinde – 2026-11-25.pdf')

  const pages = pdfText(pdfFile.bytes)
  // The matrix, then the round's results.
  expect(pages).toHaveLength(2)
  const [board1, results] = pages as [string, string]
  expect(board1).toContain('25. November 2026')
  for (const text of ['Glasfaser für alle Ortsteile', 'Dorf-App für Vereine', 'Bürgerbus am Samstag', 'Schnelle Erfolge', 'Große Vorhaben']) {
    expect(board1).toContain(text)
  }
  // Each note's dots, as the badges on the picture write them (the foot, "Seite 1 von 2", aside).
  expect(board1).toMatch(/ Seite 1 von 2$/)
  const words = board1.replace(/ Seite 1 von 2$/, '').split(' ')
  expect(words.filter((word) => word === '2')).toHaveLength(2)
  expect(words.filter((word) => word === '1')).toHaveLength(1)
  expect(results).toContain('Ergebnis: Was packen wir zuerst an?')
  expect(results).toContain('5 Punkte von 2 Personen')
  expect(results).toMatch(/1\. (Glasfaser für alle Ortsteile|Dorf-App für Vereine) 2 Punkte 1\. (Glasfaser für alle Ortsteile|Dorf-App für Vereine) 2 Punkte 3\. Bürgerbus am Samstag 1 Punkt/)
  expect(results).toContain('Seite 2 von 2')

  // The Ergebnisprotokoll ranks the round alike: 1, 1, 3.
  const report = await fetch(`${server.url}/api/boards/${board.id}/report.md`, {
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
  })
  const markdown = await report.text()
  const round = markdown.slice(markdown.indexOf('### Was packen wir zuerst an?'), markdown.indexOf('## Priorisierungsmatrix'))
  expect(round).toMatch(/\| 1 \| (Glasfaser für alle Ortsteile|Dorf-App für Vereine) \| 2 \|\n\| 1 \| (Glasfaser für alle Ortsteile|Dorf-App für Vereine) \| 2 \|\n\| 3 \| Bürgerbus am Samstag \| 1 \|/)
})
