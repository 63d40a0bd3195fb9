/**
 * Deleting a board in the browser: the facilitator picks "Board löschen …" in the board's menu,
 * the dialog names the board, "Abbrechen" changes nothing, and after the confirmation the
 * facilitator's and a participant's page both say the board is gone and drop their local copies.
 */
import { testNote } from '@dorfplatz/board/testing'
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'
import { writeBoardRecords } from './boardDoc.ts'
import { openMainMenuItem, seriousViolations } from './boardMainMenu.ts'
import { expectInBrowserCopy } from './browserCopy.ts'

/** Whether the browser still keeps a copy of the board in IndexedDB. */
const hasBrowserCopy = (page: Page, boardId: string) =>
  page.evaluate(async (name) => (await indexedDB.databases()).some((db) => db.name === name), `dorfplatz-board-${boardId}`)

test('a facilitator deletes a board after a confirmation naming it, and every open page lets go of it', async ({ page, server, newBrowser }) => {
  const board = await server.createBoard('Dorfladen Musterhausen')
  await writeBoardRecords(server.url, board.id, board.tokens.participant, [testNote('laden', 'Dorfladen mit Café', { x: 100, y: 100 })])
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const participant = await (await newBrowser()).newPage()
  await openBoard(participant, board.links.participant, 'Herr Schmitt')
  await expectInBrowserCopy(participant, board.id, 'Dorfladen mit Café')

  await openMainMenuItem(page, 'dorfplatz-delete')
  const dialog = page.getByTestId('delete-board-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('„Dorfladen Musterhausen“')
  expect(await seriousViolations(page, '[data-testid="delete-board-dialog"]')).toEqual([])
  await dialog.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(dialog).toBeHidden()
  const stillThere = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
  expect(stillThere.status).toBe(200)

  await openMainMenuItem(page, 'dorfplatz-delete')
  await page.getByTestId('delete-board-submit').click()
  for (const open of [page, participant]) await expect(open.getByText('Dieses Board gibt es nicht (mehr).')).toBeVisible()
  await expect.poll(() => hasBrowserCopy(participant, board.id)).toBe(false)
  await expect.poll(() => hasBrowserCopy(page, board.id)).toBe(false)
  const gone = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
  expect(gone.status).toBe(401)
})
