import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.ts'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.artifacts/e2e',
  // Each test file starts its own server; two cores run one browser pair at a time best.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'tests/.artifacts/playwright.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'de-DE',
    viewport: { width: 1280, height: 800 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
})
