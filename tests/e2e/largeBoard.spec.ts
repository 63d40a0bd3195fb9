/**
 * A large board opens with the notes in view drawn, and every other note drawn, readable, as
 * soon as the view reaches it (the board does not draw thousands of notes nobody sees yet).
 */
import { testNote } from '@dorfplatz/board/testing'
import { expect, openBoard, test } from './boardFixtures.ts'
import { writeBoardRecords } from './boardDoc.ts'
import { noteWithText } from './notes.ts'

test('a board of many notes shows those in view, and a note far away reads once the view reaches it', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Ideenspeicher')
  const notes = Array.from({ length: 300 }, (_, i) => testNote(`n${i}`, `Notiz ${i}`, { x: (i % 15) * 220, y: Math.floor(i / 15) * 220 }))
  const far = testNote('far', 'Dorfladen mit Café', { x: 12_000, y: 12_000 })
  await writeBoardRecords(server.url, board.id, board.tokens.facilitator, [...notes, far])

  const page = await (await newBrowser()).newPage()
  await openBoard(page, board.links.participant, 'Frau Schmitt')
  await expect(noteWithText(page, 'Notiz 0')).toBeVisible()
  const farNote = page.locator(`.tl-shape[data-shape-id="${far.id}"]`)
  await expect(farNote).toBeAttached()
  await expect(farNote).not.toContainText('Dorfladen')

  // Zoom to fit (tldraw's Shift+1) takes in the far note too.
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Shift+1')
  await expect(noteWithText(page, 'Dorfladen mit Café')).toBeVisible()
})
