/**
 * `pnpm fuzz`: the long robustness run. A seeded fuzz run with a million hostile messages (see
 * fuzzRun.ts), then the `kill -9` loop under write load with many cycles. Prints a report; the
 * figures of the last run are in docs/robustness.md.
 *
 * Settings: DORFPLATZ_FUZZ_MESSAGES (1000000), DORFPLATZ_FUZZ_SEED (today's date),
 * DORFPLATZ_FUZZ_CONCURRENCY (16), DORFPLATZ_CRASH_CYCLES (50).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runFuzz } from './fuzzRun.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const messages = Number(process.env.DORFPLATZ_FUZZ_MESSAGES ?? 1_000_000)
const seed = Number(process.env.DORFPLATZ_FUZZ_SEED ?? new Date().toISOString().slice(0, 10).replaceAll('-', ''))
const concurrency = Number(process.env.DORFPLATZ_FUZZ_CONCURRENCY ?? 16)
const crashCycles = Number(process.env.DORFPLATZ_CRASH_CYCLES ?? 50)

console.log(`Fuzz run: ${messages} hostile messages, seed ${seed}, ${concurrency} sockets at a time`)
const startedAt = Date.now()
const report = await runFuzz({
  seed,
  messages,
  concurrency,
  onProgress: (sent) => {
    if (sent % 10_000 < 200 * 4) {
      const seconds = (Date.now() - startedAt) / 1000
      process.stdout.write(`  ${sent} messages, ${Math.round(sent / seconds)} per second\n`)
    }
  },
})
console.log(JSON.stringify(report, null, 2))
const fuzzPassed =
  report.serverAlive &&
  report.healthStatus === 200 &&
  report.isolatedBoards === 0 &&
  Object.keys(report.honestCloses).length === 0 &&
  report.converged &&
  report.lostAfterKill === 0

console.log(`\nkill -9 loop: ${crashCycles} cycles under write load`)
const crash = spawnSync(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', 'tests/integration/crash.test.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DORFPLATZ_CRASH_CYCLES: String(crashCycles) },
})

const passed = fuzzPassed && crash.status === 0
console.log(`\nFuzz run ${fuzzPassed ? 'passed' : 'FAILED'}; kill -9 loop ${crash.status === 0 ? 'passed' : 'FAILED'}.`)
process.exit(passed ? 0 : 1)
