/**
 * axe-core (WCAG 2.1 A and AA) on every dialog of the board, in German and English: no violation
 * of any impact. The list of dialogs is checked against the source, so that a new dialog without
 * a check here fails this test.
 */
import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'
import { openMainMenuItem } from './boardMainMenu.ts'
import { addNote, noteWithText } from './notes.ts'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** How a facilitator opens each dialog, as a person does. */
const DIALOGS: Record<string, (page: Page) => Promise<void>> = {
  'share-dialog': (page) => page.getByTestId('share-button').click(),
  'add-template-dialog': (page) => page.getByTestId('add-template-button').click(),
  'timer-dialog': (page) => page.getByTestId('timer-button').click(),
  'vote-dialog': (page) => page.getByTestId('vote-start-button').click(),
  'private-round-dialog': (page) => page.getByTestId('private-round-button').click(),
  'strategy-dialog': (page) => openMainMenuItem(page, 'dorfplatz-strategy'),
  'runsheet-dialog': (page) => page.getByTestId('runsheet-button').click(),
  'export-dialog': (page) => page.getByTestId('export-button').click(),
  'snapshots-dialog': (page) => page.getByTestId('snapshots-button').click(),
  'history-dialog': (page) => openMainMenuItem(page, 'dorfplatz-history'),
  'import-dialog': (page) => openMainMenuItem(page, 'dorfplatz-import'),
  'save-template-dialog': (page) => openMainMenuItem(page, 'dorfplatz-save-template'),
  'manage-templates-dialog': (page) => openMainMenuItem(page, 'dorfplatz-manage-templates'),
  'delete-board-dialog': (page) => openMainMenuItem(page, 'dorfplatz-delete'),
  'carry-forward-dialog': (page) => openMainMenuItem(page, 'dorfplatz-carry-forward'),
  'note-step-dialog': async (page) => {
    await addNote(page, 'Nächster Schritt', { x: 640, y: 420 })
    const note = noteWithText(page, 'Nächster Schritt').first()
    await note.click()
    await note.click({ button: 'right' })
    await page.getByTestId('context-menu.dorfplatz-note-step').click()
  },
}
/** Checked where it opens by itself: on a first visit. */
const NAME_DIALOG = 'name-dialog'

/** Every dialog the web app's source declares (`testId="…-dialog"` on a ModalDialog, or a data-testid). */
function dialogsInSource(): string[] {
  const found = new Set<string>()
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) visit(file)
      else if (/\.tsx$/.test(entry.name)) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(/(?:testId|data-testid)="([a-z-]+-dialog)"/g)) found.add(match[1]!)
      }
    }
  }
  visit(path.resolve('apps/web/src'))
  return [...found].sort()
}

async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG_TAGS).analyze()
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test('every dialog of the web app is checked here', () => {
  expect(dialogsInSource()).toEqual([...Object.keys(DIALOGS), NAME_DIALOG].sort())
})

for (const language of ['de', 'en'] as const) {
  test(`every dialog has no accessibility violation of any impact (${language})`, async ({ page, server }, testInfo) => {
    testInfo.setTimeout(120_000)
    const board = await server.createBoard('Barrierefrei', { templates: ['priority-matrix'] })
    if (language === 'en') {
      // The choice is the browser's: made on the start page, it holds on the board.
      await page.goto(server.url)
      await page.getByTestId('language-switch').first().click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    }
    await page.goto(board.links.facilitator)
    await expect(page.getByTestId(NAME_DIALOG)).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    expect(await violations(page, `[data-testid="${NAME_DIALOG}"]`)).toEqual([])
    await openBoard(page, board.links.facilitator, 'Anna Moderation')
    for (const [dialog, open] of Object.entries(DIALOGS)) {
      await open(page)
      const element = page.getByTestId(dialog)
      await expect(element).toBeVisible()
      expect({ dialog, violations: await violations(page, `[data-testid="${dialog}"]`) }).toEqual({ dialog, violations: [] })
      await page.keyboard.press('Escape')
      await expect(element).toBeHidden()
    }
  })
}

for (const language of ['de', 'en'] as const) {
  test(`every screen has no accessibility violation of any impact, for every role (${language})`, async ({ page, server, newBrowser }, testInfo) => {
    testInfo.setTimeout(120_000)
    const board = await server.createBoard('Barrierefrei', { templates: ['priority-matrix'] })
    await page.goto(server.url)
    if (language === 'en') await page.getByTestId('language-switch').first().click()
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    expect({ screen: 'start', violations: await violations(page, 'body') }).toEqual({ screen: 'start', violations: [] })
    await page.goto(`${server.url}/barrierefreiheit`)
    await expect(page.getByTestId('statement-contact')).not.toContainText('…')
    expect({ screen: 'statement', violations: await violations(page, 'body') }).toEqual({ screen: 'statement', violations: [] })
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const visitor = await (await newBrowser()).newPage()
      await visitor.goto(server.url)
      if (language === 'en') await visitor.getByTestId('language-switch').first().click()
      if (role === 'viewer') await visitor.goto(board.links.viewer)
      else await openBoard(visitor, board.links[role], `Person ${role}`)
      await expect(visitor.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
      expect({ screen: `board as ${role}`, violations: await violations(visitor, 'body') }).toEqual({ screen: `board as ${role}`, violations: [] })
      if (role !== 'facilitator') continue
      // The projector view, opened from the moderation bar, on the room's second screen.
      const [projector] = await Promise.all([visitor.waitForEvent('popup'), visitor.getByTestId('projector-button').click()])
      await expect(projector.getByTestId('projector')).toBeVisible()
      expect({ screen: 'projector', violations: await violations(projector, 'body') }).toEqual({ screen: 'projector', violations: [] })
    }
  })
}
