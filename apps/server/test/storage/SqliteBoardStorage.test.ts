import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { getRecordsMap } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { SQLITE_FILE_NAME, SqliteBoardStorage } from '../../src/storage/SqliteBoardStorage.ts'
import { openTestRoom } from '../../src/sync/testing/roomHarness.ts'
import { describeBallotBoxContract } from './ballotBoxContract.ts'
import { describeBoardDirectoryContract } from './boardDirectoryContract.ts'
import { describeBoardLocksContract } from './boardLocksContract.ts'
import { describeBoardTransferContract } from './boardTransferContract.ts'
import { describeHistoryLogContract } from './historyLogContract.ts'
import { describePrivateSpaceStoreContract } from './privateSpaceStoreContract.ts'
import { describeDocumentLogContract } from './documentLogContract.ts'
import { describeSnapshotStoreContract } from './snapshotStoreContract.ts'
import { describeOwnTemplateStoreContract } from './ownTemplateStoreContract.ts'
import { describeSeriesStoreContract } from './seriesStoreContract.ts'
import { bytes, newBoard, type StorageFactory } from './storageContractKit.ts'

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
  describeSeriesStoreContract(name, factory)
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
  expect(db.pragma('user_version', { simple: true })).toBe(9)
  db.close()
})

it('refuses a database written by a newer version instead of damaging it', () => {
  const dir = tempDir()
  const db = new Database(path.join(dir, SQLITE_FILE_NAME))
  db.pragma('user_version = 99')
  db.close()
  expect(() => new SqliteBoardStorage(dir)).toThrow(/newer Dorfplatz/)
})

describe('appends of one turn', () => {
  /** Frames in the write-ahead log since it was last emptied: each commit adds the pages it wrote. */
  function walFrames(dir: string): number {
    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    const [status] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    return status!.log
  }

  it('share one commit, so that twenty boards wait for the disk once', async () => {
    const dir = tempDir()
    const storage = new SqliteBoardStorage(dir)
    const ids = Array.from({ length: 20 }, (_, i) => `BOARD${String(i).padStart(11, '0')}`)
    for (const id of ids) await storage.createBoard(newBoard(id))
    walFrames(dir)

    for (const id of ids) await storage.appendUpdates(id, [new Uint8Array([1, 2, 3])])
    // The log was emptied above; what the one-by-one appends wrote is in it now.
    const oneByOne = walFrames(dir)
    await Promise.all(ids.map((id) => storage.appendUpdates(id, [new Uint8Array([4, 5, 6])])))
    const together = walFrames(dir)

    expect(together).toBeGreaterThan(0)
    expect(together * 4).toBeLessThan(oneByOne)
    for (const id of ids) expect((await storage.loadDocument(id)).updates.slice(-2)).toEqual([bytes(1, 2, 3), bytes(4, 5, 6)])
    await storage.close()
  })

  it('are the changes of every board that flushed in that turn, stored in one commit before any is relayed', async () => {
    const dir = tempDir()
    const storage = new SqliteBoardStorage(dir)
    const rooms = await Promise.all(['AAAA', 'BBBB', 'CCCC', 'DDDD', 'EEEE'].map((id) => openTestRoom(storage, id.repeat(4))))
    const writers = await Promise.all(rooms.map((test) => test.join('participant')))
    const readers = await Promise.all(rooms.map((test) => test.join('viewer')))
    const note = (name: string, words: string) => (doc: Y.Doc) => getRecordsMap(doc).set(`shape:${name}`, testNote(name, words))
    walFrames(dir)

    writers.forEach((writer, i) => writer.sendChange(note('a', `Idee ${i}`)))
    // The boards flush in the next turn, all in one callback.
    await new Promise((resolve) => setImmediate(resolve))
    const together = walFrames(dir)
    for (const [i, writer] of writers.entries()) {
      writer.sendChange(note('b', `Frage ${i}`))
      await new Promise((resolve) => setImmediate(resolve))
    }
    const oneByOne = walFrames(dir)

    expect(together).toBeGreaterThan(0)
    expect(together * 2).toBeLessThan(oneByOne)
    await Promise.all(rooms.map((test) => test.settle()))
    readers.forEach((reader) => expect(getRecordsMap(reader.doc).has('shape:a') && getRecordsMap(reader.doc).has('shape:b')).toBe(true))
    for (const test of rooms) await test.close()
    await storage.close()
  })

  it('fail one by one, and are seen by whatever runs after them', async () => {
    const storage = new SqliteBoardStorage(':memory:')
    await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
    await storage.createBoard(newBoard('BBBBBBBBBBBBBBBB'))
    const a = storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(7), bytes(8)])
    const missing = storage.appendUpdates('NOSUCHBOARD00000', [bytes(9)])
    const b = storage.appendUpdates('BBBBBBBBBBBBBBBB', [bytes(10)])
    // Read in the same turn, before the turn's commit was due: the appends are in it.
    const read = storage.loadDocument('AAAAAAAAAAAAAAAA')
    await expect(missing).rejects.toThrow(/FOREIGN KEY/)
    const [first, second] = await Promise.all([a, b])
    expect(first.lastSeq - first.previousSeq).toBe(2)
    expect(second.lastSeq).toBeGreaterThan(first.lastSeq)
    expect((await read).updates.slice(-2)).toEqual([bytes(7), bytes(8)])
    expect((await storage.loadDocument('BBBBBBBBBBBBBBBB')).updates.at(-1)).toEqual(bytes(10))
    await storage.close()
  })
})
