/**
 * A board's versions and importing a file, as a facilitator does it in the browser: save a
 * version, restore it while a participant watches (and undo the restore), look at a version
 * read-only, and import a `.tldr` file, a broken one first.
 */
import type { Locator, Page } from '@playwright/test'
import { readBoardRecords } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { CreatedBoard, SnapshotInfo } from '@dorfplatz/protocol'
import { expect, nonLocalRequests, openBoard, recordRequests, test } from './boardFixtures.ts'
import { readBoardDoc, writeBoardRecords } from './boardDoc.ts'
import { openMainMenuItem, seriousViolations } from './boardMainMenu.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { addNote, noteWithText } from './notes.ts'

const VIEWPORT = { width: 1280, height: 800 }

/**
 * Waits until the server has saved the board on its own after the last client left: that happens
 * once it has seen the close, and a page opened before would keep the board from being empty.
 */
async function waitForLastLeftSnapshot(serverUrl: string, board: CreatedBoard): Promise<void> {
  await expect
    .poll(async () => {
      const response = await fetch(`${serverUrl}/api/boards/${board.id}/snapshots`, {
        headers: { authorization: `Bearer ${board.tokens.facilitator}` },
      })
      const { snapshots } = (await response.json()) as { snapshots: SnapshotInfo[] }
      return snapshots.some((snapshot) => snapshot.kind === 'last-left')
    })
    .toBe(true)
}

