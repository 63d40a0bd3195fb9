/**
 * How tests and benchmarks launch Chromium: Debian's build (Playwright's own
 * browser download cannot be used here), headless, with every background
 * service that would reach out to the network turned off.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
