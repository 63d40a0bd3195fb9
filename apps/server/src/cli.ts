/**
 * `pnpm dorfplatz <command>`: what an operator does with an installation besides running it.
 *
 *   migrate-storage --from <data folder> --to <postgres://…>
 *       moves every board of a SQLite installation to PostgreSQL, board for board, and checks
 *       that each moved board holds exactly what it held; boards already there are left alone,
 *       so an interrupted move can simply be run again.
 *
 * Every command refuses a wrong path or an unreachable database with a clear message and
 * changes nothing then.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import type { BoardStorage } from './storage/BoardStorage.ts'
import { PostgresBoardStorage } from './storage/PostgresBoardStorage.ts'
import { SQLITE_FILE_NAME, SqliteBoardStorage } from './storage/SqliteBoardStorage.ts'

class UsageError extends Error {}

/** The document a storage holds for a board, as a Yjs snapshot (what it contains, whatever the layout of its log). */
async function contentOf(storage: BoardStorage, boardId: string): Promise<Y.Snapshot> {
  const doc = new Y.Doc({ gc: false })
  for (const update of (await storage.loadDocument(boardId)).updates) Y.applyUpdate(doc, update)
  const snapshot = Y.snapshot(doc)
  doc.destroy()
  return snapshot
}

async function migrateStorage(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } } })
  if (!values.from || !values.to) throw new UsageError('Usage: dorfplatz migrate-storage --from <data folder> --to <postgres://…>')
  const file = path.join(path.resolve(values.from), SQLITE_FILE_NAME)
  if (!fs.existsSync(file)) throw new UsageError(`There is no Dorfplatz database in ${path.resolve(values.from)} (${SQLITE_FILE_NAME} is missing).`)
  if (!/^postgres(ql)?:\/\//.test(values.to)) throw new UsageError('--to must be a PostgreSQL address: postgres://user:password@host/database')

  const from = new SqliteBoardStorage(path.resolve(values.from))
  let to: PostgresBoardStorage
  try {
    to = await PostgresBoardStorage.open(values.to)
  } catch (error) {
    await from.close()
    throw new UsageError(`Cannot use the PostgreSQL database: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    const boards = await from.listBoards()
    let moved = 0
    let skipped = 0
    for (const board of boards) {
      if (await to.getBoard(board.id)) {
        console.log(`  = ${board.id} „${board.title}“ is there already; left alone`)
        skipped++
        continue
      }
      const dump = await from.dumpBoard(board.id)
      if (!dump) continue
      await to.restoreBoard(dump)
      if (!Y.equalSnapshots(await contentOf(from, board.id), await contentOf(to, board.id))) {
        throw new Error(`Board ${board.id} „${board.title}“ holds something else after the move; nothing after it was moved.`)
      }
      console.log(`  ✓ ${board.id} „${board.title}“ (${dump.snapshots.length} versions)`)
      moved++
    }
    console.log(`${moved} boards moved, ${skipped} were there already. Set DORFPLATZ_DATABASE_URL and start Dorfplatz.`)
  } finally {
    await Promise.all([from.close(), to.close()])
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  'migrate-storage': migrateStorage,
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2)
  const run = command ? COMMANDS[command] : undefined
  if (!run) throw new UsageError(`Usage: dorfplatz <command>\nCommands: ${Object.keys(COMMANDS).join(', ')}`)
  await run(args)
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error)
  process.exit(1)
})
