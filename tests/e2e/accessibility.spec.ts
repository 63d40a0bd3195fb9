import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'

/** Serious and critical axe-core violations on the page as it is now, as readable strings. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test('the start page, the created links and the board have no serious accessibility violations', async ({ page, server }, testInfo) => {
  await page.goto(server.url)
  await expect(page.getByTestId('create-board-form')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  await page.getByTestId('board-title-input').fill('Workshop Verbandsgemeinde Musterhausen')
  await page.getByTestId('create-board-submit').click()
  await expect(page.getByTestId('link-participant')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('start-page-links.png'), fullPage: true })

  const link = await page.getByTestId('link-participant').getAttribute('href')
  await page.goto(link!)
  await expect(page.getByTestId('name-dialog')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await openBoard(page, link!, 'Bürgermeisterin Berg')
  expect(await seriousViolations(page)).toEqual([])
})

test('the name dialog and the language switch work with the keyboard alone', async ({ page, server }) => {
  const board = await server.createBoard('Tastatur')
  await page.goto(board.links.participant)
  const dialog = page.getByTestId('name-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('name-input')).toBeFocused()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Karl Tastatur')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('presence-list')).toContainText('Karl Tastatur')

  await page.getByTestId('language-switch').focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('connection-state')).toHaveText('Connected')
})
