/**
 * The accessibility statement (Erklärung zur Barrierefreiheit): reachable from the start page's
 * footer and the board's main menu, in German and English, with the contact the operator set,
 * and itself without accessibility violations.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, openBoard, test } from './boardFixtures.ts'
import { startServerProcess } from '../integration/serverProcess.ts'

test('the statement is one link away from the start page and the board, in German and English', async ({ page, server, newBrowser }) => {
  await page.goto(server.url)
  await page.getByTestId('statement-link').click()
  await expect(page).toHaveURL(/\/barrierefreiheit$/)
  const statement = page.getByTestId('accessibility-statement')
  await expect(statement.getByRole('heading', { level: 1 })).toHaveText('Erklärung zur Barrierefreiheit')
  await expect(page.getByTestId('statement-status')).toContainText('teilweise vereinbar')
  await expect(page.getByTestId('statement-criteria').getByRole('row')).toHaveCount(13)
  // No contact configured: the page says whom to ask instead of showing nothing.
  await expect(page.getByTestId('statement-contact')).toContainText('noch keine Kontaktangabe')
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.map((violation) => violation.id)).toEqual([])

  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(statement.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement')
  await expect(page.getByTestId('statement-status')).toContainText('partially compliant')

  // From a board: the main menu opens it in a new tab, and the board stays as it was.
  const board = await server.createBoard('Tastatur')
  const participant = await (await newBrowser()).newPage()
  await openBoard(participant, board.links.participant, 'Karl')
  await participant.getByTestId('main-menu.button').click()
  const [statementTab] = await Promise.all([
    participant.context().waitForEvent('page'),
    participant.getByTestId('main-menu.dorfplatz-accessibility').click(),
  ])
  await expect(statementTab.getByTestId('accessibility-statement')).toBeVisible()
  await expect(participant.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
})

test('the statement shows the contact the operator set, as a link where it is an address', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-statement-'))
  const server = await startServerProcess({ dataDir, entry: 'built', env: { DORFPLATZ_ACCESSIBILITY_CONTACT: 'barrierefreiheit@vg-musterhausen.de' } })
  try {
    await page.goto(`${server.url}/barrierefreiheit`)
    const contact = page.getByTestId('statement-contact').getByRole('link', { name: 'barrierefreiheit@vg-musterhausen.de' })
    await expect(contact).toHaveAttribute('href', 'mailto:barrierefreiheit@vg-musterhausen.de')
  } finally {
    await server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
