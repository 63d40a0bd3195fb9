/** What every benchmark starts with: the built server in a process of its own, on fresh data, with one board. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreatedBoard } from '@dorfplatz/protocol'
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
