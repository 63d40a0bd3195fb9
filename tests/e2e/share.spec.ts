import AxeBuilder from '@axe-core/playwright'
import { expect, openBoard, test } from './boardFixtures.ts'
import { screenshotPath } from './docsScreenshots.ts'

const ROLES = ['facilitator', 'participant', 'viewer'] as const

test('the facilitator who created the board sees all three links with QR codes and copies one', async ({ page, server }, testInfo) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(server.url)
  await page.getByTestId('board-title-input').fill('Workshop Teilen')
  await page.getByTestId('create-board-submit').click()
  const created: Record<string, string | null> = {}
  for (const role of ROLES) created[role] = await page.getByTestId(`link-${role}`).getAttribute('href')

  await openBoard(page, created.facilitator!, 'Moderatorin Klein')
  await page.getByTestId('share-button').click()
  const dialog = page.getByTestId('share-dialog')
  await expect(dialog).toBeVisible()
  for (const role of ROLES) {
    await expect(dialog.getByTestId(`share-link-${role}`)).toHaveAttribute('href', created[role]!)
    await expect(dialog.getByTestId(`share-qr-${role}`).locator('svg')).toBeVisible()
    await expect(dialog.getByTestId(`share-qr-${role}`)).toHaveAttribute('role', 'img')
  }
  await expect(dialog.getByTestId('share-qr-participant')).toHaveAttribute('aria-label', 'QR-Code für den Teilnehmenden-Link')
  await page.screenshot({ path: screenshotPath(testInfo, 'share-dialog.png') })

  await dialog.getByTestId('share-copy-participant').click()
  await expect(dialog.getByTestId('share-copy-participant').locator('xpath=..')).toContainText('Kopiert')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(created.participant)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('share-button')).toBeFocused()
})

test('a new participant link locks out the old one at once, and the new one opens the board', async ({ page, server, newBrowser }) => {
  const board = await server.createBoard('Link ersetzen')
  const participant = await (await newBrowser()).newPage()
  await openBoard(participant, board.links.participant, 'Bürger Alt')

  await openBoard(page, board.links.facilitator, 'Moderator Neu')
  await page.getByTestId('share-button').click()
  const dialog = page.getByTestId('share-dialog')
  // This browser did not create the board: the server cannot show the existing participant link.
  await expect(dialog.getByTestId('share-unknown-participant')).toBeVisible()
  await expect(dialog.getByTestId('share-link-facilitator')).toHaveAttribute('href', board.links.facilitator)

  await dialog.getByTestId('rotate-link-participant').click()
  await expect(dialog).toContainText('funktioniert danach sofort nicht mehr')
  await dialog.getByTestId('rotate-link-confirm-participant').click()
  const newLinkElement = dialog.getByTestId('share-link-participant')
  await expect(newLinkElement).toBeVisible()
  const newLink = await newLinkElement.getAttribute('href')
  expect(newLink).not.toBe(board.links.participant)
  await expect(dialog.getByTestId('share-qr-participant').locator('svg')).toBeVisible()

  await expect(participant.getByTestId('board-error')).toContainText('Dieser Link ist ungültig oder wurde ersetzt')

  const newcomer = await (await newBrowser()).newPage()
  await openBoard(newcomer, newLink!, 'Bürgerin Neu')

  // The new link is remembered in this browser.
  await dialog.getByTestId('share-close').click()
  await page.getByTestId('share-button').click()
  await expect(page.getByTestId('share-link-participant')).toHaveAttribute('href', newLink!)
})

test('replacing the own facilitation link moves the page to the new link', async ({ page, server }) => {
  const board = await server.createBoard('Eigenen Link ersetzen')
  await openBoard(page, board.links.facilitator, 'Moderatorin Weiß')
  await page.getByTestId('share-button').click()
  await page.getByTestId('rotate-link-facilitator').click()
  await page.getByTestId('rotate-link-confirm-facilitator').click()

  await expect(page).not.toHaveURL(board.links.facilitator)
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('board-error')).toHaveCount(0)
  await page.getByTestId('share-button').click()
  await expect(page.getByTestId('share-link-facilitator')).toHaveAttribute('href', page.url())
})

test('the share dialog has no serious accessibility violations', async ({ page, server }) => {
  const board = await server.createBoard('Barrierefrei teilen')
  await openBoard(page, board.links.facilitator, 'Moderatorin Berg')
  await page.getByTestId('share-button').click()
  const dialog = page.getByTestId('share-dialog')
  await expect(dialog.getByTestId('share-qr-facilitator').locator('svg')).toBeVisible()
  await dialog.getByTestId('rotate-link-viewer').click()
  await expect(dialog.getByTestId('rotate-link-confirm-viewer')).toBeFocused()

  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])
})
