import { expect, nonLocalRequests, openBoard, test } from './boardFixtures.ts'
import { addNote, noteWithText } from './notes.ts'
import type { Page } from '@playwright/test'

test('two browsers edit one board live, a viewer only watches, and the board survives a crash', async ({
  server,
  requestLog,
  newBrowser,
}, testInfo) => {
  testInfo.setTimeout(120_000)
  const facilitator = await (await newBrowser()).newPage()
  const participant = await (await newBrowser()).newPage()
  const viewer = await (await newBrowser()).newPage()

  // The facilitator creates the board from the start page, in German.
  await facilitator.goto(server.url)
  await expect(facilitator.locator('html')).toHaveAttribute('lang', 'de')
  await facilitator.getByTestId('board-title-input').fill('Digitale Kommune – Workshop 1')
  await facilitator.getByTestId('create-board-submit').click()
  const participantLink = await linkOf(facilitator, 'participant')
  const viewerLink = await linkOf(facilitator, 'viewer')
  const facilitatorLink = await linkOf(facilitator, 'facilitator')
  expect(new Set([participantLink, viewerLink, facilitatorLink]).size).toBe(3)

  await openBoard(facilitator, facilitatorLink, 'Anna Moderation')
  await openBoard(participant, participantLink, 'Bernd Beteiligt')
  await expect(facilitator.getByText('Digitale Kommune – Workshop 1').first()).toBeVisible()

  // Both see each other in the presence list, with names.
  await expect(facilitator.getByTestId('presence-item')).toHaveCount(2)
  await expect(facilitator.getByTestId('presence-list')).toContainText('Bernd Beteiligt')
  await expect(participant.getByTestId('presence-list')).toContainText('Anna Moderation')

  // A note made by the facilitator appears for the participant, and the other way round.
  const started = Date.now()
  await addNote(facilitator, 'Breitband für alle Ortsteile', { x: 400, y: 300 })
  await expect(noteWithText(participant, 'Breitband für alle Ortsteile')).toBeVisible()
  testInfo.annotations.push({ type: 'edit delay incl. typing (ms)', description: String(Date.now() - started) })
  await addNote(participant, 'Dorf-App für Vereine', { x: 700, y: 300 })
  await expect(noteWithText(facilitator, 'Dorf-App für Vereine')).toBeVisible()

  // The participant's cursor shows on the facilitator's screen with the participant's name.
  await participant.mouse.move(600, 500)
  await participant.mouse.move(620, 520)
  await expect(facilitator.locator('.tl-collaborators').getByText('Bernd Beteiligt')).toBeVisible()

  // The viewer sees the board live but cannot change it.
  await viewer.goto(viewerLink)
  const nameDialog = viewer.getByTestId('name-dialog')
  if (await nameDialog.isVisible()) {
    await viewer.getByTestId('name-input').fill('Clara Gast')
    await viewer.getByTestId('name-submit').click()
  }
  await expect(viewer.getByTestId('readonly-badge')).toBeVisible()
  await expect(noteWithText(viewer, 'Breitband für alle Ortsteile')).toBeVisible()
  await addNote(viewer, 'Darf nicht erscheinen', { x: 500, y: 500 })
  await addNote(facilitator, 'Nach dem Gast', { x: 400, y: 550 })
  await expect(noteWithText(viewer, 'Nach dem Gast')).toBeVisible()
  await expect(noteWithText(participant, 'Nach dem Gast')).toBeVisible()
  await expect(noteWithText(participant, 'Darf nicht erscheinen')).toHaveCount(0)
  await expect(noteWithText(viewer, 'Darf nicht erscheinen')).toHaveCount(0)
  await viewer.screenshot({ path: testInfo.outputPath('viewer.png') })

  // The server is killed without warning and started again: after a reload, everything is there.
  await facilitator.screenshot({ path: testInfo.outputPath('before-crash.png') })
  await server.restart('SIGKILL')
  await participant.reload()
  await expect(participant.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  for (const text of ['Breitband für alle Ortsteile', 'Dorf-App für Vereine', 'Nach dem Gast']) {
    await expect(noteWithText(participant, text)).toBeVisible()
  }
  // The facilitator's open page reconnects by itself and keeps working.
  await expect(facilitator.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await addNote(facilitator, 'Nach dem Neustart', { x: 800, y: 550 })
  await expect(noteWithText(participant, 'Nach dem Neustart')).toBeVisible()
  await participant.screenshot({ path: testInfo.outputPath('after-restart.png') })

  // Nothing left this machine.
  expect(requestLog.length).toBeGreaterThan(10)
  expect(nonLocalRequests(requestLog)).toEqual([])
})

test('the start page switches to English and back, and remembers the choice', async ({ page, server }) => {
  await page.goto(server.url)
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.getByRole('heading', { name: 'Neues Board' })).toBeVisible()
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: 'New board' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'New board' })).toBeVisible()
})

test('a wrong link explains itself instead of showing an empty board', async ({ page, server }) => {
  const board = await server.createBoard('Echtes Board')
  await page.goto(`${server.url}/b/${board.id}#token=${'x'.repeat(43)}`)
  await expect(page.getByTestId('board-error')).toContainText('ungültig')
})

async function linkOf(page: Page, role: 'facilitator' | 'participant' | 'viewer'): Promise<string> {
  const element = page.getByTestId(`link-${role}`)
  await expect(element).toBeVisible()
  const href = await element.getAttribute('href')
  const value = href ?? (await element.inputValue().catch(() => null)) ?? (await element.textContent())
  if (!value) throw new Error(`no ${role} link`)
  return value.trim()
}
