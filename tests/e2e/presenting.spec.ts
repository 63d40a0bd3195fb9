/**
 * "Präsentieren": a facilitator shows the frames of a page as slides to two participants and the
 * projector, steps with the keys a presenter remote sends, a participant steps out and back in,
 * a late joiner lands on the current slide; a page without frames says why it cannot start.
 */
import type { Page } from '@playwright/test'
import { readFacilitation, readTemplateInstances } from '@dorfplatz/board'
import { expect, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'

const VIEWPORT = { width: 1280, height: 800 }

/** How `frameId` sits in the view: whole and filling most of it (the slide), or not. */
async function showsSlide(page: Page, frameId: string): Promise<boolean> {
  const frame = page.locator(`.tl-shape[data-shape-id="${frameId}"]`)
  if ((await frame.count()) === 0) return false
  const box = await frame.boundingBox()
  if (!box) return false
  const inside = box.x >= -2 && box.y >= -2 && box.x + box.width <= VIEWPORT.width + 2 && box.y + box.height <= VIEWPORT.height + 2
  const large = box.width > VIEWPORT.width * 0.6 || box.height > VIEWPORT.height * 0.5
  return inside && large
}

test('a facilitator presents two templates as slides to two participants and the projector', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Klausurtagung Verbandsgemeinde', { templates: ['swot', 'priority-matrix'], locale: 'de' })
  const instances = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  // Reading order: rows from top to bottom, each from left to right.
  const [first, second] = [...instances].sort((a, b) => a.y - b.y || a.x - b.x).map((instance) => instance.frameId) as [string, string]

  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const participants: Page[] = []
  for (const name of ['Bürgermeister Schmitt', 'Bürgermeisterin Jung']) {
    const other = await (await newBrowser()).newPage()
    await other.setViewportSize(VIEWPORT)
    await openBoard(other, board.links.participant, name)
    participants.push(other)
  }
  const [mayorA, mayorB] = participants as [Page, Page]
  const [projector] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('projector-button').click()])
  await projector.setViewportSize(VIEWPORT)
  await expect(projector.getByTestId('projector')).toBeVisible()

  // Follow-me first: starting the presentation ends it.
  await page.getByTestId('follow-button').click()
  await expect(mayorA.getByTestId('follow-banner')).toBeVisible()

  // -- Start ----------------------------------------------------------------------------------
  await expect(page.getByTestId('presenting-button')).toHaveText('Präsentieren')
  await page.getByTestId('presenting-button').click()
  const controls = page.getByTestId('presenting-controls')
  await expect(controls.getByTestId('presenting-position')).toHaveText('Folie 1 von 2')
  await expect(page.getByTestId('presenting-button')).toHaveText('Präsentation beenden')
  await expect(page.getByTestId('follow-button')).toHaveText('Folgen lassen')
  for (const mayor of participants) {
    await expect(mayor.getByTestId('follow-banner')).toHaveCount(0)
    const banner = mayor.getByTestId('presenting-banner')
    await expect(banner).toHaveAttribute('data-state', 'following')
    await expect(banner).toContainText('Moderatorin Weber präsentiert – Folie 1 von 2')
  }
  for (const view of [page, mayorA, mayorB, projector]) await expect.poll(() => showsSlide(view, first)).toBe(true)
  const state = readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).presenting
  expect(state?.slides).toEqual([first, second])

  // -- Step with the arrow keys -------------------------------------------------------------
  await page.keyboard.press('ArrowRight')
  await expect(controls.getByTestId('presenting-position')).toHaveText('Folie 2 von 2')
  await expect(controls.getByTestId('presenting-next')).toHaveAttribute('aria-disabled', 'true')
  for (const view of [page, mayorA, mayorB, projector]) await expect.poll(() => showsSlide(view, second)).toBe(true)
  await expect(mayorB.getByTestId('presenting-banner')).toContainText('Folie 2 von 2')
  await expect(page.getByTestId('moderation-error')).toHaveCount(0)

  // -- A participant steps out and back in ---------------------------------------------------
  await mayorA.getByTestId('presenting-leave').click()
  await expect(mayorA.getByTestId('presenting-banner')).toHaveAttribute('data-state', 'stepped-out')
  await page.keyboard.press('ArrowLeft')
  await expect(controls.getByTestId('presenting-position')).toHaveText('Folie 1 von 2')
  await expect.poll(() => showsSlide(mayorB, first)).toBe(true)
  await expect.poll(() => showsSlide(projector, first)).toBe(true)
  // The one who stepped out still sees what they chose to look at.
  expect(await showsSlide(mayorA, second)).toBe(true)
  await mayorA.getByTestId('presenting-rejoin').click()
  await expect(mayorA.getByTestId('presenting-banner')).toHaveAttribute('data-state', 'following')
  await expect.poll(() => showsSlide(mayorA, first)).toBe(true)
  // Scrolling the board is stepping out too, as with follow-me.
  await mayorB.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2)
  await mayorB.mouse.wheel(400, 250)
  await expect(mayorB.getByTestId('presenting-banner')).toHaveAttribute('data-state', 'stepped-out')
  await mayorB.getByTestId('presenting-rejoin').click()
  await expect(mayorB.getByTestId('presenting-banner')).toHaveAttribute('data-state', 'following')

  // A presenter remote's Bild ab, and the button.
  await page.keyboard.press('PageDown')
  await expect(controls.getByTestId('presenting-position')).toHaveText('Folie 2 von 2')
  for (const view of [mayorA, mayorB]) await expect.poll(() => showsSlide(view, second)).toBe(true)
  await expect.poll(() => showsSlide(page, second)).toBe(true)
  await page.screenshot({ path: screenshotPath(testInfo, 'presenting.png') })

  // Not while typing: in a note, the arrow keys move the caret.
  await page.locator('.tl-canvas').click({ position: { x: 640, y: 460 } })
  await page.keyboard.press('n')
  await page.mouse.click(640, 460)
  await page.keyboard.type('Bürgerbus')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('-')
  await page.keyboard.press('Escape')
  await expect(page.locator('.tl-shape[data-shape-type="note"]')).toContainText('Bürgerb-us')
  await expect(controls.getByTestId('presenting-position')).toHaveText('Folie 2 von 2')
  expect(readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).presenting?.index).toBe(1)

  // -- A reload lands on the current slide -----------------------------------------------------
  await mayorB.reload()
  await expect(mayorB.getByTestId('presenting-banner')).toContainText('Folie 2 von 2')
  await expect.poll(() => showsSlide(mayorB, second)).toBe(true)
  await page.getByTestId('presenting-previous').click()
  await expect.poll(() => showsSlide(mayorB, first)).toBe(true)
  await page.getByTestId('presenting-next').click()
  await expect.poll(() => showsSlide(mayorA, second)).toBe(true)

  // -- End -------------------------------------------------------------------------------------
  await controls.getByTestId('presenting-end').click()
  await expect(controls).toHaveCount(0)
  for (const mayor of participants) await expect(mayor.getByTestId('presenting-banner')).toHaveCount(0)
  await expect(page.getByTestId('presenting-button')).toHaveText('Präsentieren')
  expect(readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).presenting).toBeNull()
})

test('a page without frames says why it cannot be presented', async ({ page, server }) => {
  const board = await server.createBoard('Leeres Board', { locale: 'de' })
  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderator Klein')
  await page.getByTestId('presenting-button').click()
  await expect(page.getByTestId('presenting-no-frames')).toContainText('keinen')
  await expect(page.getByTestId('presenting-controls')).toHaveCount(0)
  expect(readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).presenting).toBeNull()
})
