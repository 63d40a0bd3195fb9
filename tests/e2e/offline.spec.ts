/**
 * Work between sessions on a weak connection: edits made offline reach the others exactly once
 * when the network returns, also when two people were offline at once, across a restart of the
 * server, and after the tab was closed in between.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { readBoardRecords, richTextToPlain } from '@dorfplatz/board'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { expect, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { closeTabOnceStored } from './browserCopy.ts'
import { addNote, noteWithText } from './notes.ts'

const connection = (page: Page) => page.getByTestId('connection-state')

/** The texts of all notes on the board as the server stores it, sorted: a duplicate shows twice. */
async function storedNoteTexts(serverUrl: string, board: CreatedBoard): Promise<string[]> {
  const records = readBoardRecords(await readBoardDoc(serverUrl, board.id, board.tokens.viewer))
  return [...records.values()]
    .filter((record) => (record as { type?: unknown }).type === 'note')
    .map((record) => richTextToPlain((record as { props: { richText: unknown } }).props.richText))
    .sort()
}

/** Replaces the whole text of a note, as a person does: double-click into it, select all, type. */
async function rewriteNote(page: Page, text: string, replacement: string): Promise<void> {
  await noteWithText(page, text).dblclick()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(replacement)
  await page.keyboard.press('Escape')
  await expect(noteWithText(page, replacement)).toBeVisible()
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true)
  await expect(connection(page)).toHaveAttribute('data-state', 'offline')
  await expect(connection(page)).toContainText('auf diesem Gerät')
}

async function goOnline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(false)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected')
}

test('notes written offline reach the others exactly once, also when both were offline', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Zwischen den Sitzungen')
  const mayorContext = await newBrowser()
  const mayor = await mayorContext.newPage()
  const facilitatorContext = await newBrowser()
  const facilitator = await facilitatorContext.newPage()
  await openBoard(facilitator, board.links.facilitator, 'Anna Moderation')
  await openBoard(mayor, board.links.participant, 'Bernd Bürgermeister')

  // On the train: three notes without a network. Nobody else sees them yet.
  await goOffline(mayorContext, mayor)
  await addNote(mayor, 'Glasfaser Ortsteil Nord', { x: 300, y: 250 })
  await addNote(mayor, 'Dorf-App für Vereine', { x: 520, y: 250 })
  await addNote(mayor, 'Bürgerbüro digital', { x: 740, y: 250 })
  await expect(noteWithText(mayor, 'Bürgerbüro digital')).toBeVisible()
  await addNote(facilitator, 'Während Bernd offline war', { x: 400, y: 550 })
  await expect(noteWithText(mayor, 'Während Bernd offline war')).toHaveCount(0)
  await expect(noteWithText(facilitator, 'Glasfaser Ortsteil Nord')).toHaveCount(0)

  // Back online: each note arrives once, and the mayor gets what happened meanwhile.
  await goOnline(mayorContext, mayor)
  for (const text of ['Glasfaser Ortsteil Nord', 'Dorf-App für Vereine', 'Bürgerbüro digital']) {
    await expect(noteWithText(facilitator, text)).toHaveCount(1)
  }
  await expect(noteWithText(mayor, 'Während Bernd offline war')).toHaveCount(1)

  // Both offline at once, both edit, one note even by both; when they return, both boards hold
  // all of it, and the note both rewrote reads the same everywhere (one of the two texts wins).
  await goOffline(mayorContext, mayor)
  await goOffline(facilitatorContext, facilitator)
  await addNote(mayor, 'Mitfahrbank am Rathaus', { x: 300, y: 650 })
  await addNote(facilitator, 'Förderantrag stellen', { x: 700, y: 650 })
  await rewriteNote(mayor, 'Dorf-App für Vereine', 'Dorf-App für alle Vereine')
  await rewriteNote(facilitator, 'Dorf-App für Vereine', 'Vereins-App der Gemeinde')
  await expect(noteWithText(mayor, 'Mitfahrbank am Rathaus')).toBeVisible()
  await expect(noteWithText(facilitator, 'Förderantrag stellen')).toBeVisible()
  await goOnline(facilitatorContext, facilitator)
  await goOnline(mayorContext, mayor)
  for (const page of [mayor, facilitator]) {
    await expect(noteWithText(page, 'Mitfahrbank am Rathaus')).toHaveCount(1)
    await expect(noteWithText(page, 'Förderantrag stellen')).toHaveCount(1)
    await expect(page.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(6)
  }
  // The server holds each note exactly once, too, and the rewritten one with one winning text.
  const stored = await storedNoteTexts(server.url, board)
  const winner = stored.find((text) => text === 'Dorf-App für alle Vereine' || text === 'Vereins-App der Gemeinde')
  expect(winner).toBeDefined()
  expect(stored).toEqual(
    ['Bürgerbüro digital', winner!, 'Förderantrag stellen', 'Glasfaser Ortsteil Nord', 'Mitfahrbank am Rathaus', 'Während Bernd offline war'].sort(),
  )
  for (const page of [mayor, facilitator]) await expect(noteWithText(page, winner!)).toHaveCount(1)
})

