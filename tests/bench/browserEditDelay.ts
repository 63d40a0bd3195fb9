/**
 * Delay of an edit between two browsers: one Chromium page types into a
 * sticky note, another page on the same board watches the note's text, and
 * each keystroke's delay from keydown in one page to the text showing in the
 * other is recorded. Needs the built app and Debian's Chromium.
 */
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts'
import { startBenchServer } from './benchServer.ts'

export interface EditDelayResult {
  samples: number
  p50Ms: number
  p95Ms: number
  maxMs: number
}

async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').click()
  await page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor()
}

export async function runBrowserEditDelay(keystrokes = 40): Promise<EditDelayResult> {
  const { board, stop } = await startBenchServer('Messung')
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const writer = await (await browser.newContext()).newPage()
    const watcher = await (await browser.newContext()).newPage()
    await join(writer, board.links.facilitator, 'Schreiberin')
    await join(watcher, board.links.participant, 'Beobachter')

    // Both pages share this machine's clock: keydown times in one, text-change times in the other.
    await writer.evaluate(() => {
      const w = window as unknown as { keyTimes: number[] }
      w.keyTimes = []
      window.addEventListener('keydown', () => w.keyTimes.push(Date.now()), true)
    })
    await writer.locator('.tl-canvas').click({ position: { x: 640, y: 450 } })
    await writer.keyboard.press('Escape')
    await writer.keyboard.press('n')
    await writer.locator('.tl-canvas').click({ position: { x: 400, y: 300 } })
    await writer.keyboard.type('M')
    await watcher.locator('.tl-shape').filter({ hasText: 'M' }).first().waitFor()
    // A string, not a function: the bundler's helpers for named functions do not exist in the page.
    await watcher.evaluate(`(() => {
      window.seen = []
      const lengthOfNote = () => Math.max(0, ...[...document.querySelectorAll('.tl-shape')].map((el) => (el.textContent ?? '').replace(/[^x]/g, '').length))
      let last = lengthOfNote()
      new MutationObserver(() => {
        const length = lengthOfNote()
        if (length > last) window.seen.push([length, Date.now()])
        last = length
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })()`)
    await writer.evaluate(() => ((window as unknown as { keyTimes: number[] }).keyTimes = []))
    for (let i = 0; i < keystrokes; i++) {
      await writer.keyboard.type('x')
      await watcher.waitForFunction((n) => (window as unknown as { seen: Array<[number, number]> }).seen.some(([l]) => l >= n), i + 1)
    }
    const keyTimes = await writer.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes)
    const seen = await watcher.evaluate(() => (window as unknown as { seen: Array<[number, number]> }).seen)
    const delays = keyTimes.map((at, i) => (seen.find(([length]) => length >= i + 1)?.[1] ?? NaN) - at).filter(Number.isFinite)
    delays.sort((a, b) => a - b)
    const pick = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))]!
    return { samples: delays.length, p50Ms: pick(0.5), p95Ms: pick(0.95), maxMs: delays[delays.length - 1]! }
  } finally {
    await browser.close()
    await stop()
  }
}
