/**
 * `pnpm bench`: runs the benchmarks and writes their figures to
 * docs/benchmarks.md. Timings vary with the machine; compare runs on one machine.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureDocGrowth } from '@dorfplatz/board'
import { runBoardOpenBench, type BoardOpenResult } from './boardOpenBench.ts'
import { runBundleSizeBench, type PageDownload } from './bundleSizeBench.ts'
import type { ScenarioResult } from './compare/compare.ts'
import { comparisonLines } from './compare/report.ts'
import { comparedScenarios, runComparison } from './compare/scenarios.ts'
import {
  runBoardChurnBench,
  runFirstSyncBench,
  runIdleRss,
  type BoardChurnResult,
  type FirstSyncResult,
  type IdleRssResult,
} from './serverMemoryBench.ts'
import { runBrowserEditDelay, type EditDelayResult } from './browserEditDelay.ts'
import { runGuardBench } from './guardBench.ts'
import { runHostileBench } from './hostileBench.ts'
import { runRelayBench, type RelayBenchResult } from './relayBench.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const quick = process.argv.includes('--quick')
/** `--only=compare,memory`: run some parts (and print them, without writing docs/benchmarks.md). */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',')
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? (quick ? 1 : 2))
const part = (name: 'compare' | 'memory' | 'relay' | 'browser' | 'checks') => !only || only.includes(name)

// The side-by-side comparison with the bare relay, the reference server and Hocuspocus.
/** `--scenarios=five-thousand,ten-thousand`: only these comparisons (names in compare/scenarios.ts). */
const scenarioNames = process.argv.find((arg) => arg.startsWith('--scenarios='))?.slice('--scenarios='.length).split(',')
/** `--warmup=N`: each scenario's load runs N seconds (10 unless quick) before it is measured, so that every server's code is compiled by then. */
const warmup = Number(process.argv.find((arg) => arg.startsWith('--warmup='))?.slice('--warmup='.length) ?? (quick ? 0 : 10))
const scenarios = comparedScenarios(quick, warmup).filter((s) => !scenarioNames || scenarioNames.includes(s.name))
const compared = part('compare')
  ? await runComparison(scenarios, runs, (r) =>
      console.log(`${r.scenario} · ${r.contender}: edit p99 ${r.editP99Ms} ms, cursor p99 ${r.cursorP99Ms} ms, CPU ${r.serverCpuPercent} %, RSS ${r.serverPeakRssMiB} MiB, connect ${r.connectMs} ms`),
    )
  : new Map<string, ScenarioResult[]>()

let idleRows: IdleRssResult[] = []
let firstSync: FirstSyncResult | undefined
let churn: BoardChurnResult | undefined
if (part('memory')) {
  idleRows = await runIdleRss(['dorfplatz', 'relay', 'y-websocket', 'hocuspocus'], quick ? 10 : 60)
  console.table(idleRows)
  firstSync = await runFirstSyncBench(quick ? 500 : 5000)
  console.log(firstSync)
  churn = await runBoardChurnBench(quick ? 500 : 10_000, quick ? 10 : 60)
  console.log(churn)
}

const relayRuns: RelayBenchResult[] = []
for (const clients of !part('relay') ? [] : quick ? [10] : [10, 50, 100]) {
  const result = await runRelayBench({ clients, cursorHz: 10, seconds: quick ? 3 : 15, editsPerSecond: 5 })
  console.log(result)
  relayRuns.push(result)
}

// The same board on PostgreSQL, and on two instances through Redis (every other client on each).
const scaleOutRuns: RelayBenchResult[] = []
for (const topology of part('relay') ? (['postgres', 'two-instances'] as const) : []) {
  for (const clients of quick ? [10] : [10, 50]) {
    const result = await runRelayBench({ topology, clients, cursorHz: 10, seconds: quick ? 3 : 15, editsPerSecond: 5 })
    console.log(result)
    scaleOutRuns.push(result)
  }
}

let browserDelay: EditDelayResult | undefined
const openRuns: BoardOpenResult[] = []
let downloads: PageDownload[] = []
if (part('browser') && fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  downloads = await runBundleSizeBench()
  console.table(downloads)
  browserDelay = await runBrowserEditDelay(quick ? 10 : 60)
  console.log(browserDelay)
  for (const notes of quick ? [200] : [200, 2000]) {
    const result = await runBoardOpenBench(notes)
    console.log(result)
    openRuns.push(result)
  }
}

const guardRuns = (!part('checks') ? [] : quick ? [100] : [100, 1000, 5000]).map((notes) => runGuardBench(notes))
console.log(guardRuns)
const hostileRows = part('checks') ? runHostileBench() : []
console.table(hostileRows)

