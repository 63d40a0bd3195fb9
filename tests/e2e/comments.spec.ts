/**
 * Comments on notes, as two participants use them: one comments, the other sees the count on
 * the note, replies; one resolves the thread; the panel lists the open threads and jumps to them.
 */
import { expect, openBoard, test } from './boardFixtures.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { addNote, noteWithText } from './notes.ts'

test('two participants comment on a note, reply, resolve, and find open comments from the panel', async ({ server, newBrowser }, testInfo) => {
  testInfo.setTimeout(150_000)
  const board = await server.createBoard('Dorfentwicklung Musterdorf')
  const anna = await (await newBrowser()).newPage()
  const bernd = await (await newBrowser()).newPage()
  await openBoard(anna, board.links.participant, 'Anna Weber')
  await openBoard(bernd, board.links.participant, 'Bernd Klein')

  await addNote(anna, 'Dorfladen im Gemeindehaus', { x: 500, y: 350 })
  const annaNote = noteWithText(anna, 'Dorfladen im Gemeindehaus')
  await annaNote.click()

  // Anna comments on the selected note from the panel.
  await anna.getByTestId('comments-button').click()
  const annaPanel = anna.getByTestId('comments-panel')
  await expect(annaPanel.getByTestId('comments-note')).toContainText('Zur Notiz „Dorfladen im Gemeindehaus“')
  await annaPanel.getByTestId('comment-new').getByRole('textbox', { name: 'Neuer Kommentar' }).fill('Wer würde den Laden betreiben?')
  await annaPanel.getByTestId('comment-new').getByRole('button', { name: 'Kommentieren' }).click()
  await expect(annaPanel.getByTestId('comment')).toHaveCount(1)

  // Bernd sees the count on the note, and its comment once he opens it from there.
  await expect(noteWithText(bernd, 'Dorfladen im Gemeindehaus')).toBeVisible()
  const berndBadge = bernd.getByTestId('comment-badge')
  await expect(berndBadge).toHaveText('1')
  await expect(berndBadge).toHaveAttribute('aria-label', '1 offener Kommentar')
  await berndBadge.click()
  const berndPanel = bernd.getByTestId('comments-panel')
  const berndThread = berndPanel.getByTestId('comments-note').getByTestId('comment-thread')
  await expect(berndThread.getByTestId('comment')).toHaveText([/Anna Weber.*Wer würde den Laden betreiben\?/])

  // Bernd replies; Anna sees the reply, with his name, and the count goes up on her note.
  await berndThread.getByRole('textbox', { name: 'Antworten' }).fill('Eine Genossenschaft, wie in Nachbardorf.')
  await berndThread.getByRole('button', { name: 'Antwort senden' }).click()
  const annaThread = annaPanel.getByTestId('comments-note').getByTestId('comment-thread')
  await expect(annaThread.getByTestId('comment')).toHaveText([/Anna Weber.*Wer würde/, /Bernd Klein.*Eine Genossenschaft/])
  await expect(anna.getByTestId('comment-badge')).toHaveText('2')
  await expect(annaPanel.getByTestId('comments-open-list').getByTestId('comments-jump')).toHaveCount(1)
  await annaPanel.screenshot({ path: screenshotPath(testInfo, 'comments-thread.png') })
  await anna.screenshot({ path: screenshotPath(testInfo, 'comments-panel.png') })

  // Anna resolves the thread: it is marked for both, leaves the open list and the count goes.
  await annaThread.getByRole('button', { name: 'Erledigt' }).click()
  await expect(berndThread).toHaveAttribute('data-resolved', 'true')
  await expect(berndThread).toContainText('Erledigt')
  await expect(berndBadge).toHaveCount(0)
  await expect(berndPanel).toContainText('Offene Kommentare (0)')
  await expect(bernd.getByTestId('comments-button')).toHaveText('Kommentare (0)')

  // Bernd reopens it; the panel lists it again, and choosing it brings the note into Anna's view.
  await berndThread.getByRole('button', { name: 'Wieder öffnen' }).click()
  await expect(anna.getByTestId('comment-badge')).toHaveText('2')
  await anna.locator('.tl-canvas').click({ position: { x: 250, y: 550 } })
  await expect(annaPanel).toContainText('Wählen Sie eine Notiz aus')
  await anna.mouse.move(640, 450)
  await anna.mouse.wheel(4000, 3000)
  await expect(annaNote).not.toBeInViewport()
  const jump = annaPanel.getByTestId('comments-open-list').getByTestId('comments-jump')
  await expect(jump).toContainText('Dorfladen im Gemeindehaus')
  await expect(jump).toContainText('2 Kommentare')
  await jump.click()
  await expect(annaNote).toBeInViewport()
  await expect(annaPanel.getByTestId('comments-note')).toContainText('Zur Notiz „Dorfladen im Gemeindehaus“')

  // A viewer reads the comments and gets nothing to write them with.
  const viewer = await (await newBrowser()).newPage()
  // Viewers are asked for no name.
  await viewer.goto(board.links.viewer)
  await expect(viewer.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await viewer.getByTestId('comment-badge').click()
  const viewerPanel = viewer.getByTestId('comments-panel')
  await expect(viewerPanel.getByTestId('comments-note').getByTestId('comment')).toHaveCount(2)
  await expect(viewerPanel.getByRole('textbox')).toHaveCount(0)
  await expect(viewerPanel.getByRole('button', { name: 'Erledigt' })).toHaveCount(0)

  // English is one switch away.
  await anna.getByTestId('language-switch').first().click()
  await expect(anna.getByTestId('comment-badge')).toHaveAttribute('aria-label', '2 open comments')
  await expect(annaPanel.getByRole('button', { name: 'Resolve' })).toBeVisible()
})

test('a comment written offline, under a name changed since, arrives under the new name and nothing is lost', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Zwischen den Sitzungen')
  const annaContext = await newBrowser()
  const anna = await annaContext.newPage()
  const bernd = await (await newBrowser()).newPage()
  await openBoard(anna, board.links.participant, 'Anna Weber')
  await openBoard(bernd, board.links.participant, 'Bernd Klein')
  await addNote(bernd, 'Mitfahrbank am Rathaus', { x: 500, y: 350 })
  await expect(noteWithText(anna, 'Mitfahrbank am Rathaus')).toBeVisible()

  // On the train: a note and a comment on Bernd's note, then a new name.
  await annaContext.setOffline(true)
  await expect(anna.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline')
  await addNote(anna, 'Bänke mit Schild', { x: 800, y: 350 })
  await noteWithText(anna, 'Mitfahrbank am Rathaus').click()
  await anna.getByTestId('comments-button').click()
  const panel = anna.getByTestId('comments-panel')
  await panel.getByTestId('comment-new').getByRole('textbox', { name: 'Neuer Kommentar' }).fill('Wer stellt die Bank auf?')
  await panel.getByTestId('comment-new').getByRole('button', { name: 'Kommentieren' }).click()
  await expect(panel.getByTestId('comment')).toHaveText([/Noch nicht übertragen.*Wer stellt die Bank auf\?/])
  await anna.locator('[data-testid=presence-item][data-self=true] button').click()
  await anna.getByTestId('name-input').fill('Bürgermeisterin Weber')
  await anna.getByTestId('name-submit').click()

  // Back online: the comment carries the name she shows now, and her note is there for Bernd.
  await annaContext.setOffline(false)
  await expect(anna.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(panel.getByTestId('comment')).toHaveText([/Bürgermeisterin Weber.*Wer stellt die Bank auf\?/])
  await expect(noteWithText(bernd, 'Bänke mit Schild')).toBeVisible()
  await bernd.getByTestId('comment-badge').click()
  await expect(bernd.getByTestId('comments-panel').getByTestId('comment')).toHaveText([/Bürgermeisterin Weber.*Wer stellt die Bank auf\?/])
  await expect(noteWithText(anna, 'Bänke mit Schild')).toBeVisible()
})

test('from the list view, a keyboard user reads and writes the comments of a note', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Tastatur')
  const anna = await (await newBrowser()).newPage()
  const bernd = await (await newBrowser()).newPage()
  await openBoard(anna, board.links.participant, 'Anna Weber')
  await openBoard(bernd, board.links.participant, 'Bernd Klein')
  await addNote(bernd, 'Dorfladen im Gemeindehaus', { x: 500, y: 350 })
  await expect(noteWithText(anna, 'Dorfladen im Gemeindehaus')).toBeVisible()

  await anna.locator('body').focus()
  await anna.keyboard.press('Tab')
  await expect(anna.getByTestId('list-view-skip-link')).toBeFocused()
  await anna.keyboard.press('Enter')
  await expect(anna.getByTestId('list-view')).toBeFocused()
  const open = anna.getByTestId('list-note-comments')
  await expect(open).toHaveAccessibleName('Kommentare zu „Dorfladen im Gemeindehaus“ (0)')
  await open.focus()
  await anna.keyboard.press('Enter')
  const panel = anna.getByTestId('comments-panel')
  await expect(panel).toBeFocused()
  await expect(panel.getByTestId('comments-note')).toContainText('Zur Notiz „Dorfladen im Gemeindehaus“')
  const field = panel.getByTestId('comment-new').getByRole('textbox', { name: 'Neuer Kommentar' })
  for (let presses = 0; presses < 20 && !(await field.evaluate((element) => element === document.activeElement)); presses++) await anna.keyboard.press('Tab')
  await expect(field).toBeFocused()
  await anna.keyboard.type('Wer hat die Schlüssel?')
  await anna.keyboard.press('ControlOrMeta+Enter')
  await expect(bernd.getByTestId('comment-badge')).toHaveText('1')
  await expect(anna.getByTestId('list-note-comments')).toHaveText('Kommentare (1)')
  // The note is still there: no key reached the canvas behind the list.
  await expect(noteWithText(bernd, 'Dorfladen im Gemeindehaus')).toBeVisible()
})
