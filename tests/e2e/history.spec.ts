/**
 * The board's history (Verlauf) as a facilitator and a participant use it: a participant deletes
 * a note by mistake, the facilitator finds it in the history under the participant's name and
 * brings it back, and nothing else on the board changes; shared, the participant reads the
 * history without anyone's name.
 */
import { expect, openBoard, test } from './boardFixtures.ts'
import { openMainMenuItem, seriousViolations } from './boardMainMenu.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { addNote, noteWithText } from './notes.ts'

test('a facilitator brings back a note a participant deleted, from the history, without touching the rest', async ({ server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Dorfentwicklung Musterdorf')
  const facilitator = await (await newBrowser()).newPage()
  const mayor = await (await newBrowser()).newPage()
  await openBoard(facilitator, board.links.facilitator, 'Anna Moderation')
  await openBoard(mayor, board.links.participant, 'Herr Klein')

  await addNote(mayor, 'Mitfahrbank am Rathaus', { x: 400, y: 300 })
  await addNote(mayor, 'Dorfladen', { x: 750, y: 300 })
  await addNote(facilitator, 'Bleibt stehen', { x: 500, y: 600 })
  await expect(noteWithText(mayor, 'Bleibt stehen')).toBeVisible()
  // By mistake: the mayor deletes his first note.
  await noteWithText(mayor, 'Mitfahrbank am Rathaus').click()
  await mayor.keyboard.press('Delete')
  await expect(noteWithText(facilitator, 'Mitfahrbank am Rathaus')).toHaveCount(0)

  await openMainMenuItem(facilitator, 'dorfplatz-history')
  const dialog = facilitator.getByTestId('history-dialog')
  await expect(dialog).toBeVisible()
  const deletion = dialog.getByTestId('history-entry').filter({ hasText: 'gelöscht' })
  await expect(deletion).toContainText('Herr Klein')
  await expect(deletion).toContainText('1 Notiz gelöscht')
  // Writing into the note she added is part of adding it (a turn of the minute may split the line).
  await expect(dialog.getByTestId('history-entry').filter({ hasText: 'Anna Moderation' }).filter({ hasText: '1 Notiz hinzugefügt' })).toHaveCount(1)
  await expect(deletion.getByTestId('history-restore')).toHaveCount(1)
  await expect(deletion).toContainText('„Mitfahrbank am Rathaus“')
  expect(await seriousViolations(facilitator, '[data-testid="history-dialog"]')).toEqual([])
  await facilitator.screenshot({ path: screenshotPath(testInfo, 'history.png') })

  await deletion.getByTestId('history-restore').click()
  await expect(dialog.getByTestId('history-status')).toHaveText('1 Element wiederhergestellt.')
  await expect(noteWithText(mayor, 'Mitfahrbank am Rathaus')).toBeVisible()
  await expect(noteWithText(facilitator, 'Mitfahrbank am Rathaus')).toBeVisible()
  // Nothing else changed: the other notes are there, once each.
  for (const text of ['Dorfladen', 'Bleibt stehen']) await expect(noteWithText(mayor, text)).toHaveCount(1)
  await expect(dialog.getByTestId('history-entry').first()).toContainText('Moderation: 1 Notiz wiederhergestellt')
  await expect(deletion.getByTestId('history-restore')).toHaveCount(0)

  // Choosing an entry closes the history and brings its notes into view, selected.
  await dialog.getByTestId('history-entry').filter({ hasText: 'Anna Moderation' }).getByRole('button').first().click()
  await expect(dialog).toBeHidden()
  await expect(noteWithText(facilitator, 'Bleibt stehen')).toBeInViewport()

  // The participant has no history until the facilitator shares it, and then without names.
  await mayor.getByTestId('main-menu.button').click()
  await expect(mayor.getByTestId('main-menu.dorfplatz-history')).toHaveCount(0)
  await mayor.keyboard.press('Escape')
  await openMainMenuItem(facilitator, 'dorfplatz-history')
  await facilitator.getByTestId('history-share').check()
  await facilitator.getByRole('button', { name: 'Schließen' }).click()
  await openMainMenuItem(mayor, 'dorfplatz-history')
  const shared = mayor.getByTestId('history-dialog')
  await expect(shared.getByTestId('history-entry').first()).toContainText('Jemand')
  await expect(shared).not.toContainText('Herr Klein')
  await expect(shared).not.toContainText('Anna Moderation')
  await expect(shared.getByTestId('history-restore')).toHaveCount(0)
})
