/**
 * The shell reflows (WCAG 1.4.10) and holds at 200 % zoom (1.4.4): at 320 CSS pixels wide, and at
 * 640 × 400 (a 1280 × 800 window zoomed to 200 %), no page scrolls sideways, and the board's own
 * controls stay on the screen; nor does the list view.
 */
import type { Page } from '@playwright/test'
import { expect, openBoard, test } from './boardFixtures.ts'

const SIZES = [
  { name: '320 px wide', viewport: { width: 320, height: 640 } },
  { name: '200 % zoom', viewport: { width: 640, height: 400 } },
]

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

for (const { name, viewport } of SIZES) {
  test(`nothing scrolls sideways at ${name}`, async ({ server, newBrowser }) => {
    const board = await server.createBoard('Schmal', { templates: ['priority-matrix'] })
    const page = await (await newBrowser({ viewport })).newPage()
    await page.goto(server.url)
    await expect(page.getByTestId('create-board-form')).toBeVisible()
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
    await page.goto(`${server.url}/barrierefreiheit`)
    await expect(page.getByTestId('statement-criteria')).toBeVisible()
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
    await openBoard(page, board.links.participant, 'Herr Klein')
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
    await expect(page.getByTestId('connection-state')).toBeInViewport()
    await expect(page.getByTestId('main-menu.button')).toBeInViewport()
    // The list view, the canvas's alternative, reflows too.
    await page.getByTestId('list-view-toggle').click()
    await expect(page.getByTestId('list-view')).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Priorisierungsmatrix' })).toBeVisible()
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
    expect(await page.getByTestId('list-view').evaluate((list) => list.scrollWidth - list.clientWidth)).toBeLessThanOrEqual(0)
  })
}
