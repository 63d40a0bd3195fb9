/**
 * A facilitator saves a frame drawn on a board as a template of this installation, then starts
 * the next workshop's board with it from the lobby: the template arrives with its zones, and a
 * board opened before keeps what it had.
 */
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { readTemplateInstances } from '@dorfplatz/board'
import { handDrawnFrame } from '@dorfplatz/templates/testing/handDrawnFrame'
import { expect, openBoard, test } from './boardFixtures.ts'
import { openMainMenuItem, seriousViolations } from './boardMainMenu.ts'
import { parseBoardLink, readBoardDoc, writeBoardRecords } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'

/** Zoom to fit everything on the page (tldraw's Shift+1), after focusing the canvas on an empty spot. */
async function zoomToFit(page: Page): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Shift+1')
}

test('a facilitator saves a frame as a template and starts a new board with it from the lobby', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  // The first workshop's board, with the frame the facilitator drew for the review.
  const board = await server.createBoard('Workshop 1 – Beta')
  await writeBoardRecords(server.url, board.id, board.tokens.facilitator, handDrawnFrame())
  await openBoard(page, board.links.facilitator, 'Frau Weber')
  await zoomToFit(page)
  await expect(page.getByText('Schnelle Erfolge').first()).toBeVisible()

  await openMainMenuItem(page, 'dorfplatz-save-template')
  const dialog = page.getByTestId('save-template-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('save-template-frame')).toHaveValue('shape:handframe')
  await expect(page.getByTestId('save-template-publisher')).toHaveValue('Frau Weber')
  await page.getByTestId('save-template-name').fill('Klausur-Matrix')
  await page.getByTestId('save-template-instruction').fill('Ordnen Sie jedes Vorhaben ein.')
  await page.getByTestId('save-template-description').fill('Was schnell geht und was Zeit braucht')
  // Tall enough for the whole dialog, with the frame behind it.
  const viewport = page.viewportSize()!
  await page.setViewportSize({ width: 1280, height: 1020 })
  await expect(page.getByTestId('save-template-submit')).toBeInViewport()
  await page.screenshot({ path: screenshotPath(testInfo, 'template-save.png') })
  await page.setViewportSize(viewport)
  expect(await seriousViolations(page, '[data-testid="save-template-dialog"]')).toEqual([])
  await page.getByTestId('save-template-submit').click()
  await expect(page.getByTestId('save-template-result')).toHaveText(
    'Gespeichert: „Klausur-Matrix“, Version 1, mit den Zonen Schnelle Erfolge, Große Vorhaben.',
  )
  await page.getByTestId('save-template-close').click()
  await expect(dialog).toBeHidden()

  // "Vorlagen verwalten" lists it with its first version.
  await openMainMenuItem(page, 'dorfplatz-manage-templates')
  const item = page.getByTestId('manage-templates-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Klausur-Matrix')
  await expect(item).toContainText('Version 1 vom')
  await expect(item).toContainText('Frau Weber')
  expect(await seriousViolations(page, '[data-testid="manage-templates-dialog"]')).toEqual([])
  await page.keyboard.press('Escape')

  // The lobby offers it beside the built-in seven, marked as this installation's own.
  await page.goto(server.url)
  const option = page.locator('[data-testid^="template-option-own:"]')
  await expect(option).toHaveCount(1)
  const card = page.locator('label.template-option', { has: option })
  await expect(card).toContainText('Eigene Vorlage')
  await expect(card).toContainText('Klausur-Matrix')
  await page.getByTestId('board-title-input').fill('Workshop 2')
  await option.check()
  await page.getByTestId('create-board-submit').click()
  const link = (await page.getByTestId('link-facilitator').getAttribute('href'))!

  // The new board holds the template with its zones, drawn as it was saved.
  const { boardId, token } = parseBoardLink(link)
  const [instance] = readTemplateInstances(await readBoardDoc(server.url, boardId, token))
  expect(instance!.templateId).toMatch(/^own:klausur-matrix-/)
  expect(instance!.zones!.map((zone) => zone.name.de)).toEqual(['Schnelle Erfolge', 'Große Vorhaben'])
  // The browser remembers the name chosen on the first board.
  await page.goto(link)
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await zoomToFit(page)
  const frame = page.locator(`.tl-shape[data-shape-id="${instance!.frameId}"]`)
  await expect(frame).toBeVisible()
  await expect(page.getByText('Klausur-Matrix', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('Ordnen Sie jedes Vorhaben ein.').first()).toBeVisible()
  await expect(page.getByText('Große Vorhaben').first()).toBeVisible()
  // "Zu Vorlage springen" names it as well.
  await expect(page.getByTestId('template-jump').locator('option', { hasText: 'Klausur-Matrix' })).toHaveCount(1)
})

test('Vorlagen verwalten: a new version from a frame, retiring, export, and a file that is refused with its reason', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Workshop 1 – Beta')
  await writeBoardRecords(server.url, board.id, board.tokens.facilitator, handDrawnFrame())
  await openBoard(page, board.links.facilitator, 'Herr Klein')
  await openMainMenuItem(page, 'dorfplatz-save-template')
  await page.getByTestId('save-template-name').fill('Klausur-Matrix')
  await page.getByTestId('save-template-submit').click()
  await expect(page.getByTestId('save-template-result')).toContainText('Version 1')
  await page.getByTestId('save-template-close').click()

  // After the review, the facilitator relabels an area and publishes the frame again.
  await writeBoardRecords(server.url, board.id, board.tokens.facilitator, handDrawnFrame({ secondLabel: 'Langfristige Vorhaben' }).slice(4, 5))
  await openMainMenuItem(page, 'dorfplatz-manage-templates')
  await page.getByTestId('manage-templates-new-version').click()
  const save = page.getByTestId('save-template-dialog')
  await expect(save.getByTestId('save-template-target')).toHaveValue(/^own:klausur-matrix-/)
  await expect(save.getByTestId('save-template-name')).toHaveValue('Klausur-Matrix')
  await save.getByTestId('save-template-submit').click()
  await expect(save.getByTestId('save-template-result')).toHaveText(
    'Gespeichert: „Klausur-Matrix“, Version 2, mit den Zonen Schnelle Erfolge, Langfristige Vorhaben.',
  )
  await save.getByTestId('save-template-close').click()

  await openMainMenuItem(page, 'dorfplatz-manage-templates')
  const manage = page.getByTestId('manage-templates-dialog')
  await expect(manage.getByTestId('manage-templates-item').locator('ol li')).toHaveCount(2)
  await expect(manage.getByTestId('manage-templates-item').locator('ol li').first()).toContainText('Version 2 vom')

  // Export: the file holds both versions.
  const download = page.waitForEvent('download')
  await manage.getByTestId('manage-templates-export').click()
  const file = JSON.parse(fs.readFileSync((await (await download).path())!, 'utf8')) as { dorfplatzTemplate: number; versions: Array<{ version: number }> }
  expect(file.dorfplatzTemplate).toBe(1)
  expect(file.versions.map((version) => version.version)).toEqual([1, 2])

  // Retired, it leaves the choice of "Vorlage hinzufügen"; the board's own copy stays.
  await manage.getByRole('button', { name: 'Zurückziehen' }).click()
  await expect(manage.getByTestId('manage-templates-status')).toContainText('wird für neue Boards nicht mehr angeboten')
  await expect(manage.getByTestId('manage-templates-item')).toContainText('(zurückgezogen)')

  // A hostile file: refused with the reason, in German, nothing added.
  const hostile = { ...file, versions: [{ ...file.versions[1], name: { de: '<img src=x onerror=alert(1)>', en: '' } }] }
  await manage.getByTestId('manage-templates-file').setInputFiles({ name: 'vorlage.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) })
  await manage.getByTestId('manage-templates-import').click()
  await expect(manage.getByTestId('manage-templates-error')).toHaveText('Das hat nicht geklappt: Version 1, Name (de): enthält HTML oder Skript.')
  await expect(manage.getByTestId('manage-templates-item')).toHaveCount(1)

  // The exported file imports as a second template, offered again.
  await manage.getByTestId('manage-templates-file').setInputFiles({ name: 'vorlage.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await manage.getByTestId('manage-templates-import').click()
  await expect(manage.getByTestId('manage-templates-status')).toHaveText('„Klausur-Matrix“ wurde importiert (2 Versionen).')
  await expect(manage.getByTestId('manage-templates-item')).toHaveCount(2)
  await page.keyboard.press('Escape')

  await page.getByTestId('add-template-button').click()
  const add = page.getByTestId('add-template-dialog')
  await expect(add.locator('[data-testid^="template-option-own:"]')).toHaveCount(1)
})
