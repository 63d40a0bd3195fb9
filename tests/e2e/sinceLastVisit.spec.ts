/**
 * "Seit Ihrem letzten Besuch": a returning participant sees what others added and changed while
 * away, not their own offline edits, can jump to each change, and dismiss the lot for good.
 */
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'
import { seriousViolations } from './boardMainMenu.ts'
import { closeTabOnceStored } from './browserCopy.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { addNote, noteWithText } from './notes.ts'

async function dragNote(page: Page, text: string, by: { x: number; y: number }): Promise<void> {
  const box = await noteWithText(page, text).boundingBox()
  if (!box) throw new Error(`note "${text}" is not on screen`)
  const start = { x: box.x + box.width / 2, y: box.y + box.height - 12 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 4 })
  await page.mouse.move(start.x + by.x, start.y + by.y, { steps: 4 })
  await page.mouse.up()
}

async function deleteNote(page: Page, text: string): Promise<void> {
  const box = await noteWithText(page, text).boundingBox()
  if (!box) throw new Error(`note "${text}" is not on screen`)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 12)
  await page.keyboard.press('Delete')
  await expect(noteWithText(page, text)).toHaveCount(0)
}

test('a returning participant sees what others changed while away, and can dismiss it', async ({
  server,
  newBrowser,
}, testInfo) => {
  const board = await server.createBoard('Strategie Musterdorf')
  const facilitator = await (await newBrowser()).newPage()
  const mayorContext = await newBrowser()
  let mayor = await mayorContext.newPage()
  await openBoard(facilitator, board.links.facilitator, 'Anna Moderation')
  await addNote(facilitator, 'Breitband für alle', { x: 300, y: 250 })
  await addNote(facilitator, 'Wird verworfen', { x: 550, y: 250 })
  await openBoard(mayor, board.links.participant, 'Bernd Bürgermeister')
  await expect(noteWithText(mayor, 'Wird verworfen')).toBeVisible()
  // A first visit has nothing to compare with.
  await expect(mayor.getByTestId('visit-panel')).toHaveCount(0)

  // The mayor writes a note offline and closes the tab; the facilitator works on meanwhile.
  await mayor.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null)
  await mayorContext.setOffline(true)
  await expect(mayor.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline')
  await addNote(mayor, 'Meine eigene Notiz', { x: 300, y: 550 })
  await expect(noteWithText(mayor, 'Meine eigene Notiz')).toBeVisible()
  await closeTabOnceStored(mayor, board.id, 'Meine eigene Notiz')

  await addNote(facilitator, 'Dorf-App ausschreiben', { x: 800, y: 250 })
  await addNote(facilitator, 'Mitfahrbank aufstellen', { x: 800, y: 550 })
  await dragNote(facilitator, 'Breitband für alle', { x: 0, y: 120 })
  await deleteNote(facilitator, 'Wird verworfen')

  // Still offline, the mayor opens the board again and writes one more note before the network
  // returns: the visit's first sync brings the facilitator's changes, and neither own note is marked.
  mayor = await mayorContext.newPage()
  await mayor.goto(board.links.participant)
  await expect(mayor.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline')
  await addNote(mayor, 'Noch eine eigene', { x: 560, y: 130 })
  await expect(noteWithText(mayor, 'Noch eine eigene')).toBeVisible()
  await mayorContext.setOffline(false)
  await expect(mayor.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  const panel = mayor.getByTestId('visit-panel')
  await expect(panel).toBeVisible()
  await expect(mayor.getByTestId('visit-summary')).toHaveText('2 neu · 1 geändert · 1 entfernt')
  await expect(mayor.getByTestId('visit-announcement')).toHaveText('Seit Ihrem letzten Besuch: 2 neu · 1 geändert · 1 entfernt')
  const items = mayor.getByTestId('visit-item')
  await expect(items).toHaveCount(3)
  await expect(items.filter({ hasText: 'Dorf-App ausschreiben' })).toHaveAttribute('data-kind', 'added')
  await expect(items.filter({ hasText: 'Mitfahrbank aufstellen' })).toHaveAttribute('data-kind', 'added')
  await expect(items.filter({ hasText: 'Breitband für alle' })).toHaveAttribute('data-kind', 'changed')
  await expect(panel).not.toContainText('Meine eigene Notiz')
  await expect(panel).not.toContainText('Noch eine eigene')
  await expect(mayor.getByTestId('visit-ring')).toHaveCount(3)
  expect((await seriousViolations(mayor, '[data-testid="visit-panel"]')).map((violation) => violation.id)).toEqual([])
  await expect(noteWithText(facilitator, 'Meine eigene Notiz')).toHaveCount(1)
  await expect(noteWithText(facilitator, 'Noch eine eigene')).toHaveCount(1)
  await mayor.keyboard.press('Escape')
  await mayor.screenshot({ path: screenshotPath(testInfo, 'since-last-visit.png') })

  // Each entry leads to its note: the camera centres on it.
  const target = items.filter({ hasText: 'Mitfahrbank aufstellen' })
  const shapeId = await target.getAttribute('data-shape-id')
  await target.getByRole('button').click()
  await expect
    .poll(async () =>
      mayor.evaluate((id) => {
        const ring = document.querySelector(`[data-testid="visit-ring"][data-shape-id="${id}"]`)
        if (!ring) return Number.POSITIVE_INFINITY
        const box = ring.getBoundingClientRect()
        return Math.hypot(box.x + box.width / 2 - window.innerWidth / 2, box.y + box.height / 2 - window.innerHeight / 2)
      }, shapeId),
    )
    .toBeLessThan(40)

  // Dismissed, the marks are gone, also after a reload.
  await mayor.getByTestId('visit-dismiss').click()
  await expect(panel).toHaveCount(0)
  await expect(mayor.getByTestId('visit-ring')).toHaveCount(0)
  await mayor.reload()
  await expect(mayor.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(noteWithText(mayor, 'Mitfahrbank aufstellen')).toBeVisible()
  await expect(mayor.getByTestId('visit-panel')).toHaveCount(0)
})

test('on a phone the list starts folded, and the view takes in what arrived since', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Dorfentwicklung Musterdorf')
  const facilitator = await (await newBrowser()).newPage()
  await openBoard(facilitator, board.links.facilitator, 'Moderatorin Weber')
  const phoneContext = await newBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  let phone = await phoneContext.newPage()
  await openBoard(phone, board.links.participant, 'Bürgermeister Schulz')
  await phone.close()
  await addNote(facilitator, 'Neue Idee vom Team', { x: 900, y: 600 })
  await expect(noteWithText(facilitator, 'Neue Idee vom Team')).toBeVisible()

  // The phone's copy was empty, so it opened on nothing; once synced, the view includes the note.
  phone = await phoneContext.newPage()
  await phone.goto(board.links.participant)
  const toggle = phone.getByTestId('visit-toggle')
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(toggle).toHaveText('Zeigen (1)')
  await expect(phone.getByTestId('visit-ring')).toHaveCount(1)
  await expect(noteWithText(phone, 'Neue Idee vom Team')).toBeInViewport()
  await toggle.tap()
  await expect(phone.getByTestId('visit-item')).toHaveText(/Neue Idee vom Team/)

  // Offline, the phone's top bar says so in one word; the rest is for screen readers.
  await phoneContext.setOffline(true)
  await expect(phone.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline')
  await expect(phone.locator('.connection__detail')).toHaveCSS('clip', 'rect(0px, 0px, 0px, 0px)')
})
