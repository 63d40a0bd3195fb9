/**
 * A facilitator runs a timer and a voting round with the keyboard alone: every control reached by
 * Tab, operated by Enter, and not one pointer event in the facilitator's page.
 */
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'

/** Presses Tab until the element with `testId` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, testId: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${testId} was not reached with ${limit} presses of Tab`)
}

test('a facilitator runs a timer and a voting round by keyboard alone', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  await page.addInitScript(() => {
    const counted = window as unknown as { pointerEvents: string[] }
    counted.pointerEvents = []
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'wheel']) {
      window.addEventListener(type, (event) => event.isTrusted && counted.pointerEvents.push(type), true)
    }
  })
  const board = await server.createBoard('Tastatur', { templates: ['priority-matrix'] })
  const mayor = await (await newBrowser()).newPage()
  await openBoard(mayor, board.links.participant, 'Herr Klein')

  await page.goto(board.links.facilitator)
  await expect(page.getByTestId('name-input')).toBeFocused()
  await page.keyboard.type('Anna Moderation')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('name-dialog')).toBeHidden()
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  // The timer: five minutes, for everyone.
  await tabTo(page, 'timer-button')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('timer-dialog')).toBeVisible()
  await tabTo(page, 'timer-minutes-input')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('5')
  await tabTo(page, 'timer-start')
  await page.keyboard.press('Enter')
  await expect(mayor.getByTestId('timer-display')).toHaveAttribute('data-status', 'running')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('timer-dialog')).toBeHidden()

  // A voting round over the whole board, then its reveal.
  await tabTo(page, 'vote-start-button')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('vote-dialog')).toBeVisible()
  await tabTo(page, 'vote-title-input')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('Was zuerst?')
  await tabTo(page, 'vote-start-submit')
  await page.keyboard.press('Enter')
  await expect(mayor.getByTestId('voting-panel')).toBeVisible()
  await tabTo(page, 'reveal-button', 120)
  await page.keyboard.press('Enter')
  await tabTo(page, 'reveal-confirm')
  await page.keyboard.press('Enter')
  await expect(mayor.getByTestId('results-panel')).toBeVisible()
  await expect(page.getByTestId('results-panel')).toBeVisible()

  expect(await page.evaluate(() => (window as unknown as { pointerEvents: string[] }).pointerEvents)).toEqual([])
})

/** Every control a facilitator runs the session with, in the order Tab reaches them is not asserted; each must be reached. */
const FACILITATOR_CONTROLS = [
  'list-view-skip-link',
  'main-menu.button',
  'share-button',
  'add-template-button',
  'timer-button',
  'summon-button',
  'follow-button',
  'presenting-button',
  'freeze-button',
  'private-round-button',
  'vote-start-button',
  'template-lock-button',
  'export-button',
  'snapshots-button',
  'projector-button',
  'list-view-toggle',
  'comments-button',
  'participants-button',
  'language-switch',
]

/** Whether the focused element shows that it has the focus: an outline or a ring drawn around it. */
async function showsFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element) return false
    const style = getComputedStyle(element)
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
  })
}

test('every control of the session is reached by Tab, shows its focus, and a dialog gives the focus back', async ({ page, server }) => {
  const board = await server.createBoard('Tastatur', { templates: ['priority-matrix'] })
  await openBoard(page, board.links.facilitator, 'Anna Moderation')
  await page.locator('body').focus()
  for (const control of FACILITATOR_CONTROLS) {
    await tabTo(page, control, 150)
    expect({ control, focusShown: await showsFocus(page) }).toEqual({ control, focusShown: true })
  }
  // A dialog keeps the focus inside while open (a modal <dialog>: past its last control the
  // browser's own bar takes it, never the board behind), and returns it to the button that opened it.
  await tabTo(page, 'share-button', 150)
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('share-dialog')
  await expect(dialog).toBeVisible()
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement) || document.activeElement === document.body)).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('share-button')).toBeFocused()
})
