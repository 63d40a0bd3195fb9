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

const noteWithText = (page: Page, text: string) => page.locator('.tl-shape[data-shape-type="note"]', { hasText: text })

/** Writes one note through the open sheet and waits until it is on the board. */
async function addNote(phone: Page, text: string): Promise<void> {
  const sheet = phone.getByTestId('quick-note-sheet')
  await expect(sheet.getByTestId('quick-note-text')).toBeFocused()
  await sheet.getByTestId('quick-note-text').fill(text)
  await expect(sheet.getByTestId('quick-note-target')).toHaveText('Kommt nach: SWOT-Analyse › Stärken')
  await sheet.getByTestId('quick-note-submit').tap()
  await expect(sheet).toBeHidden()
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText('Angeheftet: SWOT-Analyse › Stärken')
  // The phone's view went to the new note.
  await expect(noteWithText(phone, text)).toBeInViewport()
}

test('a participant writes two notes into a SWOT zone from a phone', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Dorfentwicklung Musterhausen', { templates: ['swot'], locale: 'de' })
  const instance = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!

  await page.setViewportSize({ width: 1280, height: 800 })
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')

  const phone = await (await newBrowser(PHONE)).newPage()
  await openBoard(phone, board.links.participant, 'Bürgermeister Schmitt')

  // -- The first note: the place is chosen once ---------------------------------------------
  const open = phone.getByTestId('quick-note-open')
  await expect(open).toHaveText('Notiz schreiben')
  const openBox = await open.boundingBox()
  expect(openBox!.height).toBeGreaterThanOrEqual(44)
  // Within a thumb's reach: in the lower part of the screen.
  expect(openBox!.y).toBeGreaterThan(844 / 2)
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
  await expect(sheet.getByTestId('quick-note-target')).toHaveText('Kommt nach: SWOT-Analyse › Stärken')
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
  await expect(phone.getByTestId('quick-note-confirmation')).toHaveText('Angeheftet: SWOT-Analyse › Stärken')
  await expect(noteWithText(phone, 'Bürgerbus am Samstag')).toBeInViewport()
  await phone.screenshot({ path: testInfo.outputPath('phone-note-added.png') })

  // -- The next note goes to the same zone by default ---------------------------------------
  await expect(open).toHaveText('Weitere Notiz')
  await open.tap()
  await expect(strengths).toBeChecked()
  await addNote(phone, 'Glasfaser für alle Ortsteile')

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
    '### Stärken\n\n| Rang | Notiz | Punkte |\n|---:|---|---:|\n| 1 | Bürgerbus am Samstag | 0 |\n| 2 | Glasfaser für alle Ortsteile | 0 |\n\n### Schwächen',
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
  await expect(phone.getByTestId('quick-note-open')).toHaveCount(0)
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
