/**
 * `pnpm dorfplatz <command>`: what an operator does with an installation besides running it.
 *
 *   migrate-storage --from <data folder> --to <postgres://…>
 *       moves every board of a SQLite installation to PostgreSQL, board for board, and checks
 *       that each moved board holds exactly what it held; boards already there are left alone,
 *       so an interrupted move can simply be run again.
 *
 *   backup FILE [--data <folder> | --database <postgres://…>]
 *       writes a consistent copy of the whole installation into FILE while the server runs
 *       (see storage/backupFile.ts).
 *   restore FILE [--data <folder> | --database <postgres://…>]
 *       restores a backup into an empty data folder or an empty PostgreSQL database.
 *   boards list | boards export ID FOLDER | boards delete ID [--data … | --database …]
 *       what an operator does with single boards, e.g. on a request under the DSGVO: list them
 *       (last opened, size), write one board's `.tldr`, Ergebnisprotokoll and versions into a
 *       folder, delete one with everything of it.
 *
 * Without --data or --database, commands use the installation the server's settings name
 * (DORFPLATZ_DATA_DIR, DORFPLATZ_DATABASE_URL). Every command refuses a wrong path, a missing
 * board, a file that is not a backup or an unreachable database with a clear message and
 * changes nothing then.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { boardToTldrFile } from '@dorfplatz/board'
import { isBoardId } from '@dorfplatz/protocol'
import { snapshotDoc } from './boards/boardSnapshots.ts'
import { buildReport, reportCsv, reportMarkdown } from './boards/resultsReport.ts'
import { ConfigError, loadConfig } from './config.ts'
import { fileName } from './routes/snapshotRoutes.ts'
import { BackupError, backupPostgres, backupSqlite, checkBackup, checkNewFile, isEmptyFolder, restoreInto, restoreSqlite } from './storage/backupFile.ts'
import { copyOwnTemplates } from './storage/OwnTemplateStore.ts'
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
    const templates = await copyOwnTemplates(from, to)
    console.log(`${moved} boards moved, ${skipped} were there already; ${templates} templates moved. Set DORFPLATZ_DATABASE_URL and start Dorfplatz.`)
  } finally {
    await Promise.all([from.close(), to.close()])
  }
}

/** Where an installation keeps its data: `--data`/`--database`, else the server's settings. */
interface Installation {
  dataDir: string
  databaseUrl: string | undefined
  /** How to name it in messages. */
  label: string
}

const INSTALLATION_OPTIONS = { data: { type: 'string' }, database: { type: 'string' } } as const

function installation(values: { data?: string | undefined; database?: string | undefined }): Installation {
  if (values.data && values.database) throw new UsageError('Give either --data or --database, not both.')
  let databaseUrl = values.database
  let dataDir = values.data
  if (!dataDir && !databaseUrl) {
    try {
      const config = loadConfig()
      dataDir = config.dataDir
      databaseUrl = config.databaseUrl
    } catch (error) {
      throw new UsageError(error instanceof ConfigError ? error.message : String(error))
    }
  }
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database must be a PostgreSQL address: postgres://user:password@host/database')
    return { dataDir: '', databaseUrl, label: `PostgreSQL ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}` }
  }
  const resolved = path.resolve(dataDir!)
  return { dataDir: resolved, databaseUrl: undefined, label: resolved }
}

