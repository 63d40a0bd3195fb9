/**
 * Hiding cursors in real Chromium: the facilitator hides participants' cursors for everyone (the
 * server stops relaying them) and shows them again; each person hides the others' cursors on
 * their own, and the browser remembers it.
 */
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'

/** Moves the mouse across the middle of the canvas, as a person pointing at something does. */
async function wave(page: Page): Promise<void> {
  for (const x of [560, 600, 640, 680, 720]) await page.mouse.move(x, 420)
}

/** Picks a switch of the main menu (top left), as a person does. */
async function mainMenuSwitch(page: Page, name: string): Promise<void> {
  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitemcheckbox', { name }).click()
  await page.keyboard.press('Escape')
}

/** The cursor of `name` as another person's board shows it. */
const cursorOf = (page: Page, name: string) => page.locator('.tl-collaborator__cursor').filter({ hasText: name })

test('the facilitator hides participants’ cursors for everyone, and each person the others’ for themselves', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Cursor', { templates: ['swot'], locale: 'de' })
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const mayor = await (await newBrowser()).newPage()
  await openBoard(mayor, board.links.participant, 'Bürgermeister Schmitt')
  const watcher = await (await newBrowser()).newPage()
  await openBoard(watcher, board.links.participant, 'Bürgermeisterin Jung')

  // Everyone sees the others' cursors at first.
  await wave(mayor)
  await expect(cursorOf(watcher, 'Bürgermeister Schmitt')).toBeVisible()

  // -- For everyone -------------------------------------------------------------------------
  await mainMenuSwitch(page, 'Cursor der Teilnehmenden für alle ausblenden')
  await expect(cursorOf(watcher, 'Bürgermeister Schmitt')).toHaveCount(0)
  await wave(mayor)
  // The facilitator's cursor still arrives, so the watcher has heard from the board since.
  await wave(page)
  await expect(cursorOf(watcher, 'Moderatorin Weber')).toBeVisible()
  await expect(cursorOf(watcher, 'Bürgermeister Schmitt')).toHaveCount(0)
  await expect(cursorOf(page, 'Bürgermeister Schmitt')).toHaveCount(0)

  // Shown again: the mayor's next move brings his cursor back.
  await mainMenuSwitch(page, 'Cursor der Teilnehmenden für alle ausblenden')
  await wave(mayor)
  await expect(cursorOf(watcher, 'Bürgermeister Schmitt')).toBeVisible()

  // -- For oneself --------------------------------------------------------------------------
  await mainMenuSwitch(watcher, 'Cursor der anderen ausblenden')
  await expect(cursorOf(watcher, 'Bürgermeister Schmitt')).toHaveCount(0)
  await wave(page)
  await wave(mayor)
  await expect(cursorOf(watcher, 'Moderatorin Weber')).toHaveCount(0)
  // Only for this browser: the mayor still sees the facilitator.
  await expect(cursorOf(mayor, 'Moderatorin Weber')).toBeVisible()
  // Remembered after a reload.
  await watcher.reload()
  await expect(watcher.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await wave(page)
  await wave(mayor)
  await expect(cursorOf(mayor, 'Moderatorin Weber')).toBeVisible()
  await expect(watcher.locator('.tl-collaborator__cursor')).toHaveCount(0)
})
