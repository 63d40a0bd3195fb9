/**
 * What every storage contract suite shares: a factory that opens a fresh, empty storage (and
 * reopens the same one, for durability), and the boards they create. Each concern of the storage
 * (see apps/server/src/storage/BoardStorage.ts) has a contract suite of its own, run against every
 * backend in that backend's test file.
 */
import type { BoardStorage, NewBoard } from '../../src/storage/BoardStorage.ts'

export interface StorageFactory {
  /** A fresh, empty storage. */
  open(): Promise<BoardStorage>
  /** Closes `storage` and opens the same data again, or undefined where the data cannot outlive the instance. */
  reopen?(storage: BoardStorage): Promise<BoardStorage>
}

export const bytes = (...values: number[]) => new Uint8Array(values)

export function newBoard(id: string): NewBoard {
  return {
    id,
    title: `Board ${id}`,
    createdAt: 1_700_000_000_000,
    initialState: bytes(1, 2, 3),
    tokenHashes: { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
  }
}
