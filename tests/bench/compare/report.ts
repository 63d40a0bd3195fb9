/** The comparison's part of docs/benchmarks.md: each goal with its figure, then the tables behind them. */
import type { BoardOpenResult } from '../boardOpenBench.ts'
import type { PageDownload } from '../bundleSizeBench.ts'
import type { BoardChurnResult, FirstSyncResult, IdleRssResult } from '../serverMemoryBench.ts'
import type { ScenarioResult } from './compare.ts'
import { CONTENDER_TITLES, type ContenderKind } from './contenders.ts'
import type { ComparedScenario } from './scenarios.ts'

export interface ComparisonFigures {
  scenarios: ComparedScenario[]
  compared: Map<string, ScenarioResult[]>
  runs: number
  idle: IdleRssResult[]
  firstSync: FirstSyncResult | undefined
  churn: BoardChurnResult | undefined
  openRuns: BoardOpenResult[]
  downloads: PageDownload[]
}

const LATENCY_SCENARIOS = ['ten', 'fifty', 'hundred', 'twenty-boards']
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : NaN)
const mark = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : '**missed**')

/** The section of performance.md that says what was measured for a goal and, when it is missed, what stands in the way. */
const SECTIONS = {
  edit: ['An edit’s way through the server', 'an-edits-way-through-the-server'],
  presence: ['Presence, the flood', 'presence-the-flood'],
  sockets: ['Many sockets on one machine', 'many-sockets-on-one-machine'],
  idle: ['Memory of a server with nothing to do', 'memory-of-a-server-with-nothing-to-do'],
  churn: ['After 10,000 boards were opened and closed', 'after-10000-boards-were-opened-and-closed'],
  firstSync: ['A large board’s first sync', 'a-large-boards-first-sync'],
  browser: ['Opening a large board in the browser', 'opening-a-large-board-in-the-browser'],
  download: ['The board page’s download', 'the-board-pages-download'],
} as const
type Section = keyof typeof SECTIONS
const link = (section: Section) => `[${SECTIONS[section][0]}](performance.md#${SECTIONS[section][1]})`

