/**
 * The browser side of the server's protections: the app works under its Content Security Policy
 * (not one violation while a workshop board is used), and the start page says plainly when an
 * address has created too many boards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { startServerProcess } from '../integration/serverProcess.ts'
import { openMainMenuItem } from './boardMainMenu.ts'
import { expect, openBoard, test } from './boardFixtures.ts'
import { addNote, noteWithText } from './notes.ts'

/** Collects every Content Security Policy violation the pages of `context` report. */
async function watchPolicyViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = []
  await context.exposeFunction('reportPolicyViolation', (text: string) => violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportPolicyViolation(text: string): void }).reportPolicyViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  return violations
}

test('a workshop board works under the Content Security Policy, without one violation', async ({ server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const facilitatorContext = await newBrowser()
  const participantContext = await newBrowser()
  const violations = [...(await Promise.all([facilitatorContext, participantContext].map(watchPolicyViolations)))]
  const facilitator = await facilitatorContext.newPage()
  const participant = await participantContext.newPage()

  const response = await facilitator.goto(server.url)
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'")
  const board = await server.createBoard('Sicher', { templates: ['swot'] })
  await openBoard(facilitator, board.links.facilitator, 'Anna Moderation')
  await openBoard(participant, board.links.participant, 'Bernd Bürgermeister')
  await addNote(participant, 'Glasfaser für alle', { x: 500, y: 400 })
  await expect(noteWithText(facilitator, 'Glasfaser für alle')).toBeVisible()

  // The facilitator's dialogs: versions (with the server's sketches) and exports (a PDF made in the page).
  await openMainMenuItem(facilitator, 'dorfplatz-snapshots')
  const versions = facilitator.getByTestId('snapshots-dialog')
  await versions.getByTestId('snapshot-name-input').fill('Stand')
  await versions.getByTestId('snapshot-save').click()
  await expect(versions.getByTestId('snapshot-item')).toHaveCount(1)
  await expect(versions.locator('img').first()).toBeVisible()
  await facilitator.keyboard.press('Escape')
  await openMainMenuItem(facilitator, 'dorfplatz-export')
  const download = facilitator.waitForEvent('download')
  await facilitator.getByTestId('export-dialog').getByTestId('export-pdf-create').click()
  await download
  await facilitator.keyboard.press('Escape')

  // English too: tldraw fetches its translations.
  await participant.getByTestId('language-switch').click()
  await expect(participant.locator('html')).toHaveAttribute('lang', 'en')

  expect(violations.flat()).toEqual([])
})

test('the start page says when this address has created too many boards, and when to try again', async ({ newBrowser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-e2e-'))
  const limited = await startServerProcess({ dataDir, entry: 'built', env: { DORFPLATZ_BOARDS_PER_HOUR: '1' } })
  try {
    const page = await (await newBrowser()).newPage()
    await page.goto(limited.url)
    await page.getByTestId('board-title-input').fill('Erstes Board')
    await page.getByTestId('create-board-submit').click()
    await expect(page.getByTestId('link-participant')).toBeVisible()

    await page.goto(limited.url)
    await page.getByTestId('board-title-input').fill('Zweites Board')
    await page.getByTestId('create-board-submit').click()
    await expect(page.getByTestId('create-board-error')).toHaveText(
      'Das Board konnte nicht angelegt werden: ' +        'Von dieser Adresse wurden in kurzer Zeit zu viele Boards angelegt. Bitte versuchen Sie es in 60 Minuten erneut.',
    )
  } finally {
    await limited.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
