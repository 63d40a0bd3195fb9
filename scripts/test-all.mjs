#!/usr/bin/env node
// Runs every test suite (Vitest: unit, contract and integration; Playwright:
// end-to-end in Chromium) and ends with one line `N passed, N failed` summing
// them all. The same line is written to tests/.artifacts/summary.txt.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ARTIFACTS = path.join(ROOT, 'tests/.artifacts')
fs.mkdirSync(ARTIFACTS, { recursive: true })
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name)

const vitestJson = path.join(ARTIFACTS, 'vitest.json')
const playwrightJson = path.join(ARTIFACTS, 'playwright.json')
for (const file of [vitestJson, playwrightJson]) fs.rmSync(file, { force: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
let runnerFailed = false

console.log('\n━━ Vitest: unit, contract and integration tests ━━')
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
  cwd: ROOT,
  stdio: 'inherit',
})
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
  // A file that fails to load has no tests to count; count it as one failure.
  totals.failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
}
if (vitest.status !== 0 && totals.failed === 0) runnerFailed = true

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!fs.existsSync(chromium)) {
  console.error(`\n✗ No Chromium at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`)
  runnerFailed = true
} else {
  console.log('\n━━ Playwright: end-to-end tests in Chromium ━━')
  // playwright.config.ts writes its JSON report to tests/.artifacts/playwright.json.
  const playwright = spawnSync(bin('playwright'), ['test'], { cwd: ROOT, stdio: 'inherit' })
  let counted = false
  if (fs.existsSync(playwrightJson)) {
    const { stats, errors } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'))
    totals.passed += stats.expected + stats.flaky
    totals.failed += stats.unexpected + (errors?.length ?? 0)
    totals.skipped += stats.skipped
    counted = stats.expected + stats.unexpected + stats.flaky + stats.skipped > 0 || (errors?.length ?? 0) > 0
  }
  if (playwright.status !== 0 && !counted) runnerFailed = true
}

if (runnerFailed) totals.failed += 1
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`
fs.writeFileSync(path.join(ARTIFACTS, 'summary.txt'), `${summary}\n`)
console.log(`\n${summary}`)
process.exit(totals.failed > 0 ? 1 : 0)
