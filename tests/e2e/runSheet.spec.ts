/**
 * The run-sheet ("Ablauf") in real Chromium: a facilitator plans three steps (a timer in the
 * matrix, a voting round, a presentation) in the dialog, runs them with "Nächster Schritt"
 * alone, and a participant's agenda panel follows, also after a reload.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFacilitation, readTemplateInstances } from '@dorfplatz/board'
import { expect, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { checkLayout } from './screenLayout.ts'

/** axe-core's WCAG 2.1 A and AA findings inside `selector`, as the accessibility suite reads them. */
async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/** Adds a step at the end of the open run-sheet dialog and returns it. */
async function addStep(page: Page, title: string, minutes: number) {
  const dialog = page.getByTestId('runsheet-dialog')
  await dialog.getByTestId('runsheet-add').click()
  const step = dialog.getByTestId('runsheet-step').last()
  // The new step's title takes the focus: typing goes there.
  await expect(step.getByTestId('runsheet-step-title')).toBeFocused()
  await page.keyboard.type(title)
  await step.getByTestId('runsheet-step-minutes').fill(String(minutes))
  return step
}

test('a facilitator plans three steps and runs them with "Nächster Schritt"; the participant’s agenda follows', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Workshop Digitale Dorfmitte', { templates: ['priority-matrix', 'swot'], locale: 'de' })
  const matrix = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!

  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const mayor = await (await newBrowser()).newPage()
  await openBoard(mayor, board.links.participant, 'Bürgermeister Schmitt')
  await expect(mayor.getByTestId('agenda-panel')).toHaveCount(0)

  // -- Plan -----------------------------------------------------------------------------------
  await page.getByTestId('runsheet-button').click()
  const dialog = page.getByTestId('runsheet-dialog')
  await expect(dialog).toBeVisible()
  const ideas = await addStep(page, 'Ideen sammeln', 10)
  await ideas.getByTestId('runsheet-step-place').selectOption(`${matrix.instanceId}/*`)
  await expect(ideas.getByTestId('runsheet-action-timer')).toBeChecked()

  const dots = await addStep(page, 'Punkte vergeben', 5)
  await dots.getByTestId('runsheet-action-voting').check()
  await dots.getByTestId('runsheet-voting-title').fill('Was packen wir zuerst an?')
  await dots.getByTestId('runsheet-voting-scope').selectOption(`${matrix.instanceId}/*`)

  const present = await addStep(page, 'Ergebnisse vorstellen', 15)
  await present.getByTestId('runsheet-action-timer').uncheck()
  await present.getByTestId('runsheet-action-presenting').check()

  await dialog.getByTestId('runsheet-save').click()
  await expect(dialog.getByTestId('runsheet-status')).toHaveText('Der Ablauf ist gespeichert.')
  expect(await violations(page, '[data-testid="runsheet-dialog"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  const agenda = mayor.getByTestId('agenda-panel')
  await expect(agenda.getByTestId('agenda-step')).toHaveText([/Ideen sammeln/, /Punkte vergeben/, /Ergebnisse vorstellen/])
  await expect(agenda).toContainText('Der Ablauf hat noch nicht begonnen.')

  // -- Step 1: the timer runs the step's ten minutes ------------------------------------------
  const next = page.getByTestId('next-step-button')
  await expect(next).toHaveAttribute('title', 'Den laufenden Schritt beenden und „Ideen sammeln“ beginnen')
  await next.click()
  await expect(agenda.getByTestId('agenda-step').nth(0)).toHaveAttribute('data-status', 'current')
  await expect(agenda.getByTestId('agenda-step').nth(0)).toHaveAttribute('aria-current', 'step')
  await expect(agenda.getByTestId('agenda-time-left')).toHaveText(/^noch (10:00|9:[0-5]\d)$/)
  await expect(agenda.getByTestId('agenda-next')).toHaveText('Als Nächstes: Punkte vergeben')
  await expect(mayor.getByTestId('timer-display')).toBeVisible()

  // -- Step 2: the voting round opens for the participant -------------------------------------
  await expect(next).toHaveAttribute('title', 'Den laufenden Schritt beenden und „Punkte vergeben“ beginnen')
  await next.click()
  await expect(agenda.getByTestId('agenda-step').nth(1)).toHaveAttribute('data-status', 'current')
  await expect(agenda.getByTestId('agenda-step').nth(0)).toHaveAttribute('data-status', 'done')
  await expect(mayor.getByTestId('voting-panel')).toContainText('Was packen wir zuerst an?')
  await expect(agenda.getByTestId('agenda-time-left')).toHaveText(/^noch (5:00|4:[0-5]\d)$/)
  await mayor.screenshot({ path: screenshotPath(testInfo, 'agenda.png') })
  expect(await violations(mayor, '[data-testid="agenda-panel"]')).toEqual([])
  // The agenda covers no control and lies over no other panel, beside the open round, for both.
  for (const view of [mayor, page]) expect((await checkLayout(view)).problems).toEqual([])

  // -- Step 3: the round is revealed, the presentation runs ----------------------------------
  await next.click()
  await expect(agenda.getByTestId('agenda-step').nth(2)).toHaveAttribute('data-status', 'current')
  await expect(mayor.getByTestId('presenting-banner')).toContainText('Moderatorin Weber präsentiert')
  await expect(agenda.getByTestId('agenda-next')).toHaveText('Danach ist der Ablauf zu Ende.')
  const during = readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  expect(during.activeRound).toBeNull()
  expect(during.rounds.map((round) => [round.title, round.status])).toEqual([['Was packen wir zuerst an?', 'revealed']])
  expect(during.presenting?.slides.length).toBe(2)

  // A reload shows the same agenda.
  await mayor.reload()
  await expect(mayor.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(mayor.getByTestId('agenda-panel').getByTestId('agenda-step').nth(2)).toHaveAttribute('data-status', 'current')

  // -- The end -----------------------------------------------------------------------------------
  await expect(next).toHaveAttribute('title', 'Den letzten Schritt beenden')
  await next.click()
  await expect(mayor.getByTestId('agenda-panel')).toContainText('Der Ablauf ist beendet.')
  await expect(mayor.getByTestId('presenting-banner')).toHaveCount(0)
  await expect(page.getByTestId('next-step-error')).toHaveCount(0)
  const after = readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  expect(after.runSheet.steps.map((step) => step.status)).toEqual(['done', 'done', 'done'])
})
