/**
 * tldraw's own surface as a workshop sees it: the tools a role needs, Dorfplatz's words in
 * tldraw's tooltips, one language switch, no designer switches in the menus, the style panel
 * folded until someone opens it, and a pasted web address that stays a link without anything
 * loaded from another site.
 */
import type { Locator, Page } from '@playwright/test'
import { readBoardRecords } from '@dorfplatz/board'
import { expect, nonLocalRequests, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'

const VIEWPORT = { width: 1400, height: 900 }

/** tldraw's words that are meant for designers, not for a workshop. */
const DESIGNER_WORDS = ['Debug', 'Tool-Sperre', 'Einbettung', 'Einbetten', 'Alle entsperren', 'Sprache', 'Dunkelmodus', 'Fokus-Modus', 'Hinweis']

async function toolIds(page: Page): Promise<string[]> {
  return page.locator('.tlui-main-toolbar [data-testid^="tools."]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid')!))
}

/** The text of the main menu with each of its submenus opened in turn. */
async function mainMenuText(page: Page): Promise<string> {
  await page.getByTestId('main-menu.button').click()
  const texts = [await page.locator('[data-radix-popper-content-wrapper]').allInnerTexts()]
  for (const submenu of ['edit', 'view', 'preferences']) {
    await page.getByTestId(`main-menu-sub.${submenu}-button`).click()
    texts.push(await page.locator('[data-radix-popper-content-wrapper]').allInnerTexts())
  }
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-radix-popper-content-wrapper]')).toHaveCount(0)
  return texts.flat().join('\n')
}

function expectNoDesignerWords(text: string): void {
  for (const word of DESIGNER_WORDS) expect(text, word).not.toContain(word)
}

/** Pastes `text` onto the board as the browser does when someone presses Ctrl+V. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

const stylePanel = (page: Page): Locator => page.getByTestId('style.panel')

test('a participant gets the workshop’s tools in Dorfplatz’s words, and nothing for designers', async ({ server, newBrowser, requestLog }) => {
  const board = await server.createBoard('Dorfentwicklung Musterhausen', { templates: ['swot'], locale: 'de' })
  const page = await (await newBrowser({ viewport: VIEWPORT })).newPage()
  // The desktop's name dialog speaks of the mouse pointer that carries the name.
  await page.goto(board.links.participant)
  await expect(page.getByTestId('name-dialog')).toContainText('an Ihrem Mauszeiger')
  await openBoard(page, board.links.participant, 'Bürgermeisterin Berg')

  // -- Tools ----------------------------------------------------------------------------------
  expect(await toolIds(page)).toEqual([
    'tools.select',
    'tools.hand',
    'tools.note',
    'tools.text',
    'tools.draw',
    'tools.eraser',
    'tools.arrow',
    'tools.rectangle',
    'tools.ellipse',
  ])
  // All in view: nothing folded into "Mehr".
  await expect(page.getByTestId('tools.more-button')).toHaveCount(0)
  // The note is a "Notiz" in the tooltip and to screen readers, as everywhere in Dorfplatz.
  await expect(page.getByTestId('tools.note')).toHaveAccessibleName('Notiz — N')
  // The frame's shortcut does nothing for a participant: no frame tool.
  await page.locator('.tl-canvas').click({ position: { x: 700, y: 450 } })
  await page.keyboard.press('f')
  await expect(page.getByTestId('tools.select')).toHaveAttribute('aria-pressed', 'true')

  // -- The style panel opens on demand ----------------------------------------------------------
  await page.getByTestId('tools.note').click()
  await expect(stylePanel(page)).toHaveCount(0)
  // No tool lock beside the toolbar.
  await expect(page.getByTestId('tool-lock')).toBeHidden()
  await page.getByTestId('style-panel-button').click()
  await expect(stylePanel(page)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(stylePanel(page)).toHaveCount(0)
  await page.getByTestId('tools.select').click()

  // -- Menus -----------------------------------------------------------------------------------
  const menu = await mainMenuText(page)
  expect(menu).toContain('Bearbeiten')
  expect(menu).toContain('Alles exportieren als')
  expect(menu).toContain('Barrierefreiheit')
  expectNoDesignerWords(menu)
  expect(menu).not.toContain('Raster')
  // tldraw's help menu held only its language menu; there is none.
  await expect(page.getByTestId('help-menu.button')).toHaveCount(0)

  // -- One language switch drives tldraw too ----------------------------------------------------
  await page.getByTestId('language-switch').click()
  await expect(page.getByTestId('tools.note')).toHaveAccessibleName('Note — N')
  await expect(page.getByTestId('style-panel-button')).toHaveText('Colour and style')
  await page.getByTestId('language-switch').click()
  await expect(page.getByTestId('tools.note')).toHaveAccessibleName('Notiz — N')

  // -- A pasted web address stays a link, and nothing is loaded from its site ---------------------
  await page.locator('.tl-canvas').click({ position: { x: 700, y: 450 } })
  for (const url of ['https://www.example.org/dorfladen', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']) {
    await paste(page, url)
    await expect(page.locator(`.tl-shape[data-shape-type="text"] a[href="${url}"]`)).toBeVisible()
  }
  const shapesWithLinks = async () =>
    ([...readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).values()] as Array<{ type?: string }>).filter(
      (shape) => /example\.org|youtube\.com/.test(JSON.stringify(shape)),
    )
  await expect.poll(async () => (await shapesWithLinks()).map((shape) => shape.type)).toEqual(['text', 'text'])
  await expect(page.locator('iframe')).toHaveCount(0)
  // The log records this browser's requests (the app's own), and none left this machine.
  expect(requestLog.length).toBeGreaterThan(10)
  expect(nonLocalRequests(requestLog)).toEqual([])
})

test('a facilitator also gets frames, the laser pointer and pictures, still without designer switches', async ({ page, server }) => {
  const board = await server.createBoard('Klausur Gemeinderat', { templates: ['priority-matrix'], locale: 'de' })
  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  expect(await toolIds(page)).toEqual([
    'tools.select',
    'tools.hand',
    'tools.note',
    'tools.text',
    'tools.draw',
    'tools.eraser',
    'tools.arrow',
    'tools.rectangle',
    'tools.ellipse',
    'tools.frame',
    'tools.laser',
    'tools.asset',
  ])
  await expect(page.getByTestId('tools.more-button')).toHaveCount(0)
  await expect(page.getByTestId('tools.asset')).toHaveAccessibleName(/^Bild oder Video einfügen/)
  const menu = await mainMenuText(page)
  expect(menu).toContain('Raster anzeigen')
  expect(menu).toContain('Bild oder Video einfügen')
  // Dorfplatz's own export replaces tldraw's "Alles exportieren als".
  expect(menu).not.toContain('Alles exportieren als')
  expectNoDesignerWords(menu)
})
