/** The operator's command line (`pnpm dorfplatz …`), run from source in a process of its own. */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const CLI = path.join(ROOT, 'apps/server/src/cli.ts')

/** Runs the command line as an operator does, without the test's own DORFPLATZ_* settings; resolves with its exit code and output. */
export function dorfplatz(...args: string[]): Promise<{ code: number; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DORFPLATZ_')))
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr })
    })
  })
}
