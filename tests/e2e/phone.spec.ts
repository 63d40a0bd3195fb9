/**
 * "Notiz schreiben" on a phone: a participant on a narrow touch screen writes notes into a
 * chosen template zone through the sheet, with taps only; the facilitator sees them, the
 * results report files them under that zone, and guests and desktop browsers get no button.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readBoardRecords, readTemplateInstances, richTextToPlain } from '@dorfplatz/board'
import type { CreatedBoard } from '@dorfplatz/protocol'
import type { TLNoteShape } from '@tldraw/tlschema'
import { expect, openBoard, test, type DorfplatzServer } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { noteWithText } from './notes.ts'

/** A phone held upright, as the participants in the room have them. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'de-DE',
}

async function setFreeze(server: DorfplatzServer, board: CreatedBoard, frozen: boolean): Promise<void> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/freeze`, {
    method: frozen ? 'PUT' : 'DELETE',
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Moderatorin Weber' }),
  })
  expect(response.ok).toBe(true)
}

const STRENGTHS_ADDED = 'In „Stärken“ (SWOT-Analyse) angeheftet'

/** Writes one note into SWOT › Stärken through the open sheet and waits until it is on the board. */
async function writeNoteInSheet(phone: Page, text: string): Promise<void> {
  const sheet = phone.getByTestId('quick-note-sheet')
  await expect(sheet.getByTestId('quick-note-text')).toBeFocused()
  await sheet.getByTestId('quick-note-text').fill(text)
  await expect(sheet.getByTestId('quick-note-target')).toHaveText('Ziel: SWOT-Analyse › Stärken')
  await sheet.getByTestId('quick-note-submit').tap()
  await expect(sheet).toBeHidden()
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText(STRENGTHS_ADDED)
  // The phone's view went to the new note.
  await expect(noteWithText(phone, text)).toBeInViewport()
}

/** The results report's list of notes under the zone headed `zone`, as Markdown. */
async function reportSection(server: DorfplatzServer, board: CreatedBoard, zone: string): Promise<string> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/report.md`, {
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
  })
  expect(response.status).toBe(200)
  const report = await response.text()
  const start = report.indexOf(`### ${zone}\n`)
  expect(start, report).toBeGreaterThanOrEqual(0)
  const end = report.indexOf('\n#', start + 1)
  return report.slice(start, end === -1 ? undefined : end)
}

