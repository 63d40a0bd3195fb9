/**
 * "Stilles Brainstorming" in real browsers: a facilitator opens a private round on a template,
 * two mayors write notes that only each of them sees (marked "Nur für Sie"), everyone sees only
 * the count, a reload keeps one's own notes, and "Aufdecken" puts every note on everyone's board.
 */
import type { Page } from '@playwright/test'
import { FROM_PRIVATE_ROUND_META, readBoardRecords, readTemplateInstances, richTextToPlain } from '@dorfplatz/board'
import { expect, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { addNote, noteWithText } from './notes.ts'

const VIEWPORT = { width: 1280, height: 800 }

/** A point inside the template's frame, as a share of its width and height from its top-left corner. */
async function inFrame(page: Page, frameId: string, share: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.tl-shape[data-shape-id="${frameId}"]`).boundingBox()
  if (!box) throw new Error('the template frame is not on screen')
  const canvas = await page.locator('.tl-canvas').boundingBox()
  return { x: box.x - (canvas?.x ?? 0) + box.width * share.x, y: box.y - (canvas?.y ?? 0) + box.height * share.y }
}

test('two mayors write privately, see only the count, and the facilitator reveals everything at once', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Ideenwerkstatt Musterhausen', { templates: ['idea-collection'], locale: 'de' })
  const [instance] = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  const frameId = instance!.frameId

  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const mayors: Page[] = []
  for (const name of ['Bürgermeister Schmitt', 'Bürgermeisterin Jung']) {
    const other = await (await newBrowser()).newPage()
    await other.setViewportSize(VIEWPORT)
    await openBoard(other, board.links.participant, name)
    mayors.push(other)
  }
  const [schmitt, jung] = mayors as [Page, Page]

  // -- The facilitator opens the round on the whole template ---------------------------------
  await page.getByTestId('private-round-button').click()
  const dialog = page.getByTestId('private-round-dialog')
  await dialog.getByTestId('private-round-title').fill('Was bringt unser Dorf digital voran?')
  await dialog.getByTestId('private-round-scope').selectOption({ label: 'Ideensammlung – alle Felder' })
  await dialog.getByTestId('private-round-minutes').fill('5')
  await dialog.getByTestId('private-round-submit').click()
  await expect(dialog).toBeHidden()
  for (const view of [page, schmitt, jung]) {
    await expect(view.getByTestId('private-round-banner')).toContainText('Stilles Brainstorming: „Was bringt unser Dorf digital voran?“')
    await expect(view.getByTestId('private-round-counts')).toHaveText('Bisher 0 Notizen von 0 Personen.')
  }
  await expect(schmitt.getByTestId('private-round-detail')).toContainText('Ihre Notizen in „Ideensammlung“ sieht nur Sie')
  await expect(schmitt.getByTestId('timer-display').first()).toBeVisible()

  // -- Each writes; nobody else sees it ---------------------------------------------------------
  await addNote(schmitt, 'Glasfaser bis ins Oberdorf', await inFrame(schmitt, frameId, { x: 0.2, y: 0.4 }))
  await expect(noteWithText(schmitt, 'Glasfaser bis ins Oberdorf')).toBeVisible()
  await expect(noteWithText(schmitt, 'Glasfaser bis ins Oberdorf').getByTestId('note-private-badge')).toHaveText('Nur für Sie')
  for (const view of [page, schmitt, jung]) await expect(view.getByTestId('private-round-counts')).toHaveText('Bisher 1 Notiz von 1 Person.')
  await addNote(jung, 'Bürgerbus per App bestellen', await inFrame(jung, frameId, { x: 0.5, y: 0.4 }))
  for (const view of [page, schmitt, jung]) await expect(view.getByTestId('private-round-counts')).toHaveText('Bisher 2 Notizen von 2 Personen.')
  await expect(noteWithText(page, 'Glasfaser bis ins Oberdorf')).toHaveCount(0)
  await expect(noteWithText(page, 'Bürgerbus per App bestellen')).toHaveCount(0)
  // The wall shows the count, never a note, and offers no reveal.
  const [projector] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('projector-button').click()])
  await expect(projector.getByTestId('private-round-counts')).toHaveText('Bisher 2 Notizen von 2 Personen.')
  await expect(projector.getByTestId('private-round-detail')).toContainText('Alle schreiben für sich in „Ideensammlung“.')
  await expect(projector.getByTestId('private-round-reveal')).toHaveCount(0)
  await expect(noteWithText(projector, 'Glasfaser bis ins Oberdorf')).toHaveCount(0)
  await projector.close()
  await expect(noteWithText(jung, 'Glasfaser bis ins Oberdorf')).toHaveCount(0)
  await expect(noteWithText(schmitt, 'Bürgerbus per App bestellen')).toHaveCount(0)
  // Not in the board's document either: a client of the board never gets it.
  const texts = (doc: Awaited<ReturnType<typeof readBoardDoc>>) =>
    [...readBoardRecords(doc).values()].map((record) => richTextToPlain((record as { props?: { richText?: unknown } }).props?.richText))
  expect(texts(await readBoardDoc(server.url, board.id, board.tokens.facilitator))).not.toContain('Glasfaser bis ins Oberdorf')

  // A reload keeps one's own notes (they are stored on the server, in this person's space).
  await schmitt.reload()
  await expect(schmitt.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(noteWithText(schmitt, 'Glasfaser bis ins Oberdorf').getByTestId('note-private-badge')).toBeVisible()
  await schmitt.screenshot({ path: screenshotPath(testInfo, 'private-round.png') })

  // -- Reveal -------------------------------------------------------------------------------------
  await page.getByTestId('private-round-reveal').click()
  for (const view of [page, schmitt, jung]) {
    await expect(noteWithText(view, 'Glasfaser bis ins Oberdorf')).toBeVisible()
    await expect(noteWithText(view, 'Bürgerbus per App bestellen')).toBeVisible()
    await expect(view.getByTestId('private-round-banner')).toHaveCount(0)
    await expect(view.getByTestId('note-private-badge')).toHaveCount(0)
  }
  await expect(page.getByTestId('board-announcement')).toContainText('ist aufgedeckt. Jetzt auf dem Board: 2 Notizen von 2 Personen.')
  const revealed = [...readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).values()].filter(
    (record) => (record as { meta?: Record<string, unknown> }).meta?.[FROM_PRIVATE_ROUND_META] !== undefined,
  )
  expect(revealed).toHaveLength(2)

  // A copy of a revealed note is an ordinary note of the board: the server takes it, nobody is cut off.
  await noteWithText(jung, 'Glasfaser bis ins Oberdorf').click()
  await jung.keyboard.press('Control+d')
  await expect(noteWithText(jung, 'Glasfaser bis ins Oberdorf')).toHaveCount(2)
  await expect
    .poll(async () => texts(await readBoardDoc(server.url, board.id, board.tokens.viewer)).filter((text) => text === 'Glasfaser bis ins Oberdorf').length)
    .toBe(2)
  await expect(jung.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
})
