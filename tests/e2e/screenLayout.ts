/**
 * Whether the board's controls can be reached: every control of the top bar, the Moderation bar,
 * the people on the right, tldraw's menu and "Zu Vorlage springen" is the topmost element at its
 * centre (document.elementFromPoint), lies inside the window, and the panels around the canvas
 * do not overlap one another.
 */
import { expect, type Page } from '@playwright/test'

/** Controls a person clicks or reads; each must be on top at its centre. */
const CONTROLS = [
  '.tlui-menu-zone button',
  '.board-top__title',
  '[data-testid="connection-state"]',
  '[data-testid="readonly-badge"]',
  '[data-testid="timer-display"]',
  '.board-top button',
  '.moderation__bar button',
  '[data-testid="presence-item"]',
  '[data-testid="presence-more"]',
  '[data-testid="participants-button"]',
  '.board-share .language-switch',
  '[data-testid="template-jump"]',
].join(', ')

/** Panels that must not lie over one another. */
const PANELS = [
  '.tlui-menu-zone',
  '.board-top',
  '.moderation__bar',
  '.board-share',
  '.tlui-style-panel__wrapper',
  '.tlui-helper-buttons > *',
  '.voting-panel',
  '.voting-reopen',
  '.agenda',
  '.board-nav .template-jump',
  '.tlui-navigation-panel',
  '.tlui-main-toolbar__inner',
].join(', ')

export interface LayoutReport {
  /** How many controls were checked (so that a test knows the bar was there at all). */
  controls: number
  problems: string[]
}

export async function checkLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(
    ({ controls, panels }) => {
      const problems: string[] = []
      const name = (element: Element) =>
        element.getAttribute('data-testid') ??
        element.getAttribute('aria-label') ??
        (element.textContent ?? '').trim().slice(0, 30) ??
        element.className
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect()
        const style = getComputedStyle(element)
        return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.display !== 'none'
      }
      const { innerWidth, innerHeight } = window
      let count = 0
      for (const element of Array.from(document.querySelectorAll(controls))) {
        if (!visible(element)) continue
        count++
        const box = element.getBoundingClientRect()
        if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
          problems.push(`${name(element)} reaches outside the window`)
          continue
        }
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        if (!hit || !(hit === element || element.contains(hit))) {
          const by = hit ? (hit.closest('[data-testid]')?.getAttribute('data-testid') ?? hit.className) : 'nothing'
          problems.push(`${name(element)} is covered by ${String(by)}`)
        }
      }
      const boxes = Array.from(document.querySelectorAll(panels))
        .filter(visible)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!
          const b = boxes[j]!
          if (a.element.contains(b.element) || b.element.contains(a.element)) continue
          const overlapX = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left)
          const overlapY = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top)
          // A pixel of shadow or rounding is no overlap.
          if (overlapX > 1 && overlapY > 1) problems.push(`${a.element.className} overlaps ${b.element.className}`)
        }
      }
      return { controls: count, problems }
    },
    { controls: CONTROLS, panels: PANELS },
  )
}

/** Asserts that nothing around the canvas covers anything, with at least `minControls` controls on screen. */
export async function expectNothingCovered(page: Page, minControls: number, when: string): Promise<void> {
  // Panels move into place over a frame or two after a change (a timer ending, a language switch).
  await expect
    .poll(async () => (await checkLayout(page)).problems, { message: `layout ${when}`, timeout: 5000 })
    .toEqual([])
  const { controls } = await checkLayout(page)
  expect(controls, `controls on screen ${when}`).toBeGreaterThanOrEqual(minControls)
}