const growthRows: string[] = []
for (const writers of [1, 3]) {
  for (const overwrites of [1, 100, 1000]) {
    const { keyValueBytes, mapBytes } = measureDocGrowth({ records: 10, overwrites, writers })
    growthRows.push(`| ${writers} | ${overwrites} | ${keyValueBytes} B | ${mapBytes} B |`)
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const lines = [
  '# Benchmarks',
  '',
  `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Everything runs on`,
  'this one machine, servers and load generators alike, so the figures are ratios within one run rather',
  'than capacities: compare a row with the bare relay measured in the same run, not with another day.',
  '',
  ...comparisonLines({ scenarios, compared, runs, idle: idleRows, firstSync, churn, openRuns, downloads }),
  '## Relay: cursors at 10 Hz plus 5 edits per second on one board',
  '',
  'The older single-process measurement, kept for its PostgreSQL and two-instance rows below: the',
  'clients run in the benchmark process and the server in its own.',
  '',
  '| clients | cursor p50 | cursor p99 | edit p50 | edit p99 | server CPU | server RSS |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...relayRuns.map(
    (r) =>
      `| ${r.clients} | ${r.cursorP50Ms} ms | ${r.cursorP99Ms} ms | ${r.editP50Ms} ms | ${r.editP99Ms} ms | ${r.serverCpuPercent} % | ${r.serverRssMiB} MiB |`,
  ),
  '',
  'Edit delays include the durable append (SQLite, `synchronous=FULL`) before the relay.',
  '',
  '## The same on PostgreSQL, and on two instances through Redis',
  '',
  'One instance on PostgreSQL (the tests\' own server, `fsync=off`), and two instances on PostgreSQL',
  'and Redis with every other client on each, so that half of all edits and cursors cross instances',
  '(CPU and RSS: both instances together). Compare each p99 with the SQLite row of the same size above.',
  '',
  '| where | clients | cursor p50 | cursor p99 | edit p50 | edit p99 | server CPU | server RSS |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...scaleOutRuns.map(
    (r) =>
      `| ${r.topology === 'postgres' ? 'PostgreSQL' : 'two instances'} | ${r.clients} | ${r.cursorP50Ms} ms | ${r.cursorP99Ms} ms | ${r.editP50Ms} ms | ${r.editP99Ms} ms | ${r.serverCpuPercent} % | ${r.serverRssMiB} MiB |`,
  ),
  '',
  '## An edit between two browsers',
  '',
  browserDelay
    ? `Two Chromium pages on one board; one types into a sticky note, and each keystroke is timed from keydown in one page to the text showing in the other (${browserDelay.samples} keystrokes): **p50 ${browserDelay.p50Ms} ms, p95 ${browserDelay.p95Ms} ms, max ${browserDelay.maxMs} ms**. This includes tldraw's own rendering in both pages.`
    : 'Not measured: no Chromium found.',
  '',
  '## Opening a board in the browser',
  '',
  'A guest link to a board with N notes, in Chromium: the first visit (everything from the server),',
  'a return (the board is shown from the browser\'s IndexedDB copy, then synced), and a return with',
  'the network off (service worker and copy alone). Times from navigation to the first note drawn.',
  '',
  '| notes | first visit, in sync | return, shown | return, in sync | offline, shown |',
  '|---:|---:|---:|---:|---:|',
  ...openRuns.map(
    (r) => `| ${r.notes} | ${r.firstVisitMs} ms | ${r.returnShownMs} ms | ${r.returnSyncedMs} ms | ${r.offlineShownMs} ms |`,
  ),
  ...(openRuns.length === 0 ? ['', 'Not measured: no Chromium found.'] : []),
  '',
  '## The update check before an edit is applied',
  '',
  'Time the server spends deciding whether a participant may make an update (`checkClientUpdate`,',
  'see docs/architecture.md), on a board with a template and N notes: a note moved, and the',
  'cleanup of a template part\'s superseded entry (the one case that scans the records).',
  '',
  'The last two columns are what the board\'s history costs per accepted edit: noting a note\'s new',
  'text with the zone it is in (`HistoryRecorder`, in a row of its own, the dearer case), and the size',
  'of the row stored for it. Rows are written every five seconds per board, in one transaction.',
  '',
  '| notes | note moved | template part cleaned up | history noted | history row |',
  '|---:|---:|---:|---:|---:|',
  ...guardRuns.map((r) => `| ${r.notes} | ${r.noteMoveMicros} µs | ${r.structureCleanupMicros} µs | ${r.historyMicros} µs | ${r.historyRowBytes} B |`),
  '',
  '## The worst message of each kind',
  '',
  'The time the server\'s checks take for the largest or deepest message of each kind a participant',
  'may send, on a board with 1,000 notes (refused, except the first), next to the limit measured in',
  'the same run: Yjs decoding and applying an honest update of about the same size. A first pass over',
  'the bytes (`checkUpdateShape`) refuses nested types and other content no board holds before Yjs',
  'builds any object; everything else is traced once per item. Every check grows linearly with the',
  'message.',
  '',
  '| message | size | checks | honest update of that size |',
  '|---|---:|---:|---:|',
  ...hostileRows.map((r) => `| ${r.kind} | ${Math.round(r.bytes / 1024)} KiB | ${r.checkMs} ms | ${r.honestApplyMs} ms |`),
  '',
  '## Board document size: 10 notes, each overwritten N times',
  '',
  'Encoded size of the whole document (`Y.encodeStateAsUpdate`) for the key-value layout the board',
  'uses (`{key, val}` entries in a Y.Array) against a plain Y.Map of records.',
  '',
  '| writers | overwrites per note | key-value array | Y.Map |',
  '|---:|---:|---:|---:|',
  ...growthRows,
  '',
]
if (!quick && !only && !scenarioNames) fs.writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), lines.join('\n'))
console.log(lines.join('\n'))