test('a participant writes two notes into a SWOT zone from a phone', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Dorfentwicklung Musterhausen', { templates: ['swot'], locale: 'de' })
  const instance = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!

  await page.setViewportSize({ width: 1280, height: 800 })
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')

  const phone = await (await newBrowser(PHONE)).newPage()
  // A phone has no mouse pointer, and the name dialog does not speak of one.
  await phone.goto(board.links.participant)
  await expect(phone.getByTestId('name-dialog')).toContainText('zeigen den anderen, wo Sie auf dem Board arbeiten')
  await expect(phone.getByTestId('name-dialog')).not.toContainText('Mauszeiger')
  await openBoard(phone, board.links.participant, 'Bürgermeister Schmitt')

  // -- The first note: the place is chosen once ---------------------------------------------
  const open = phone.getByTestId('quick-note-open')
  await expect(open).toHaveText('Notiz schreiben')
  const openBox = await open.boundingBox()
  expect(openBox!.height).toBeGreaterThanOrEqual(44)
  // Within a thumb's reach: in the lower part of the screen.
  expect(openBox!.y).toBeGreaterThan(844 / 2)
  // The facilitator's banners (summon, follow-me) would show above the button, not over it.
  const banners = phone.locator('.session-banners')
  await expect(banners).toHaveCSS('bottom', '180px')
  await open.tap()
  const sheet = phone.getByTestId('quick-note-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet.getByTestId('quick-note-text')).toBeFocused()
  // No place is taken for granted on the first note; each zone of the SWOT, then the free space.
  const swot = sheet.getByRole('group', { name: 'SWOT-Analyse' })
  await expect(swot.getByRole('radio')).toHaveCount(4)
  await expect(sheet.getByRole('radio', { checked: true, name: /Stärken|Schwächen|Chancen|Risiken|Freie Fläche/ })).toHaveCount(0)
  await sheet.getByTestId('quick-note-text').fill('Bürgerbus am Samstag')
  await sheet.getByTestId('quick-note-submit').tap()
  await expect(sheet.getByTestId('quick-note-place-error')).toHaveText('Bitte wählen Sie, wohin die Notiz kommt.')
  await expect(sheet).toBeVisible()

  const strengths = swot.getByRole('radio', { name: /^Stärken/ })
  const strengthsOption = swot.locator('label').filter({ hasText: /^Stärken/ })
  await strengthsOption.tap()
  await expect(strengths).toBeChecked()
  await expect(sheet.getByTestId('quick-note-target')).toHaveText('Ziel: SWOT-Analyse › Stärken')
  const placeBox = await strengthsOption.boundingBox()
  expect(placeBox!.height).toBeGreaterThanOrEqual(44)
  const violations = await new AxeBuilder({ page: phone }).include('[data-testid="quick-note-sheet"]').analyze()
  expect(
    violations.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id),
  ).toEqual([])
  await sheet.getByTestId('quick-note-text').focus()
  await phone.screenshot({ path: screenshotPath(testInfo, 'phone-note.png') })
  await sheet.getByTestId('quick-note-submit').tap()
  await expect(sheet).toBeHidden()
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText(STRENGTHS_ADDED)
  await expect(banners).toHaveCSS('bottom', '232px')
  await expect(noteWithText(phone, 'Bürgerbus am Samstag')).toBeInViewport()
  await phone.screenshot({ path: testInfo.outputPath('phone-note-added.png') })

  // -- The next note goes to the same zone by default ---------------------------------------
  await expect(open).toHaveText('Weitere Notiz')
  await open.tap()
  await expect(strengths).toBeChecked()
  await writeNoteInSheet(phone, 'Glasfaser für alle Ortsteile')

  // -- The facilitator sees both ------------------------------------------------------------
  await expect(noteWithText(page, 'Bürgerbus am Samstag')).toBeVisible()
  await expect(noteWithText(page, 'Glasfaser für alle Ortsteile')).toBeVisible()
  await expect(page.getByTestId('quick-note-open')).toHaveCount(0)

  // Side by side, not on top of each other.
  const records = readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  const notes = [...records.values()].filter(
    (record): record is TLNoteShape => (record as TLNoteShape).typeName === 'shape' && (record as TLNoteShape).type === 'note',
  )
  expect(notes.map((note) => richTextToPlain(note.props.richText)).sort()).toEqual(['Bürgerbus am Samstag', 'Glasfaser für alle Ortsteile'])
  const [a, b] = notes as [TLNoteShape, TLNoteShape]
  expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 200).toBe(true)

  // -- The results report files them under Stärken -------------------------------------------
  const report = await fetch(`${server.url}/api/boards/${board.id}/report.md`, {
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
  })
  expect(report.status).toBe(200)
  expect(await report.text()).toContain(
    '### Stärken\n\n| Rang | Notiz | Punkte |\n|---:|---|---:|\n| 1 | Bürgerbus am Samstag | 0 |\n| 1 | Glasfaser für alle Ortsteile | 0 |\n\n_Ohne Notizen: Schwächen, Chancen, Risiken._',
  )

  // -- The place is remembered in this browser ------------------------------------------------
  await phone.reload()
  await expect(phone.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await phone.getByTestId('quick-note-open').tap()
  await expect(phone.getByTestId('quick-note-place').and(phone.locator(`[data-place="${instance.instanceId}/staerken"]`))).toBeChecked()
  await phone.getByTestId('quick-note-close').tap()
  await expect(sheet).toBeHidden()

  // -- Not while the board is frozen ---------------------------------------------------------
  await setFreeze(server, board, true)
  await expect(phone.getByTestId('freeze-banner')).toBeVisible()
  await expect(phone.getByTestId('quick-note-open')).toBeHidden()
  await setFreeze(server, board, false)
  await expect(phone.getByTestId('quick-note-open')).toBeVisible()
})

test('a guest on a phone gets no note button', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Gemeinderat Musterhausen', { templates: ['swot'], locale: 'de' })
  const phone = await (await newBrowser(PHONE)).newPage()
  await openBoard(phone, board.links.participant, 'Bürgermeisterin Jung')
  // The same phone as a participant has it: the button's absence below is the role's doing.
  await expect(phone.getByTestId('quick-note-open')).toBeVisible()

  const guest = await (await newBrowser(PHONE)).newPage()
  await guest.goto(board.links.viewer)
  await expect(guest.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(guest.locator('.tl-shape[data-shape-type="frame"]')).toBeVisible()
  await expect(guest.getByTestId('quick-note-open')).toHaveCount(0)
})