test('offline work survives a server restart and a closed tab', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Zwischen den Sitzungen')
  const mayorContext = await newBrowser()
  const mayor = await mayorContext.newPage()
  const facilitator = await (await newBrowser()).newPage()
  await openBoard(facilitator, board.links.facilitator, 'Anna Moderation')
  await openBoard(mayor, board.links.participant, 'Bernd Bürgermeister')

  // Offline work while the server is killed and started again.
  await goOffline(mayorContext, mayor)
  await addNote(mayor, 'Notiz vor dem Neustart', { x: 400, y: 300 })
  await expect(noteWithText(mayor, 'Notiz vor dem Neustart')).toBeVisible()
  await server.restart('SIGKILL')
  await expect(connection(facilitator)).toHaveAttribute('data-state', 'connected')
  await goOnline(mayorContext, mayor)
  await expect(noteWithText(facilitator, 'Notiz vor dem Neustart')).toHaveCount(1)

  // Offline again, a note, and the tab is closed before the network returns.
  await goOffline(mayorContext, mayor)
  await addNote(mayor, 'Notiz im geschlossenen Tab', { x: 650, y: 300 })
  await expect(noteWithText(mayor, 'Notiz im geschlossenen Tab')).toBeVisible()
  await closeTabOnceStored(mayor, board.id, 'Notiz im geschlossenen Tab')
  await mayorContext.setOffline(false)
  await expect(noteWithText(facilitator, 'Notiz im geschlossenen Tab')).toHaveCount(0)

  // The next visit sends it: the browser kept it.
  const again = await mayorContext.newPage()
  await again.goto(board.links.participant)
  await expect(connection(again)).toHaveAttribute('data-state', 'connected')
  await expect(noteWithText(facilitator, 'Notiz im geschlossenen Tab')).toHaveCount(1)
  await expect(noteWithText(again, 'Notiz vor dem Neustart')).toHaveCount(1)
  expect(await storedNoteTexts(server.url, board)).toEqual(['Notiz im geschlossenen Tab', 'Notiz vor dem Neustart'])
})

test('a board opened before opens again without a network, and what is written there arrives later', async ({
  server,
  newBrowser,
}) => {
  const board = await server.createBoard('Zwischen den Sitzungen')
  const facilitator = await (await newBrowser()).newPage()
  await openBoard(facilitator, board.links.facilitator, 'Anna Moderation')
  const mayorContext = await newBrowser()
  const mayor = await mayorContext.newPage()
  await openBoard(mayor, board.links.participant, 'Bernd Bürgermeister')
  await addNote(mayor, 'Vor der Abfahrt', { x: 350, y: 300 })
  // The service worker has stored the app once it is active and controls the page.
  await mayor.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null)
  // The first service worker taking over is no news to anyone.
  await expect(mayor.getByTestId('new-version')).toBeEmpty()

  // On the train the laptop wakes up without a network, and the board is opened again.
  await mayorContext.setOffline(true)
  const response = await mayor.reload()
  expect(response?.fromServiceWorker()).toBe(true)
  await expect(connection(mayor)).toHaveAttribute('data-state', 'offline')
  await expect(noteWithText(mayor, 'Vor der Abfahrt')).toBeVisible()
  await addNote(mayor, 'Im Zug geschrieben', { x: 650, y: 300 })
  await expect(noteWithText(mayor, 'Im Zug geschrieben')).toBeVisible()
  await expect(noteWithText(facilitator, 'Im Zug geschrieben')).toHaveCount(0)

  // What the page loads only on first use comes from the service worker as well: the list view
  // and the English texts, neither of which this browser has opened before.
  await mayor.getByTestId('list-view-toggle').click()
  await expect(mayor.getByTestId('list-note').filter({ hasText: 'Vor der Abfahrt' })).toBeVisible()
  await mayor.getByTestId('language-switch').click()
  await expect(mayor.locator('html')).toHaveAttribute('lang', 'en')
  await expect(mayor.getByTestId('list-view-toggle')).toHaveAccessibleName('Canvas')
  await mayor.getByTestId('language-switch').click()
  await expect(mayor.getByTestId('list-view-toggle')).toHaveAccessibleName('Zeichenfläche')
  await mayor.getByTestId('list-view-toggle').click()
  await expect(noteWithText(mayor, 'Im Zug geschrieben')).toBeVisible()

  await goOnline(mayorContext, mayor)
  await expect(noteWithText(facilitator, 'Im Zug geschrieben')).toHaveCount(1)

  // An update on the server replaces the service worker of a page it already controls: the page
  // asks to be reloaded (the event is the one the browser fires then).
  await mayor.evaluate(() => navigator.serviceWorker.dispatchEvent(new Event('controllerchange')))
  await expect(mayor.getByTestId('new-version')).toContainText('neue Version')
  await mayor.getByTestId('new-version').getByRole('button', { name: 'Neu laden' }).click()
  await expect(mayor.getByTestId('new-version')).toBeEmpty()
  await expect(noteWithText(mayor, 'Im Zug geschrieben')).toBeVisible()

  // Removing the board from the start page's list makes this browser forget its copy too.
  const copies = () => mayor.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))
  expect(await copies()).toContain(`dorfplatz-board-${board.id}`)
  await mayor.goto(new URL('/', board.links.participant).href)
  const recent = mayor.getByTestId('recent-board').filter({ hasText: 'Zwischen den Sitzungen' })
  await recent.getByRole('button').click()
  await expect(recent).toHaveCount(0)
  await expect.poll(copies).not.toContain(`dorfplatz-board-${board.id}`)
})

test('a facilitator opens dialogs offline that this browser never opened before', async ({ server, newBrowser }) => {
  const board = await server.createBoard('Ohne Netz moderieren')
  const context = await newBrowser()
  const page = await context.newPage()
  await openBoard(page, board.links.facilitator, 'Anna Moderation')
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null)

  await context.setOffline(true)
  const response = await page.reload()
  expect(response?.fromServiceWorker()).toBe(true)
  await expect(connection(page)).toHaveAttribute('data-state', 'offline')
  // Each dialog's script loads on its first opening, here from what the service worker keeps.
  await page.getByTestId('timer-button').click()
  await expect(page.getByTestId('timer-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('timer-dialog')).toHaveCount(0)
  await page.getByTestId('export-button').click()
  await expect(page.getByTestId('export-dialog')).toBeVisible()
})
