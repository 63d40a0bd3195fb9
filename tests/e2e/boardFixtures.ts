/**
 * Playwright fixtures: a real Dorfplatz server (the built bundle, as the
 * README starts it) on a free port with its own data directory, that a test
 * can kill and start again; and a record of every request the pages make.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { startServerProcess, type ServerProcess } from '../integration/serverProcess.ts'

export interface DorfplatzServer {
  url: string
  current: ServerProcess
  /** Kills the server with `signal` and starts it again on the same port and data. */
  restart(signal: NodeJS.Signals): Promise<void>
  /** Creates a board, with the given templates built in German unless `locale` says otherwise. */
  createBoard(title: string, options?: { templates?: string[]; locale?: 'de' | 'en' }): Promise<CreatedBoard>
}

export const test = base.extend<{
  server: DorfplatzServer
  requestLog: string[]
  /**
   * A new browser context (another person's browser, a phone with `options`), closed when the
   * test ends; its requests land in requestLog.
   */
  newBrowser: (options?: BrowserContextOptions) => Promise<BrowserContext>
}>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-e2e-'))
    let current = await startServerProcess({ dataDir, entry: 'built' })
    const server: DorfplatzServer = {
      url: current.url,
      get current() {
        return current
      },
      async restart(signal) {
        const port = current.port
        await current.kill(signal)
        current = await startServerProcess({ dataDir, port, entry: 'built' })
      },
      async createBoard(title, { templates, locale } = {}) {
        const response = await fetch(`${current.url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title, templates, locale }),
        })
        expect(response.status).toBe(201)
        return (await response.json()) as CreatedBoard
      },
    }
    await use(server)
    await current.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
  // eslint-disable-next-line no-empty-pattern
  requestLog: async ({}, use) => {
    await use([])
  },
  newBrowser: async ({ browser, requestLog }, use) => {
    const contexts: BrowserContext[] = []
    await use(async (options) => {
      const context = await browser.newContext(options)
      recordRequests(context, requestLog)
      contexts.push(context)
      return context
    })
    await Promise.all(contexts.map((context) => context.close()))
  },
})

export { expect }

/** Records every request of every page in `context` into `log`. */
export function recordRequests(context: BrowserContext, log: string[]): void {
  context.on('request', (request) => log.push(request.url()))
}

/** URLs of `log` that leave this machine. */
export function nonLocalRequests(log: string[]): string[] {
  return log.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false
    const { hostname } = new URL(url)
    return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname)
  })
}

/** Opens a board link and answers the first-visit name dialog. */
export async function openBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  const dialog = page.getByTestId('name-dialog')
  await expect(dialog).toBeVisible()
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
}