async function openVersions(page: Page): Promise<Locator> {
  await openMainMenuItem(page, 'dorfplatz-snapshots')
  const dialog = page.getByTestId('snapshots-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('snapshots-loading')).toHaveCount(0)
  return dialog
}

/** The history entry with exactly this name. */
function entry(dialog: Locator, name: string): Locator {
  return dialog.getByTestId('snapshot-item').filter({ has: dialog.page().getByText(name, { exact: true }) })
}

/** The board's records as the server has them, in a stable order to compare. */
async function boardState(serverUrl: string, boardId: string, token: string): Promise<string> {
  const records = readBoardRecords(await readBoardDoc(serverUrl, boardId, token))
  return JSON.stringify([...records.entries()].sort(([a], [b]) => a.localeCompare(b)))
}

test('a facilitator saves a version, restores it for everyone, undoes the restore and looks at it read-only', async ({
  page,
  server,
  newBrowser,
  requestLog,
}, testInfo) => {
  testInfo.setTimeout(150_000)
  recordRequests(page.context(), requestLog)
  const board = await server.createBoard('Digitale Dorfmitte – Workshop 1')
  const { id: boardId, tokens } = board
  const bench = testNote('baenke', 'Mehr Bänke am Dorfplatz', { x: 100, y: 100 })
  await writeBoardRecords(server.url, boardId, tokens.participant, [bench])
  await waitForLastLeftSnapshot(server.url, board)

  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const participant = await (await newBrowser()).newPage()
  await participant.setViewportSize(VIEWPORT)
  await openBoard(participant, board.links.participant, 'Bürgermeister Schmitt')
  await expect(noteWithText(participant, 'Mehr Bänke am Dorfplatz')).toBeVisible()

  // -- Save "Ende Workshop 1" ----------------------------------------------------------------
  let dialog = await openVersions(page)
  const nameInput = dialog.getByTestId('snapshot-name-input')
  await expect(nameInput).toBeFocused()
  await expect(nameInput).toHaveValue(/^Stand \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/)
  // The note above was written by a client that then left: the board saved itself on its own.
  const automatic = dialog.locator('[data-testid="snapshot-item"][data-kind="last-left"]')
  await expect(automatic).toHaveCount(1)
  await expect(automatic.getByTestId('snapshot-kind')).toHaveText('automatisch, als alle gegangen waren')
  // An empty name is refused in the dialog, before anything is sent.
  await nameInput.fill('   ')
  await dialog.getByTestId('snapshot-save').click()
  await expect(dialog.getByText('Bitte geben Sie einen Namen ein.')).toBeVisible()
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true')
  await nameInput.fill('Ende Workshop 1')
  await nameInput.press('Enter')
  await expect(dialog.getByTestId('snapshots-status')).toHaveText('„Ende Workshop 1“ ist gesichert.')
  await expect(entry(dialog, 'Ende Workshop 1')).toHaveAttribute('data-kind', 'manual')
  await expect(entry(dialog, 'Ende Workshop 1').getByTestId('snapshot-kind')).toHaveText('Moderation')
  // The name field offers the next name straight away.
  await expect(nameInput).toHaveValue(/^Stand /)
  expect(await seriousViolations(page, '[data-testid="snapshots-dialog"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('main-menu.button')).toBeFocused()

  // -- A participant adds a note after that --------------------------------------------------
  await addNote(participant, 'Bürgerbus am Samstag', { x: 700, y: 350 })
  await expect(noteWithText(page, 'Bürgerbus am Samstag')).toBeVisible()
  const busNoteId = await noteWithText(participant, 'Bürgerbus am Samstag').getAttribute('data-shape-id')
  expect(busNoteId).toBeTruthy()
  await expect
    .poll(async () => readBoardRecords(await readBoardDoc(server.url, boardId, tokens.viewer)).has(busNoteId!))
    .toBe(true)

  // -- Restore "Ende Workshop 1": one explained step, then everyone sees it -------------------
  dialog = await openVersions(page)
  const saved = entry(dialog, 'Ende Workshop 1')
  await saved.getByTestId('snapshot-restore').click()
  const confirmPanel = saved.getByTestId('snapshot-restore-confirm-panel')
  await expect(confirmPanel).toContainText('alle Anwesenden sehen die Änderung sofort')
  await expect(confirmPanel).toContainText('Der aktuelle Stand wird vorher automatisch gesichert')
  await expect(saved.getByTestId('snapshot-restore-confirm')).toBeFocused()
  // "Abbrechen" goes back without a change, the focus back on "Wiederherstellen".
  await saved.getByTestId('snapshot-restore-cancel').click()
  await expect(saved.getByTestId('snapshot-restore')).toBeFocused()
  await saved.getByTestId('snapshot-restore').press('Enter')
  await saved.getByTestId('snapshot-restore-confirm').press('Enter')
  await expect(dialog.getByTestId('snapshots-status')).toContainText('„Ende Workshop 1“ ist wiederhergestellt.')

  await expect(noteWithText(participant, 'Bürgerbus am Samstag')).toHaveCount(0)
  await expect(noteWithText(participant, 'Mehr Bänke am Dorfplatz')).toBeVisible()
  // The participant whose note vanished is told why.
  await expect(participant.getByTestId('board-notice-banner')).toContainText('Die Moderation hat die Version „Ende Workshop 1“ wiederhergestellt')
  await expect(noteWithText(page, 'Bürgerbus am Samstag')).toHaveCount(0)
  const restored = readBoardRecords(await readBoardDoc(server.url, boardId, tokens.viewer))
  expect(restored.has(busNoteId!)).toBe(false)
  expect(restored.has(bench.id)).toBe(true)

  // The board just before the restore is the newest entry, saved automatically.
  const newest = dialog.getByTestId('snapshot-item').first()
  await expect(newest).toHaveAttribute('data-kind', 'before-restore')
  await expect(newest.getByTestId('snapshot-kind')).toHaveText('automatisch vor einer Wiederherstellung')
  await expect(newest.getByTestId('snapshot-name')).toContainText('Ende Workshop 1')

  // -- Undo: restoring that entry brings the participant's note back --------------------------
  await newest.getByTestId('snapshot-restore').click()
  await newest.getByTestId('snapshot-restore-confirm').click()
  await expect(dialog.getByTestId('snapshots-status')).toContainText('ist wiederhergestellt.')
  await expect(noteWithText(participant, 'Bürgerbus am Samstag')).toBeVisible()
  await expect(noteWithText(page, 'Bürgerbus am Samstag')).toBeVisible()
  await expect(dialog.getByTestId('snapshot-item')).toHaveCount(4)
  await expect(dialog.locator('[data-testid="snapshot-item"][data-kind="before-restore"]')).toHaveCount(2)

  // -- Look at "Ende Workshop 1" read-only --------------------------------------------------
  const boardBefore = await boardState(server.url, boardId, tokens.viewer)
  const viewButton = entry(dialog, 'Ende Workshop 1').getByTestId('snapshot-view-open')
  await viewButton.click()
  const view = page.getByTestId('snapshot-view')
  await expect(view).toBeVisible()
  await expect(view).toHaveAttribute('data-status', 'ready')
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Version „Ende Workshop 1“')
  await expect(view.getByTestId('snapshot-view-readonly')).toHaveText('Nur ansehen')
  await expect(noteWithText(view, 'Mehr Bänke am Dorfplatz')).toBeVisible()
  await expect(noteWithText(view, 'Bürgerbus am Samstag')).toHaveCount(0)
  // Read-only: no note tool, the note shortcut draws nothing, and select-all + Delete removes
  // nothing, neither here nor on the live board behind the view.
  await expect(view.getByTestId('tools.note')).toHaveCount(0)
  const shapesInView = await view.locator('.tl-shape').count()
  await view.locator('.tl-canvas').click({ position: { x: 300, y: 500 } })
  await page.keyboard.press('n')
  await view.locator('.tl-canvas').click({ position: { x: 400, y: 500 } })
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Delete')
  await expect(view.locator('.tl-shape')).toHaveCount(shapesInView)
  await expect(noteWithText(page.locator('.board'), 'Mehr Bänke am Dorfplatz')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('snapshot-view.png') })
  // The first Escape clears the selection, as everywhere in tldraw; the second closes the view.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(view).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(viewButton).toBeFocused()
  expect(await boardState(server.url, boardId, tokens.viewer)).toBe(boardBefore)

  // -- Restore from the view: it closes, and the board shows what it showed -------------------
  await viewButton.click()
  await expect(view).toHaveAttribute('data-status', 'ready')
  expect(await seriousViolations(page, '.snapshot-view__header')).toEqual([])
  await view.getByTestId('snapshot-restore').click()
  await expect(view.getByTestId('snapshot-restore-confirm')).toBeFocused()
  await view.getByTestId('snapshot-restore-confirm').click()
  await expect(view).toBeHidden()
  await expect(dialog.getByTestId('snapshots-status')).toContainText('„Ende Workshop 1“ ist wiederhergestellt.')
  await expect(noteWithText(participant, 'Bürgerbus am Samstag')).toHaveCount(0)
  await expect(viewButton).toBeFocused()

  // -- The dialog with a few entries and their sketches, for the README ----------------------
  const thumbnails = dialog.getByTestId('snapshot-thumbnail')
  await expect(thumbnails).toHaveCount(5)
  for (const thumbnail of await thumbnails.all()) await expect(thumbnail).toHaveAttribute('data-status', 'loaded')
  // Each entry shows its sketch: a picture the browser could decode, at the server's size.
  for (const sketch of await thumbnails.locator('img').all()) {
    await expect(sketch).toBeVisible()
    await expect.poll(() => sketch.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(240)
  }
  await dialog.evaluate((element) => element.scrollTo(0, 0))
  await page.screenshot({ path: screenshotPath(testInfo, 'snapshots.png') })
  await dialog.getByTestId('snapshots-close').click()
  await expect(dialog).toBeHidden()
  // The snapshot's own editor, too, took its fonts and icons from this server.
  expect(nonLocalRequests(requestLog)).toEqual([])
})

test('importing a .tldr file adds its pages; a broken or hostile file leaves the board as it was', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Klausur Gemeinderat')
  const { id: boardId, tokens } = board
  const bench = testNote('baenke', 'Mehr Bänke am Dorfplatz', { x: 100, y: 100 })
  await writeBoardRecords(server.url, boardId, tokens.participant, [bench])
  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderator Klein')
  await expect(noteWithText(page, 'Mehr Bänke am Dorfplatz')).toBeVisible()

  // The board's own `.tldr` file, as "Exportieren …" offers it: a valid file to import.
  const fileResponse = await fetch(`${server.url}/api/boards/${boardId}/file`, {
    headers: { Authorization: `Bearer ${tokens.facilitator}` },
  })
  expect(fileResponse.status).toBe(200)
  const tldr = (await fileResponse.json()) as { tldrawFileFormatVersion: number; schema: unknown; records: unknown[] }
  const before = await boardState(server.url, boardId, tokens.viewer)

  await openMainMenuItem(page, 'dorfplatz-import')
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toBeVisible()
  const input = dialog.getByTestId('import-file-input')
  await expect(input).toBeFocused()
  expect(await seriousViolations(page, '[data-testid="import-dialog"]')).toEqual([])

  // Not a tldraw file at all: refused in the browser.
  await input.setInputFiles({ name: 'Protokoll.tldr', mimeType: 'application/octet-stream', buffer: Buffer.from('\u0089PNG\r\n\u001a\n') })
  await dialog.getByTestId('import-submit').click()
  await expect(dialog.getByTestId('import-error')).toHaveText('Diese Datei kann Dorfplatz nicht öffnen: Sie ist keine tldraw-Datei.')

  // Too large: refused before it is read or sent.
  await input.setInputFiles({ name: 'riesig.tldr', mimeType: 'application/json', buffer: Buffer.alloc(9 * 1024 * 1024, 32) })
  await expect(dialog.getByTestId('import-file-error')).toHaveText('Die Datei ist 9 MB groß. Dorfplatz nimmt Dateien bis 8 MB.')

  // A tldraw file whose shape points at a page it does not have, and whose text is a script:
  // the server refuses it (422), and says why.
  const hostile = {
    ...tldr,
    records: [
      ...tldr.records.filter((record) => (record as { typeName?: string }).typeName !== 'shape'),
      { ...testNote('fremd', '<script>alert(1)</script>'), parentId: 'page:gibt-es-nicht' },
    ],
  }
  await input.setInputFiles({ name: 'fremd.tldr', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) })
  await dialog.getByTestId('import-submit').click()
  const error = dialog.getByTestId('import-error')
  await expect(error).toContainText('Diese Datei kann Dorfplatz nicht öffnen: Ihr Inhalt ist ungültig oder unvollständig.')
  await expect(error).toContainText('Angabe des Servers: This file cannot be imported')
  await page.screenshot({ path: testInfo.outputPath('import-refused.png') })
  expect(await boardState(server.url, boardId, tokens.viewer)).toBe(before)

  // The valid file: its page comes in as a new page, and the board turns to it.
  await input.setInputFiles({ name: 'Klausur Gemeinderat.tldr', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tldr)) })
  await dialog.getByTestId('import-submit').click()
  await expect(dialog.getByTestId('import-result')).toHaveText('Importiert: 1 Seite mit 1 Element. Das Board wechselt zur ersten neuen Seite.')
  await expect(dialog.getByTestId('import-close')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('import-done.png') })

  const records = readBoardRecords(await readBoardDoc(server.url, boardId, tokens.viewer))
  const pages = [...records.values()].filter((record) => (record as { typeName: string }).typeName === 'page')
  expect(pages).toHaveLength(2)
  const copies = [...records.values()].filter(
    (record) => JSON.stringify(record).includes('Mehr Bänke am Dorfplatz') && (record as { id: string }).id !== bench.id,
  ) as { id: string }[]
  expect(copies).toHaveLength(1)
  await dialog.getByTestId('import-close').click()
  await expect(dialog).toBeHidden()
  // The facilitator now looks at the new page: the copy is drawn, the original is on the other page.
  await expect(page.locator(`.tl-shape[data-shape-id="${copies[0]!.id}"]`)).toBeVisible()
  await expect(page.locator(`.tl-shape[data-shape-id="${bench.id}"]`)).toHaveCount(0)
  // The board listens to its shortcuts again once the dialog is closed.
  await addNote(page, 'Nach dem Import', { x: 400, y: 600 })
  await expect(noteWithText(page, 'Nach dem Import')).toBeVisible()
})

