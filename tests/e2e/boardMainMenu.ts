/**
 * What the facilitator's after-session tests share: opening one of Dorfplatz's entries in
 * tldraw's main menu (top left), and axe's verdict on a dialog.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export type MainMenuItem =
  | 'dorfplatz-export'
  | 'dorfplatz-snapshots'
  | 'dorfplatz-history'
  | 'dorfplatz-import'
  | 'dorfplatz-save-template'
  | 'dorfplatz-manage-templates'
  | 'dorfplatz-delete'
  | 'dorfplatz-strategy'

/** Opens the main menu with its button and picks `item`, as a person does. */
export async function openMainMenuItem(page: Page, item: MainMenuItem): Promise<void> {
  await page.getByTestId('main-menu.button').click()
  await page.getByTestId(`main-menu.${item}`).click()
}

/** The serious and critical accessibility violations inside `selector`. */
export async function seriousViolations(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze()
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}
