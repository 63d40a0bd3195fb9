/**
 * The comparison's scenarios, run against each server in turn in one run, so that every figure
 * can be read as a ratio to the bare relay measured minutes before or after it.
 */
import { runScenario, type Scenario, type ScenarioResult } from './compare.ts'
import type { ContenderKind } from './contenders.ts'

export interface ComparedScenario extends Scenario {
  title: string
  contenders: ContenderKind[]
}

const ALL: ContenderKind[] = ['dorfplatz', 'relay', 'durable-relay', 'y-websocket', 'hocuspocus']

/** `warmupSeconds`: each scenario's load runs this long before it is measured (`pnpm bench --warmup=10`). */
export function comparedScenarios(quick: boolean, warmupSeconds = 0): ComparedScenario[] {
  const seconds = quick ? 4 : 15
  const scenarios: ComparedScenario[] = [
    {
      name: 'ten',
      title: '10 clients, all writing (5 edits/s in all)',
      contenders: ALL,
      boards: 1,
      clientsPerBoard: 10,
      writersPerBoard: 10,
      cursorHz: 0,
      editsPerSecondPerWriter: 0.5,
      seconds,
      workers: 1,
      concurrency: 10,
    },
    {
      name: 'fifty',
      title: '50 clients, cursors at 10 Hz, 5 writers at 1 edit/s',
      contenders: ALL,
      boards: 1,
      clientsPerBoard: 50,
      writersPerBoard: 5,
      cursorHz: 10,
      editsPerSecondPerWriter: 1,
      seconds,
      workers: 1,
      concurrency: 10,
    },
    {
      name: 'hundred',
      title: '100 clients, cursors at 10 Hz, 10 writers at 1 edit/s',
      contenders: ALL,
      boards: 1,
      clientsPerBoard: 100,
      writersPerBoard: 10,
      cursorHz: 10,
      editsPerSecondPerWriter: 1,
      seconds,
      workers: 1,
      concurrency: 10,
    },
    {
      name: 'twenty-boards',
      title: '20 boards × 25 clients, cursors at 10 Hz, 1 writer per board at 1 edit/s',
      contenders: ALL,
      boards: 20,
      clientsPerBoard: 25,
      writersPerBoard: 1,
      cursorHz: 10,
      editsPerSecondPerWriter: 1,
      seconds,
      workers: 2,
      concurrency: 25,
    },
    {
      name: 'five-thousand',
      title: '5,000 sockets on 200 boards, 1 writer per board at 1 edit/s, no cursors',
      contenders: ['dorfplatz', 'relay', 'durable-relay', 'y-websocket'],
      boards: quick ? 20 : 200,
      clientsPerBoard: 25,
      writersPerBoard: 1,
      cursorHz: 0,
      editsPerSecondPerWriter: 1,
      seconds,
      workers: 2,
      concurrency: 50,
    },
  ]
  if (!quick) {
    scenarios.push({
      name: 'ten-thousand',
      title: '10,000 sockets on 400 boards, cursors at 2 Hz, 1 writer per board at 1 edit/s',
      contenders: ['dorfplatz', 'relay'],
      boards: 400,
      clientsPerBoard: 25,
      writersPerBoard: 1,
      cursorHz: 2,
      editsPerSecondPerWriter: 1,
      seconds,
      workers: 2,
      concurrency: 50,
    })
  }
  return scenarios.map((scenario) => ({ ...scenario, warmupSeconds }))
}

/** Every scenario against each of its contenders, `runs` times; the result with the median edit p99 is kept. */
export async function runComparison(
  scenarios: ComparedScenario[],
  runs: number,
  onResult: (result: ScenarioResult) => void = () => {},
): Promise<Map<string, ScenarioResult[]>> {
  const table = new Map<string, ScenarioResult[]>()
  for (const scenario of scenarios) {
    const rows: ScenarioResult[] = []
    const byContender = new Map<ContenderKind, ScenarioResult[]>()
    // Contenders take turns within each round, so that a slower minute of the machine falls on all.
    for (let run = 0; run < runs; run++) {
      for (const kind of scenario.contenders) {
        const result = await runScenario(kind, scenario)
        onResult(result)
        byContender.set(kind, [...(byContender.get(kind) ?? []), result])
      }
    }
    for (const kind of scenario.contenders) {
      const results = [...byContender.get(kind)!].sort((a, b) => a.editP99Ms - b.editP99Ms)
      rows.push(results[Math.floor((results.length - 1) / 2)]!)
    }
    table.set(scenario.name, rows)
  }
  return table
}
