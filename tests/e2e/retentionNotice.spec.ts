/**
 * The retention warning (DORFPLATZ_RETENTION_DAYS): with a period of 14 days a new board is in its
 * last two weeks at once, so the facilitator sees when it would be deleted and why, in German and
 * in English; a participant sees nothing of it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { expect, openBoard, test } from './boardFixtures.ts'
import { seriousViolations } from './boardMainMenu.ts'
import { startServerProcess } from '../integration/serverProcess.ts'

test('the facilitator is warned before retention deletes the board, a participant is not', async ({ page, newBrowser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-e2e-retention-'))
  const server = await startServerProcess({ dataDir, entry: 'built', env: { DORFPLATZ_RETENTION_DAYS: '14' } })
  try {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bald gelöscht' }),
    })
    const board = (await response.json()) as CreatedBoard
    const link = (role: 'facilitator' | 'participant') => board.links[role].replace(/^http:\/\/[^/]+/, server.url)

    await openBoard(page, link('facilitator'), 'Moderatorin Weber')
    const notice = page.getByTestId('retention-notice')
    await expect(notice).toContainText('Dieses Board wird am')
    await expect(notice).toContainText('gelöscht, weil es seit dem')
    await expect(notice).toContainText('Mit diesem Öffnen beginnt die Frist von 14 Tagen neu.')
    expect(await seriousViolations(page, '[data-testid="retention-notice"]')).toEqual([])
    await page.getByTestId('language-switch').click()
    await expect(notice).toContainText('This board will be deleted on')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).toBeHidden()

    const participant = await (await newBrowser()).newPage()
    await openBoard(participant, link('participant'), 'Herr Schmitt')
    await expect(participant.getByTestId('retention-notice')).toHaveCount(0)
  } finally {
    await server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
