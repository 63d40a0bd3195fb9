/**
 * Every storage concern's contract against a real PostgreSQL server (started for this file from
 * the Debian packages, see testServices.ts), plus what only PostgreSQL has to show: instances
 * that start together migrate once, and two instances' ballots and compactions do not step on
 * each other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import pg from 'pg'
import { PostgresBoardStorage } from '../../src/storage/PostgresBoardStorage.ts'
import { startPostgres, type PostgresServer } from '../services/testServices.ts'
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

let server: PostgresServer
beforeAll(async () => {
  server = await startPostgres()
}, 60_000)
afterAll(async () => {
  await server?.destroy()
})

const urls = new WeakMap<object, string>()

const factory: StorageFactory = {
  async open() {
    const url = await server.createDatabase()
    const storage = await PostgresBoardStorage.open(url)
    urls.set(storage, url)
    return storage
  },
  async reopen(storage) {
    const url = urls.get(storage)!
    await storage.close()
    const reopened = await PostgresBoardStorage.open(url)
    urls.set(reopened, url)
    return reopened
  },
}

describeBoardDirectoryContract('PostgreSQL', factory)
describeDocumentLogContract('PostgreSQL', factory)
describeSnapshotStoreContract('PostgreSQL', factory)
describeBallotBoxContract('PostgreSQL', factory)
describeBoardTransferContract('PostgreSQL', factory)
describeHistoryLogContract('PostgreSQL', factory)
describeOwnTemplateStoreContract('PostgreSQL', factory)
describePrivateSpaceStoreContract('PostgreSQL', factory)
describeSeriesStoreContract('PostgreSQL', factory)
// Two instances on one database: the lock holds across them.
describeBoardLocksContract('PostgreSQL', factory, (first) => PostgresBoardStorage.open(urls.get(first)!))

it('migrates once when several instances start on one database at the same time', async () => {
  const url = await server.createDatabase()
  const instances = await Promise.all(Array.from({ length: 4 }, () => PostgresBoardStorage.open(url)))
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  expect((await client.query('SELECT version FROM dorfplatz_schema')).rows).toEqual([{ version: 7 }])
  await client.end()
  await Promise.all(instances.map((instance) => instance.close()))
})

it('holds the dot budget against ballots sent through two instances at once', async () => {
  const url = await server.createDatabase()
  const [a, b] = await Promise.all([PostgresBoardStorage.open(url), PostgresBoardStorage.open(url)])
  await a.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
  const tries = Array.from({ length: 40 }, (_, n) =>
    (n % 2 ? a : b).changeBallot('AAAAAAAAAAAAAAAA', 'round', 'voter', `shape:${n % 5}`, 1, 7),
  )
  const outcomes = await Promise.all(tries)
  expect(outcomes.filter((outcome) => outcome.outcome === 'changed')).toHaveLength(7)
  expect((await a.tallyRound('AAAAAAAAAAAAAAAA', 'round')).dots).toBe(7)
  await Promise.all([a.close(), b.close()])
})

it('keeps every update when two instances append and compact one board at once', async () => {
  const url = await server.createDatabase()
  const [a, b] = await Promise.all([PostgresBoardStorage.open(url), PostgresBoardStorage.open(url)])
  await a.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
  const { lastSeq: first } = await a.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10)])
  const appends = Array.from({ length: 30 }, (_, n) => (n % 2 ? a : b).appendUpdates('AAAAAAAAAAAAAAAA', [bytes(20 + n)]))
  // Compacting up to the first update while others are appended: only what it covers goes.
  const [results] = await Promise.all([Promise.all(appends), b.compact('AAAAAAAAAAAAAAAA', bytes(7), first)])
  const seqs = results.map((result) => result.lastSeq)
  // Appends of one board are serialised: each one's previous number is another's last.
  const previous = new Set(results.map((result) => result.previousSeq))
  expect(seqs.filter((seq) => previous.has(seq))).toHaveLength(29)
  // An older compaction arriving late does not move the state back.
  await a.compact('AAAAAAAAAAAAAAAA', bytes(6), first - 1)
  const stored = await a.loadDocument('AAAAAAAAAAAAAAAA')
  expect(stored.updates[0]).toEqual(bytes(7))
  expect(stored.updates.slice(1).map((update) => update[0]).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 30 }, (_, n) => 20 + n))
  expect(stored.lastSeq).toBe(Math.max(...seqs))
  await Promise.all([a.close(), b.close()])
})
