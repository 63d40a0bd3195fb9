/**
 * Who wrote what, as people see it: the line with a note names who wrote it and who changed it
 * last, from what the server recorded about each person's socket.
 */
import { expect, openBoard, test } from './boardFixtures.ts'
import { addNote, noteWithText } from './notes.ts'

test('a note says who wrote it and who changed it last, in German and in English', async ({ server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Strategie Musterdorf')
  const weber = await (await newBrowser()).newPage()
  const klein = await (await newBrowser()).newPage()
  await openBoard(weber, board.links.participant, 'Bürgermeisterin Weber')
  await openBoard(klein, board.links.facilitator, 'Herr Klein')

  await addNote(weber, 'Glasfaser für alle Ortsteile', { x: 500, y: 350 })
  const note = noteWithText(klein, 'Glasfaser für alle Ortsteile')
  await expect(note).toBeVisible()

  // Hovering the note shows its author, and only that while nobody else changed it.
  await note.hover()
  const line = klein.getByTestId('shape-authors')
  await expect(line).toHaveText(/^Notiz von Bürgermeisterin Weber, (gerade eben|vor 1 Minute)$/)
  await klein.screenshot({ path: testInfo.outputPath('hovered.png') })

  // Herr Klein rewrites it: select, Enter edits it with its text selected, Escape ends editing.
  await note.click()
  await klein.keyboard.press('Enter')
  await klein.keyboard.type('Glasfaser und Radwege')
  await klein.keyboard.press('Escape')
  const changed = noteWithText(weber, 'Glasfaser und Radwege')
  await expect(changed).toBeVisible()

  // The writer sees who changed her note, on hover as on selection.
  await changed.hover()
  const weberLine = weber.getByTestId('shape-authors')
  await expect(weberLine).toContainText('Notiz von Bürgermeisterin Weber · geändert von Herr Klein')
  await weber.mouse.move(5, 400)
  await changed.click()
  await weber.mouse.move(5, 400)
  await expect(weberLine).toContainText('geändert von Herr Klein')
  // The line takes no clicks: whatever lies under it stays reachable.
  await expect(weberLine).toHaveCSS('pointer-events', 'none')

  // English is one switch away.
  await weber.getByTestId('language-switch').first().click()
  await expect(weberLine).toContainText('Note by Bürgermeisterin Weber · changed by Herr Klein')
  await weber.screenshot({ path: testInfo.outputPath('changed.png') })
})
