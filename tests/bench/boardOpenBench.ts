/**
 * How long a board with many notes takes to open in Chromium: on a browser's first visit (all
 * from the server), on a return (the browser's IndexedDB copy first, then the server's changes),
 * and without a network (copy and service worker alone). Needs the built app and Debian's Chromium.
 */
import { chromium, type Page } from '@playwright/test'
import { testNote } from '@dorfplatz/board/testing'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts'
import { startBenchServer, writeBenchRecords } from './benchServer.ts'

export interface BoardOpenResult {
  notes: number
  /** From navigation to the board shown and in sync, first visit. */
  firstVisitMs: number
  /** From navigation to the board shown (from the browser's copy), and to in sync, on a return. */
  returnShownMs: number
  returnSyncedMs: number
  /** From navigation to the board shown with no network at all. */
  offlineShownMs: number
}

const notesShown = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.tl-shape[data-shape-type="note"]').length >= n, count, {
    timeout: 120_000,
  })

const synced = (page: Page) =>
  page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 120_000 })

export async function runBoardOpenBench(notes: number): Promise<BoardOpenResult> {
  const bench = await startBenchServer('Messung')
  const { board, stop } = bench
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const records = Array.from({ length: notes }, (_, i) =>
      testNote(`n${i}`, `Notiz ${i}`, { x: (i % 40) * 220, y: Math.floor(i / 40) * 220 }),
    )
    await writeBenchRecords(bench, records)

    // A guest's link: no name to ask for, so the timings are the board's alone.
    const context = await browser.newContext()
    const page = await context.newPage()
    let started = Date.now()
    await page.goto(board.links.viewer)
    await synced(page)
    await notesShown(page, 1)
    const firstVisitMs = Date.now() - started
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null)

    started = Date.now()
    await page.reload()
    await notesShown(page, 1)
    const returnShownMs = Date.now() - started
    await synced(page)
    const returnSyncedMs = Date.now() - started

    await context.setOffline(true)
    started = Date.now()
    await page.reload()
    await notesShown(page, 1)
    const offlineShownMs = Date.now() - started
    return { notes, firstVisitMs, returnShownMs, returnSyncedMs, offlineShownMs }
  } finally {
    await browser.close()
    await stop()
  }
}
