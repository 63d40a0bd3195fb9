import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { SQLITE_FILE_NAME, SqliteBoardStorage } from '../../src/storage/SqliteBoardStorage.ts'
import { describeBallotBoxContract } from './ballotBoxContract.ts'
import { describeBoardDirectoryContract } from './boardDirectoryContract.ts'
import { describeBoardLocksContract } from './boardLocksContract.ts'
import { describeBoardTransferContract } from './boardTransferContract.ts'
import { describeHistoryLogContract } from './historyLogContract.ts'
import { describePrivateSpaceStoreContract } from './privateSpaceStoreContract.ts'
import { describeDocumentLogContract } from './documentLogContract.ts'
import { describeSnapshotStoreContract } from './snapshotStoreContract.ts'
import { describeOwnTemplateStoreContract } from './ownTemplateStoreContract.ts'
import type { StorageFactory } from './storageContractKit.ts'

/** Every concern's contract, against one backend. */
function describeStorageContracts(name: string, factory: StorageFactory): void {
  describeBoardDirectoryContract(name, factory)
  describeDocumentLogContract(name, factory)
  describeSnapshotStoreContract(name, factory)
  describeBallotBoxContract(name, factory)
  describeBoardLocksContract(name, factory)
  describeBoardTransferContract(name, factory)
  describeHistoryLogContract(name, factory)
  describeOwnTemplateStoreContract(name, factory)
  describePrivateSpaceStoreContract(name, factory)
}

const dirs: string[] = []
const dirOf = new WeakMap<SqliteBoardStorage, string>()

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-sqlite-'))
  dirs.push(dir)
  return dir
}

describeStorageContracts('SQLite file', {
  async open() {
    const dir = tempDir()
    const storage = new SqliteBoardStorage(dir)
    dirOf.set(storage, dir)
    return storage
  },
  async reopen(storage) {
    const dir = dirOf.get(storage as SqliteBoardStorage)!
    await storage.close()
    const reopened = new SqliteBoardStorage(dir)
    dirOf.set(reopened, dir)
    return reopened
  },
})

describeStorageContracts('SQLite in memory', {
  async open() {
    return new SqliteBoardStorage(':memory:')
  },
})

it('opens its file in WAL mode with full synchronous writes', async () => {
  const dir = tempDir()
  const storage = new SqliteBoardStorage(dir)
  await storage.close()
  const db = new Database(path.join(dir, SQLITE_FILE_NAME))
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  expect(db.pragma('user_version', { simple: true })).toBe(7)
  db.close()
})

it('refuses a database written by a newer version instead of damaging it', () => {
  const dir = tempDir()
  const db = new Database(path.join(dir, SQLITE_FILE_NAME))
  db.pragma('user_version = 99')
  db.close()
  expect(() => new SqliteBoardStorage(dir)).toThrow(/newer Dorfplatz/)
})