test('the board is frozen while a participant writes: the text waits in the sheet until it is released', async ({ page, server, newBrowser }) => {
  const board = await server.createBoard('Dorfentwicklung Musterhausen', { templates: ['swot'], locale: 'de' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const phone = await (await newBrowser(PHONE)).newPage()
  await openBoard(phone, board.links.participant, 'Bürgermeister Schmitt')

  const open = phone.getByTestId('quick-note-open')
  await open.tap()
  const sheet = phone.getByTestId('quick-note-sheet')
  const text = sheet.getByTestId('quick-note-text')
  await text.fill('Dorfladen mit Café')
  await expect(sheet.getByTestId('quick-note-count')).toHaveText('Noch 262 Zeichen')
  // Closed by mistake: the text is still there when the sheet opens again.
  await sheet.getByTestId('quick-note-close').tap()
  await expect(sheet).toBeHidden()
  await open.tap()
  await expect(text).toHaveValue('Dorfladen mit Café')
  await sheet.getByRole('group', { name: 'SWOT-Analyse' }).locator('label').filter({ hasText: /^Stärken/ }).tap()

  const notice = sheet.getByTestId('quick-note-readonly')
  // The notice's live region is there before it has anything to say.
  await expect(notice).toHaveAttribute('role', 'status')
  await expect(notice).toHaveText('')
  await setFreeze(server, board, true)
  await expect(notice).toHaveText('Das Board ist gerade angehalten. Ihr Text bleibt hier, bis die Moderation es wieder freigibt.')
  const submit = sheet.getByTestId('quick-note-submit')
  await expect(submit).toHaveAttribute('aria-disabled', 'true')
  // Playwright waits for an aria-disabled button to become enabled; a person taps it anyway.
  await submit.tap({ force: true })
  await expect(sheet).toBeVisible()
  await expect(text).toHaveValue('Dorfladen mit Café')
  await expect(noteWithText(page, 'Dorfladen mit Café')).toHaveCount(0)

  await setFreeze(server, board, false)
  await expect(notice).toHaveText('')
  await expect(submit).toHaveAttribute('aria-disabled', 'false')
  await submit.tap()
  await expect(sheet).toBeHidden()
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText(STRENGTHS_ADDED)
  // The focus is back on the button that opened the sheet, which stayed on the page during the freeze.
  await expect(open).toBeFocused()
  await expect(noteWithText(page, 'Dorfladen mit Café')).toBeVisible()
  expect(await reportSection(server, board, 'Stärken')).toContain('| 1 | Dorfladen mit Café | 0 |')
  // The next note starts empty.
  await open.tap()
  await expect(text).toHaveValue('')
})

test('a long note goes where the report files it under its zone', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Dorfentwicklung Musterhausen', { templates: ['swot'], locale: 'de' })
  const phone = await (await newBrowser(PHONE)).newPage()
  await openBoard(phone, board.links.participant, 'Bürgermeister Schmitt')
  const open = phone.getByTestId('quick-note-open')
  const sheet = phone.getByTestId('quick-note-sheet')

  // Three short notes fill the first row of Stärken, so the next one goes lower down.
  await open.tap()
  await sheet.getByTestId('quick-note-text').fill('Vereinsleben')
  await sheet.getByRole('group', { name: 'SWOT-Analyse' }).locator('label').filter({ hasText: /^Stärken/ }).tap()
  await sheet.getByTestId('quick-note-submit').tap()
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText(STRENGTHS_ADDED)
  for (const text of ['Schule im Ort', 'Engagierte Feuerwehr']) {
    await open.tap()
    await writeNoteInSheet(phone, text)
  }

  // 250 characters: tldraw makes the note over 700 high, taller than the quadrant (600).
  const long = `Wir wünschen uns einen Treffpunkt für alle Generationen im alten Pfarrhaus, mit Café, Bücherei und Werkstatt. ${'Offen auch am Abend und am Wochenende, getragen von Vereinen und Ehrenamt. '.repeat(2)}`.slice(0, 250)
  expect(long).toHaveLength(250)
  await open.tap()
  await sheet.getByTestId('quick-note-text').fill(long)
  await expect(sheet.getByTestId('quick-note-count')).toHaveText('Noch 30 Zeichen')
  await sheet.getByTestId('quick-note-submit').tap()
  await expect(sheet).toBeHidden()
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText(STRENGTHS_ADDED)
  await expect(noteWithText(phone, long.slice(0, 40))).toBeVisible()

  await expect.poll(async () => reportSection(server, board, 'Stärken')).toContain(`| 1 | ${long.trim()} | 0 |`)
})
