import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServerProcess, type ServerProcess } from '../integration/serverProcess.ts'
import { expect, openBoard, test } from './boardFixtures.ts'

const ADMIN_TOKEN = 'verwaltung-geheim-0123456789'

let server: ServerProcess
let dataDir: string

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-e2e-admin-'))
  server = await startServerProcess({ dataDir, entry: 'built', env: { DORFPLATZ_ADMIN_TOKEN: ADMIN_TOKEN } })
})

test.afterAll(async () => {
  await server.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('an admin lists every board and gets a fresh facilitator link for one this browser never opened', async ({ page }) => {
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ title: 'Board aus der Verwaltung' }),
  })
  const board = await created.json()

  await page.goto(server.url)
  await page.getByTestId('admin-token-input').fill('falscher-schluessel-0123456789')
  await page.getByTestId('admin-login-submit').click()
  await expect(page.getByTestId('admin-login-error')).toBeVisible()
  await page.getByTestId('admin-token-input').fill(ADMIN_TOKEN)
  await page.getByTestId('admin-login-submit').click()

  const item = page.getByTestId('admin-board-item').filter({ hasText: 'Board aus der Verwaltung' })
  await expect(item).toBeVisible()
  await item.getByTestId('rotate-facilitator-link').click()
  await item.getByTestId('rotate-facilitator-link-confirm').click()
  const link = await item.getByTestId('rotated-facilitator-link').getAttribute('href')
  expect(link).toContain(`/b/${board.id}#token=`)
  expect(link).not.toContain(board.tokens.facilitator)

  // The old facilitator link no longer works; the new one opens the board as facilitator.
  const old = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
  expect(old.status).toBe(401)
  await openBoard(page, link!, 'IT der Verbandsgemeinde')
  await expect(page.getByTestId('add-template-button')).toBeVisible()
})
