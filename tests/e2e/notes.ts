/** Sticky notes the way a person makes and finds them on the board. */
import type { Locator, Page } from '@playwright/test'

/** Creates a sticky note with `text`: note tool, click on the canvas, type, Escape. */
export async function addNote(page: Page, text: string, at: { x: number; y: number }): Promise<void> {
  // Focus the canvas on an empty spot far from the toolbars, then pick the note tool by its shortcut.
  await page.locator('.tl-canvas').click({ position: { x: 640, y: 450 } })
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.locator('.tl-canvas').click({ position: at })
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

export const noteWithText = (scope: Page | Locator, text: string) => scope.locator('.tl-shape').filter({ hasText: text })