async function openPostgres(url: string): Promise<PostgresBoardStorage> {
  try {
    return await PostgresBoardStorage.open(url)
  } catch (error) {
    throw new UsageError(`Cannot use the PostgreSQL database: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Opens an existing installation; refuses a data folder without a Dorfplatz database instead of creating one. */
async function openInstallation(where: Installation): Promise<BoardStorage> {
  if (where.databaseUrl !== undefined) return openPostgres(where.databaseUrl)
  if (!fs.existsSync(path.join(where.dataDir, SQLITE_FILE_NAME))) {
    throw new UsageError(`There is no Dorfplatz database in ${where.dataDir} (${SQLITE_FILE_NAME} is missing).`)
  }
  return new SqliteBoardStorage(where.dataDir)
}

function oneFile(positionals: string[], usage: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(usage)
  return path.resolve(positionals[0])
}

async function backup(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: INSTALLATION_OPTIONS, allowPositionals: true })
  const file = oneFile(positionals, 'Usage: dorfplatz backup FILE [--data <folder> | --database <postgres://…>]')
  const where = installation(values)
  let summary
  if (where.databaseUrl !== undefined) {
    checkNewFile(file)
    const storage = await openPostgres(where.databaseUrl)
    try {
      summary = await backupPostgres(storage, file)
    } finally {
      await storage.close()
    }
  } else {
    summary = backupSqlite(where.dataDir, file)
  }
  console.log(`Backed up ${summary.boards} boards from ${where.label} into ${file} (${formatBytes(summary.bytes)}).`)
}

async function restore(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: INSTALLATION_OPTIONS, allowPositionals: true })
  const file = oneFile(positionals, 'Usage: dorfplatz restore FILE [--data <empty folder> | --database <postgres://…>]')
  const where = installation(values)
  let boards: number
  if (where.databaseUrl !== undefined) {
    // Before connecting: opening the database would create its tables.
    checkBackup(file)
    const storage = await openPostgres(where.databaseUrl)
    try {
      boards = await restoreInto(file, storage)
    } finally {
      await storage.close()
    }
  } else {
    boards = await restoreSqlite(file, where.dataDir)
  }
  console.log(`Restored ${boards} boards from ${file} into ${where.label}. Start Dorfplatz on it.`)
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const day = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ')

async function boardsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: INSTALLATION_OPTIONS, allowPositionals: true })
  const [action, id, folder] = positionals
  const usage = 'Usage: dorfplatz boards list | boards export ID FOLDER | boards delete ID   [--data <folder> | --database <postgres://…>]'
  const expected = { list: 1, export: 3, delete: 2 }[action ?? '']
  if (expected === undefined || positionals.length !== expected) throw new UsageError(usage)
  if (id !== undefined && !isBoardId(id)) throw new UsageError(`${id} is not a board id (see \`dorfplatz boards list\`).`)
  const target = folder === undefined ? undefined : path.resolve(folder)
  if (target !== undefined) {
    if (!isEmptyFolder(target)) throw new UsageError(`${target} exists and is not an empty folder; export into a new or empty folder.`)
    if (!fs.existsSync(path.dirname(target))) throw new UsageError(`The folder ${path.dirname(target)} does not exist.`)
  }
  const where = installation(values)
  const storage = await openInstallation(where)
  try {
    if (action === 'list') {
      const boards = await storage.listBoards()
      console.log(['id'.padEnd(22), 'last opened (UTC)'.padEnd(18), 'size'.padStart(10), '  title'].join(' '))
      for (const board of boards) {
        const size = formatBytes(await storage.storedBytes(board.id))
        console.log([board.id.padEnd(22), day(board.lastOpenedAt).padEnd(18), size.padStart(10), ` ${board.title}`].join(' '))
      }
      console.log(`${boards.length} boards in ${where.label}`)
      return
    }
    const board = await storage.getBoard(id!)
    if (!board) throw new UsageError(`There is no board ${id} in ${where.label}.`)
    if (action === 'delete') {
      await storage.deleteBoard(board.id)
      console.log(`Deleted board ${board.id} „${board.title}“ with its versions, votes and links.`)
      console.log('Sockets a running server has open on it are cut off and cannot reconnect; the board menu deletes a board while the server runs without that.')
      return
    }
    const written = await exportBoard(storage, board.id, target!)
    console.log(`Wrote ${written.length} files of board ${board.id} „${board.title}“ into ${target}:`)
    for (const file of written) console.log(`  ${file}`)
  } finally {
    await storage.close()
  }
}

/** Writes the board's `.tldr`, its Ergebnisprotokoll (Markdown and CSV) and each version's `.tldr` into `folder`. */
async function exportBoard(storage: BoardStorage, boardId: string, folder: string): Promise<string[]> {
  const dump = await storage.dumpBoard(boardId)
  if (!dump) throw new UsageError(`There is no board ${boardId}.`)
  const timeZone = loadTimeZone()
  const files = new Map<string, string>()
  const doc = new Y.Doc()
  for (const update of dump.updates) Y.applyUpdate(doc, update)
  const title = dump.board.title
  files.set(fileName(title, 'tldr', timeZone), JSON.stringify(boardToTldrFile(doc)))
  const model = buildReport(doc, 'de')
  files.set(fileName(`Ergebnisprotokoll ${title}`, 'md', timeZone, model.generatedAt), reportMarkdown(model, 'de', timeZone))
  files.set(fileName(`Ergebnisprotokoll ${title}`, 'csv', timeZone, model.generatedAt), reportCsv(model, 'de'))
  doc.destroy()
  for (const snapshot of dump.snapshots) {
    const version = snapshotDoc(snapshot)
    let name = path.join('Versionen', fileName(`${title} ${snapshot.name}`, 'tldr', timeZone, snapshot.createdAt))
    for (let n = 2; files.has(name); n++) name = path.join('Versionen', fileName(`${title} ${snapshot.name} ${n}`, 'tldr', timeZone, snapshot.createdAt))
    files.set(name, JSON.stringify(boardToTldrFile(version)))
    version.destroy()
  }
  fs.mkdirSync(path.join(folder, 'Versionen'), { recursive: true })
  for (const [name, content] of files) fs.writeFileSync(path.join(folder, name), content)
  return [...files.keys()]
}

function loadTimeZone(): string {
  try {
    return loadConfig().timeZone
  } catch {
    return loadConfig({}).timeZone
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  'migrate-storage': migrateStorage,
  backup,
  restore,
  boards: boardsCommand,
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2)
  const run = command ? COMMANDS[command] : undefined
  if (!run) throw new UsageError(`Usage: dorfplatz <command>\nCommands: ${Object.keys(COMMANDS).join(', ')}`)
  await run(args)
}

main().catch((error: unknown) => {
  const parseError = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS') === true
  console.error(error instanceof UsageError || error instanceof BackupError || parseError ? (error as Error).message : error)
  process.exit(1)
})
