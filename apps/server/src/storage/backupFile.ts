/**
 * Backups of a whole installation, as one file: a SQLite database in Dorfplatz's own layout with
 * a `dorfplatz_backup` table that marks it as a backup. Everything Dorfplatz stores lives in its
 * database (snapshot thumbnails included), so the data folder holds nothing else worth keeping.
 *
 * - From SQLite: `VACUUM INTO` reads the database in one read transaction while the server goes on
 *   writing (WAL): the copy is the database as it was at one moment, with every append that was
 *   acknowledged before it began.
 * - From PostgreSQL: a logical export of every board in one REPEATABLE READ transaction (see
 *   PostgresBoardStorage.exportAll), written into the same kind of file.
 *
 * A backup restores into an empty data folder (SQLite) or an empty PostgreSQL database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { PostgresBoardStorage } from './PostgresBoardStorage.ts'
import { SQLITE_FILE_NAME, SqliteBoardStorage } from './SqliteBoardStorage.ts'
import { copyOwnTemplates } from './OwnTemplateStore.ts'

export const BACKUP_FORMAT = 'dorfplatz-backup-1'

/** A refusal with a message for the operator; nothing was changed. */
export class BackupError extends Error {}

export interface BackupSummary {
  boards: number
  bytes: number
}

/** Refuses a target that exists already or lies in a folder that does not. */
export function checkNewFile(file: string): void {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose a new file name (nothing was overwritten).`)
  const folder = path.dirname(file)
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new BackupError(`The folder ${folder} does not exist.`)
}

/** Marks a finished copy as a backup and moves it to `file` (a half-written backup never has the name). */
function finish(partial: string, file: string, boards: number): BackupSummary {
  const db = new Database(partial)
  try {
    db.pragma('journal_mode = DELETE')
    db.exec('CREATE TABLE dorfplatz_backup (format TEXT NOT NULL, created_at INTEGER NOT NULL, boards INTEGER NOT NULL)')
    db.prepare('INSERT INTO dorfplatz_backup (format, created_at, boards) VALUES (?, ?, ?)').run(BACKUP_FORMAT, Date.now(), boards)
  } finally {
    db.close()
  }
  fs.renameSync(partial, file)
  return { boards, bytes: fs.statSync(file).size }
}

/** Backs up the SQLite database in `dataDir` into `file` while a server may be using it. */
export function backupSqlite(dataDir: string, file: string): BackupSummary {
  const source = path.join(dataDir, SQLITE_FILE_NAME)
  if (!fs.existsSync(source)) throw new BackupError(`There is no Dorfplatz database in ${dataDir} (${SQLITE_FILE_NAME} is missing).`)
  checkNewFile(file)
  const partial = `${file}.partial`
  fs.rmSync(partial, { force: true })
  const db = new Database(source, { fileMustExist: true })
  let boards: number
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('VACUUM INTO ?').run(partial)
    boards = (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    db.close()
  }
  const copied = new Database(partial, { readonly: true })
  boards = (copied.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n
  copied.close()
  return finish(partial, file, boards)
}

/** Backs up every board of a PostgreSQL database into `file`, as it was at one moment. */
export async function backupPostgres(storage: PostgresBoardStorage, file: string): Promise<BackupSummary> {
  checkNewFile(file)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-backup-'))
  const partial = `${file}.partial`
  try {
    const target = new SqliteBoardStorage(work)
    let boards: number
    try {
      boards = await storage.exportAll((dump) => target.restoreBoard(dump))
      await copyOwnTemplates(storage, target)
    } finally {
      await target.close()
    }
    fs.rmSync(partial, { force: true })
    const db = new Database(path.join(work, SQLITE_FILE_NAME))
    try {
      db.prepare('VACUUM INTO ?').run(partial)
    } finally {
      db.close()
    }
    return finish(partial, file, boards)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/** Checks that `file` is a Dorfplatz backup; resolves to the number of boards in it. */
export function checkBackup(file: string): number {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`)
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file.`)
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const marker = db.prepare('SELECT format, boards FROM dorfplatz_backup').get() as { format: string; boards: number } | undefined
    if (marker?.format !== BACKUP_FORMAT) throw new Error('unknown format')
    return marker.boards
  } catch {
    throw new BackupError(`${file} is not a Dorfplatz backup (made with \`dorfplatz backup\`).`)
  } finally {
    db?.close()
  }
}

/** Whether `dir` is missing or an empty folder. */
export function isEmptyFolder(dir: string): boolean {
  if (!fs.existsSync(dir)) return true
  return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0
}

/** Restores the backup `file` into the empty (or new) data folder `dataDir`. */
export async function restoreSqlite(file: string, dataDir: string): Promise<number> {
  const boards = checkBackup(file)
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) throw new BackupError(`${dataDir} is not a folder.`)
  if (!isEmptyFolder(dataDir)) throw new BackupError(`${dataDir} is not empty; restore only into an empty or new data folder (nothing was changed).`)
  if (!fs.existsSync(path.dirname(dataDir))) throw new BackupError(`The folder ${path.dirname(dataDir)} does not exist.`)
  fs.mkdirSync(dataDir, { recursive: true })
  const partial = path.join(dataDir, `${SQLITE_FILE_NAME}.partial`)
  try {
    fs.copyFileSync(file, partial)
    const db = new Database(partial)
    try {
      db.exec('DROP TABLE dorfplatz_backup')
    } finally {
      db.close()
    }
    fs.renameSync(partial, path.join(dataDir, SQLITE_FILE_NAME))
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
  // Opening migrates a backup of an older version and sets WAL mode, as the server would.
  await new SqliteBoardStorage(dataDir).close()
  return boards
}

/** Restores the backup `file` into `storage` (PostgreSQL), which must hold no boards yet. */
export async function restoreInto(file: string, storage: PostgresBoardStorage): Promise<number> {
  checkBackup(file)
  if ((await storage.listBoards()).length > 0) throw new BackupError('The database is not empty (it holds boards); restore only into an empty database (nothing was changed).')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-restore-'))
  try {
    fs.copyFileSync(file, path.join(work, SQLITE_FILE_NAME))
    const source = new SqliteBoardStorage(work)
    try {
      const boards = await source.listBoards()
      for (const board of boards) {
        const dump = await source.dumpBoard(board.id)
        if (dump) await storage.restoreBoard(dump)
      }
      await copyOwnTemplates(source, storage)
      return boards.length
    } finally {
      await source.close()
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
