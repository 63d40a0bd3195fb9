/**
 * What a browser downloads to show the start page and a board: every script and stylesheet the
 * page loads (read in Chromium, so that lazy chunks count only when they are fetched), each
 * gzip-compressed at level 9 as the server sends it precompressed.
 */
import zlib from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts'
import { startBenchServer } from './benchServer.ts'

export interface PageDownload {
  page: string
  files: number
  /** JavaScript and CSS, gzip-compressed. */
  gzipKiB: number
  /** The largest file, gzip-compressed. */
  largest: { name: string; gzipKiB: number }
  /** Whether the PDF code came along (it should load only for an export). */
  pdfLoaded: boolean
}

async function measure(page: Page, name: string, open: () => Promise<void>): Promise<PageDownload> {
  const bodies: Array<{ name: string; body: Promise<Buffer> }> = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type === 'script' || type === 'stylesheet') bodies.push({ name: new URL(response.url()).pathname, body: response.body() })
  })
  await open()
  await page.waitForLoadState('networkidle')
  const files = await Promise.all(
    bodies.map(async ({ name, body }) => ({ name, gzip: zlib.gzipSync(await body, { level: 9 }).byteLength })),
  )
  const largest = files.reduce((a, b) => (b.gzip > a.gzip ? b : a))
  const kib = (bytes: number) => Math.round(bytes / 1024)
  return {
    page: name,
    files: files.length,
    gzipKiB: kib(files.reduce((sum, file) => sum + file.gzip, 0)),
    largest: { name: largest.name.replace(/^\/assets\//, ''), gzipKiB: kib(largest.gzip) },
    pdfLoaded: files.some((file) => file.name.includes('renderBoardPdf')),
  }
}

export async function runBundleSizeBench(): Promise<PageDownload[]> {
  const bench = await startBenchServer('Download')
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const results: PageDownload[] = []
    for (const [name, url] of [
      ['start page', bench.server.url + '/'],
      ['board (guest link)', bench.board.links.viewer],
    ] as const) {
      // A first visit: no cache, and no service worker fetching the rest ahead.
      const context = await browser.newContext({ serviceWorkers: 'block' })
      const page = await context.newPage()
      results.push(
        await measure(page, name, async () => {
          await page.goto(url)
          if (name !== 'start page') await page.locator('.tl-canvas').waitFor({ timeout: 60_000 })
        }),
      )
      await context.close()
    }
    return results
  } finally {
    await browser.close()
    await bench.stop()
  }
}