test('in English, the versions Dorfplatz saves on its own have English names', async ({ page, server }) => {
  const board = await server.createBoard('Klausur Gemeinderat')
  // Written by a client that then left: the board saves itself, with nobody's language at hand.
  await writeBoardRecords(server.url, board.id, board.tokens.participant, [testNote('baenke', 'Mehr Bänke am Dorfplatz')])
  await waitForLastLeftSnapshot(server.url, board)
  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Facilitator Klein')
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  const dialog = await openVersions(page)
  await expect(dialog.getByRole('heading', { name: 'Versions', exact: true })).toBeVisible()
  const automatic = dialog.locator('[data-testid="snapshot-item"][data-kind="last-left"]')
  await expect(automatic.getByTestId('snapshot-name')).toHaveText('Saved automatically')
  await expect(automatic.getByTestId('snapshot-kind')).toHaveText('automatically, when everyone had left')

  const nameInput = dialog.getByTestId('snapshot-name-input')
  await nameInput.fill('End of workshop 1')
  await nameInput.press('Enter')
  await expect(dialog.getByTestId('snapshots-status')).toHaveText('“End of workshop 1” is saved.')
  const saved = entry(dialog, 'End of workshop 1')
  await saved.getByTestId('snapshot-restore').click()
  await saved.getByTestId('snapshot-restore-confirm').click()
  await expect(dialog.getByTestId('snapshots-status')).toHaveText(
    '“End of workshop 1” is restored. The state before is saved as the newest version; “Restore” brings it back.',
  )
  const newest = dialog.getByTestId('snapshot-item').first()
  await expect(newest).toHaveAttribute('data-kind', 'before-restore')
  await expect(newest.getByTestId('snapshot-name')).toHaveText('Before restoring “End of workshop 1”')
  await expect(dialog).not.toContainText(/Automatisch|Wiederherstellung/)
})