export function comparisonLines(figures: ComparisonFigures): string[] {
  const { scenarios, compared } = figures
  const of = (scenario: string, kind: ContenderKind) => compared.get(scenario)?.find((r) => r.contender === kind)
  const goals: Array<[string, string, boolean | undefined, Section]> = []

  for (const name of LATENCY_SCENARIOS) {
    const ours = of(name, 'dorfplatz')
    const relay = of(name, 'relay')
    const durable = of(name, 'durable-relay')
    const title = scenarios.find((s) => s.name === name)?.title ?? name
    goals.push([
      `edit p99 ≤ 1.25 × relay: ${title}`,
      ours && relay
        ? `${ours.editP99Ms} ms vs ${relay.editP99Ms} ms (× ${ratio(ours.editP99Ms, relay.editP99Ms)})` +
          (durable ? `; the relay storing first: ${durable.editP99Ms} ms (× ${ratio(ours.editP99Ms, durable.editP99Ms)})` : '')
        : '—',
      ours && relay ? ours.editP99Ms <= 1.25 * relay.editP99Ms : undefined,
      name === 'ten' ? 'edit' : 'presence',
    ])
  }
  for (const scenario of scenarios) {
    const ours = of(scenario.name, 'dorfplatz')
    const reference = of(scenario.name, 'y-websocket')
    if (!ours || !reference) continue
    goals.push([
      `RSS ≤ y-websocket server: ${scenario.title}`,
      `${ours.serverPeakRssMiB} MiB vs ${reference.serverPeakRssMiB} MiB`,
      ours.serverPeakRssMiB <= reference.serverPeakRssMiB,
      scenario.name.endsWith('thousand') ? 'sockets' : 'idle',
    ])
  }
  const idle = figures.idle.find((r) => r.kind === 'dorfplatz')
  goals.push([
    'idle RSS after start ≤ 70 MiB',
    idle ? `${idle.afterStartMiB} MiB after 5 s, ${idle.settledMiB} MiB once settled` : '—',
    idle ? idle.afterStartMiB <= 70 && idle.settledMiB <= 70 : undefined,
    'idle',
  ])
  const churn = figures.churn
  goals.push([
    `RSS back within 10 % of idle after ${churn?.boards.toLocaleString('en') ?? '10,000'} boards opened and closed`,
    churn ? `${churn.idleBeforeMiB} MiB before, ${churn.idleAfterMiB} MiB after (peak ${churn.peakMiB} MiB)` : '—',
    churn ? churn.idleAfterMiB <= churn.idleBeforeMiB * 1.1 : undefined,
    'churn',
  ])
  const fiveThousand = of('five-thousand', 'dorfplatz')
  const fiveThousandRelay = of('five-thousand', 'relay')
  goals.push([
    '5,000 sockets on 200 boards: edit p99 and connect time ≤ 1.25 × relay',
    fiveThousand && fiveThousandRelay
      ? `p99 ${fiveThousand.editP99Ms} vs ${fiveThousandRelay.editP99Ms} ms (× ${ratio(fiveThousand.editP99Ms, fiveThousandRelay.editP99Ms)}); connect ${fiveThousand.connectMs} vs ${fiveThousandRelay.connectMs} ms (× ${ratio(fiveThousand.connectMs, fiveThousandRelay.connectMs)})`
      : '—',
    fiveThousand && fiveThousandRelay
      ? fiveThousand.editP99Ms <= 1.25 * fiveThousandRelay.editP99Ms && fiveThousand.connectMs <= 1.25 * fiveThousandRelay.connectMs
      : undefined,
    'sockets',
  ])
  const tenThousand = of('ten-thousand', 'dorfplatz')
  goals.push([
    '10,000 sockets on 400 boards: edit p99 ≤ 100 ms, RSS ≤ 1 GiB',
    tenThousand
      ? `${tenThousand.sockets - tenThousand.failedSockets} sockets in sync, p99 ${tenThousand.editP99Ms} ms, RSS ${tenThousand.serverPeakRssMiB} MiB`
      : '—',
    tenThousand ? tenThousand.failedSockets === 0 && tenThousand.editP99Ms <= 100 && tenThousand.serverPeakRssMiB <= 1024 : undefined,
    'sockets',
  ])
  const sync = figures.firstSync
  goals.push([
    `first sync of a ${sync?.shapes.toLocaleString('en') ?? '5,000'}-shape board ≤ 50 ms`,
    sync ? `${sync.coldMs} ms from storage, ${sync.warmMs} ms while open (${Math.round(sync.bytes / 1024)} KiB)` : '—',
    sync ? sync.coldMs <= 50 && sync.warmMs <= 50 : undefined,
    'firstSync',
  ])
  const open2000 = figures.openRuns.find((r) => r.notes === 2000)
  goals.push([
    '2,000-note board in Chromium: first visit ≤ 1.5 s, return ≤ 0.7 s',
    open2000 ? `${open2000.firstVisitMs} ms, ${open2000.returnShownMs} ms` : '—',
    open2000 ? open2000.firstVisitMs <= 1500 && open2000.returnShownMs <= 700 : undefined,
    'browser',
  ])
  const board = figures.downloads.find((d) => d.page.startsWith('board'))
  const start = figures.downloads.find((d) => d.page === 'start page')
  goals.push([
    'board page ≤ 650 kB gzip, start page ≤ 150 kB, PDF code only on export',
    board && start ? `${board.gzipKiB} KiB, ${start.gzipKiB} KiB, PDF ${board.pdfLoaded ? 'loaded' : 'not loaded'}` : '—',
    board && start ? board.gzipKiB * 1.024 <= 650 && start.gzipKiB * 1.024 <= 150 && !board.pdfLoaded : undefined,
    'download',
  ])
  for (const scenario of scenarios) {
    const ours = of(scenario.name, 'dorfplatz')
    const hocuspocus = of(scenario.name, 'hocuspocus')
    if (!ours || !hocuspocus) continue
    goals.push([
      `CPU ≤ Hocuspocus: ${scenario.title}`,
      `${ours.serverCpuPercent} % vs ${hocuspocus.serverCpuPercent} %`,
      ours.serverCpuPercent <= hocuspocus.serverCpuPercent,
      scenario.name === 'ten' ? 'edit' : 'presence',
    ])
  }

  const lines = [
    '## Goals',
    '',
    '| goal | measured | | what was measured beside it, and what stands in the way |',
    '|---|---|---|---|',
    ...goals.map(([goal, measured, met, section]) => `| ${goal} | ${measured} | ${mark(met)} | ${link(section)} |`),
    '',
    'Each goal’s section of [performance.md](performance.md) says how its figure was found and, for a goal not met, what stands in the way.',
    '',
    '## Side by side',
    '',
    'Each server in a process of its own, started afresh for each scenario: Dorfplatz as `npm start`',
    'runs it (SQLite, every update stored with `synchronous=FULL` before it is relayed; rate limits',
    'off, since all load comes from one address), a bare relay that batches each socket\'s writes per',
    'event-loop turn and stores nothing (the limit of the machine, `tests/bench/compare/bareRelay.mjs`),',
    'the same relay storing first (each turn\'s updates appended to a file and flushed with `fdatasync`',
    'before they are sent: what the disk alone adds to storing first),',
    'the reference y-websocket server (`@y/websocket-server`, stores nothing) and Hocuspocus 3 with its',
    'SQLite storage. The clients run in separate load-generator processes on the same machine; a board\'s',
    'clients share one process, so that an edit is timed on one clock from the writer\'s transaction to',
    'its arrival at every other client, and a cursor from its send to its arrival. Writers are real Yjs',
    'clients writing sticky notes. "Generator CPU" is the busiest load generator: near 100 % it, not the',
    `server, sets the pace. ${scenarios[0]?.warmupSeconds ? `Each scenario's load runs ${scenarios[0].warmupSeconds} s before the ${scenarios[0].seconds} s measured, and what it measured then is dropped, so that every server's code is compiled by then (a server runs for days). ` : ''}${figures.runs > 1 ? `Each row is the ${figures.runs === 2 ? 'better run (by edit p99)' : 'run with the median edit p99'} of ${figures.runs}.` : 'One run each.'}`,
    '',
  ]
  for (const scenario of scenarios) {
    const rows = compared.get(scenario.name)
    if (!rows) continue
    const relay = rows.find((r) => r.contender === 'relay')
    lines.push(
      `### ${scenario.title}`,
      '',
      '| server | connect and sync | edit p50 | edit p99 (× relay) | cursor p50 | cursor p99 | edits delivered | server CPU | server RSS (peak) | generator CPU |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${CONTENDER_TITLES[r.contender]} | ${r.connectMs} ms${r.failedSockets ? ` (${r.failedSockets} failed)` : ''} | ${r.editP50Ms} ms | ${r.editP99Ms} ms (× ${relay ? ratio(r.editP99Ms, relay.editP99Ms) : '—'}) | ${Number.isNaN(r.cursorP50Ms) ? '—' : `${r.cursorP50Ms} ms`} | ${Number.isNaN(r.cursorP99Ms) ? '—' : `${r.cursorP99Ms} ms`} | ${Math.round(r.editsDelivered * 1000) / 10} % | ${r.serverCpuPercent} % | ${r.serverPeakRssMiB} MiB | ${r.generatorCpuPercent} % |`,
      ),
      '',
    )
  }
  if (figures.idle.length > 0) {
    lines.push(
      '### Idle memory',
      '',
      'RSS of each server with nothing connected, 5 s after it started listening and once V8 has given',
      'back its start-up heap (60 s).',
      '',
      '| server | after 5 s | settled |',
      '|---|---:|---:|',
      ...figures.idle.map((r) => `| ${CONTENDER_TITLES[r.kind]} | ${r.afterStartMiB} MiB | ${r.settledMiB} MiB |`),
      '',
    )
  }
  if (figures.downloads.length > 0) {
    lines.push(
      '### Download',
      '',
      'Scripts and stylesheets a first visit loads in Chromium (service worker blocked, so nothing is',
      'fetched ahead), each gzip-compressed at level 9, as the server sends them.',
      '',
      '| page | files | gzip | largest file |',
      '|---|---:|---:|---|',
      ...figures.downloads.map((d) => `| ${d.page} | ${d.files} | ${d.gzipKiB} KiB | ${d.largest.name} (${d.largest.gzipKiB} KiB) |`),
      '',
    )
  }
  return lines
}
