/**
 * Hands the focus back to tldraw's main-menu button. Dialogs opened from the main menu need
 * it: the menu item that had the focus is gone by the time such a dialog closes.
 */
export function focusMainMenuButton(): void {
  document.querySelector<HTMLElement>('[data-testid="main-menu.button"]')?.focus()
}
