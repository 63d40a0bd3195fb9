/** What every benchmark starts with: the built server in a process of its own, on fresh data, with one board. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getRecordsMap } from '@dorfplatz/board'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { connectBoardClient } from '../e2e/boardDoc.ts'
import { startServerProcess, type ServerProcess } from '../integration/serverProcess.ts'

export interface BenchServer {
  server: ServerProcess
  board: CreatedBoard
  /** Stops the server and deletes its data. */
  stop(): Promise<void>
}

export async function startBenchServer(title: string): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-bench-'))
  const server = await startServerProcess({ dataDir, entry: 'built', env: { LOG_LEVEL: 'error' } })
  const stop = async () => {
    await server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    })
    if (response.status !== 201) throw new Error(`creating the benchmark board failed: ${response.status}`)
    return { server, board: (await response.json()) as CreatedBoard, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * Writes records into a benchmark's board as a facilitator's client would. The update goes out
 * before the socket's close, over one ordered connection, so the server has it before it sees
 * the client leave; whoever opens the board next receives it, at the latest as a live update.
 */
export async function writeBenchRecords(bench: BenchServer, records: ReadonlyArray<{ id: string }>): Promise<void> {
  const { doc, provider } = await connectBoardClient(bench.server.url, bench.board.id, bench.board.tokens.facilitator)
  const map = getRecordsMap(doc)
  doc.transact(() => {
    for (const record of records) map.set(record.id, record as never)
  })
  provider.destroy()
  doc.destroy()
}
