/**
 * The contract every BoardStorage implementation must meet. Each
 * implementation's test file calls `describeStorageContract` with a factory
 * that opens a fresh, empty storage (and reopens the same one, for
 * durability).
 */
import { describe, expect, it } from 'vitest'
import type { BoardStorage, NewBoard } from './BoardStorage.ts'

export interface StorageFactory {
  /** A fresh, empty storage. */
  open(): Promise<BoardStorage>
  /** Closes `storage` and opens the same data again, or undefined where the data cannot outlive the instance. */
  reopen?(storage: BoardStorage): Promise<BoardStorage>
}

const bytes = (...values: number[]) => new Uint8Array(values)

function newBoard(id: string): NewBoard {
  return {
    id,
    title: `Board ${id}`,
    createdAt: 1_700_000_000_000,
    initialState: bytes(1, 2, 3),
    tokenHashes: { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
  }
}

export function describeStorageContract(name: string, factory: StorageFactory): void {
  describe(`BoardStorage contract: ${name}`, () => {
    it('creates a board and finds it and its tokens', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      expect(await storage.getBoard('AAAAAAAAAAAAAAAA')).toEqual({
        id: 'AAAAAAAAAAAAAAAA',
        title: 'Board AAAAAAAAAAAAAAAA',
        createdAt: 1_700_000_000_000,
      })
      expect(await storage.getBoard('BBBBBBBBBBBBBBBB')).toBeUndefined()
      expect(await storage.findToken('AAAAAAAAAAAAAAAA-p')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'participant' })
      expect(await storage.findToken('AAAAAAAAAAAAAAAA-v')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'viewer' })
      expect(await storage.findToken('nope')).toBeUndefined()
      await storage.close()
    })

    it('lists boards newest first', async () => {
      const storage = await factory.open()
      await storage.createBoard({ ...newBoard('AAAAAAAAAAAAAAAA'), createdAt: 1000 })
      await storage.createBoard({ ...newBoard('BBBBBBBBBBBBBBBB'), createdAt: 3000 })
      await storage.createBoard({ ...newBoard('CCCCCCCCCCCCCCCC'), createdAt: 2000 })
      expect((await storage.listBoards()).map((board) => board.id)).toEqual([
        'BBBBBBBBBBBBBBBB',
        'CCCCCCCCCCCCCCCC',
        'AAAAAAAAAAAAAAAA',
      ])
      await storage.close()
    })

    it('replacing a token revokes the old one of that role only', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      expect(await storage.replaceToken('AAAAAAAAAAAAAAAA', 'participant', 'new-p')).toEqual(['AAAAAAAAAAAAAAAA-p'])
      expect(await storage.findToken('AAAAAAAAAAAAAAAA-p')).toBeUndefined()
      expect(await storage.findToken('new-p')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'participant' })
      expect(await storage.findToken('AAAAAAAAAAAAAAAA-f')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'facilitator' })
      expect(await storage.replaceToken('AAAAAAAAAAAAAAAA', 'participant', 'newer-p')).toEqual(['new-p'])
      expect(await storage.findToken('new-p')).toBeUndefined()
      await storage.close()
    })

    it('refuses a second board with the same id', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await expect(storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))).rejects.toThrow()
      await storage.close()
    })

    it('returns the initial state, then appended updates in order', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await storage.createBoard(newBoard('BBBBBBBBBBBBBBBB'))
      const first = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10), bytes(11)])
      await storage.appendUpdates('BBBBBBBBBBBBBBBB', [bytes(99)])
      const last = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(12)])
      expect(last).toBeGreaterThan(first)
      const stored = await storage.loadDocument('AAAAAAAAAAAAAAAA')
      expect(stored.updates).toEqual([bytes(1, 2, 3), bytes(10), bytes(11), bytes(12)])
      expect(stored.lastSeq).toBe(last)
      expect(await storage.countLoggedUpdates('AAAAAAAAAAAAAAAA')).toBe(3)
      await storage.close()
    })

    it('compaction replaces the state and the log up to a sequence number, keeping later updates', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      const upTo = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10), bytes(11)])
      await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(12)])
      await storage.compact('AAAAAAAAAAAAAAAA', bytes(7, 7), upTo)
      const stored = await storage.loadDocument('AAAAAAAAAAAAAAAA')
      expect(stored.updates).toEqual([bytes(7, 7), bytes(12)])
      expect(await storage.countLoggedUpdates('AAAAAAAAAAAAAAAA')).toBe(1)
      await storage.close()
    })

    it('holds each voter to the budget of a round, and takes back only placed dots', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      const change = (voter: string, shape: string, delta: 1 | -1, budget = 3) =>
        storage.changeBallot('AAAAAAAAAAAAAAAA', 'round-1', voter, shape, delta, budget)
      expect((await change('v1', 'shape:a', 1)).outcome).toBe('changed')
      expect((await change('v1', 'shape:a', 1)).outcome).toBe('changed')
      expect((await change('v1', 'shape:b', 1)).outcome).toBe('changed')
      const spent = await change('v1', 'shape:c', 1)
      expect(spent.outcome).toBe('budget-spent')
      expect(spent.dots).toEqual(new Map([['shape:a', 2], ['shape:b', 1]]))
      // Another voter and another round have budgets of their own.
      expect((await change('v2', 'shape:a', 1)).outcome).toBe('changed')
      expect((await storage.changeBallot('AAAAAAAAAAAAAAAA', 'round-2', 'v1', 'shape:a', 1, 1)).outcome).toBe('changed')
      expect((await change('v1', 'shape:c', -1)).outcome).toBe('no-dot-there')
      const back = await change('v1', 'shape:b', -1)
      expect(back.outcome).toBe('changed')
      expect(back.dots).toEqual(new Map([['shape:a', 2]]))
      expect((await change('v1', 'shape:c', 1)).outcome).toBe('changed')
      expect(await storage.readBallot('AAAAAAAAAAAAAAAA', 'round-1', 'v1')).toEqual(
        new Map([['shape:a', 2], ['shape:c', 1]]),
      )
      await storage.close()
    })

    it('takes back one dot at a time, also from a note with exactly two', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      const change = (delta: 1 | -1) => storage.changeBallot('AAAAAAAAAAAAAAAA', 'round-1', 'v1', 'shape:a', delta, 5)
      await change(1)
      await change(1)
      const one = await change(-1)
      expect(one.outcome).toBe('changed')
      expect(one.dots).toEqual(new Map([['shape:a', 1]]))
      expect((await storage.tallyRound('AAAAAAAAAAAAAAAA', 'round-1')).dots).toBe(1)
      const none = await change(-1)
      expect(none.outcome).toBe('changed')
      expect(none.dots).toEqual(new Map())
      expect((await change(-1)).outcome).toBe('no-dot-there')
      await storage.close()
    })

    it('tallies a round without voters, and forgets its ballots', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      for (const [voter, shape] of [['v1', 'shape:a'], ['v1', 'shape:a'], ['v2', 'shape:a'], ['v2', 'shape:b']] as const) {
        await storage.changeBallot('AAAAAAAAAAAAAAAA', 'round-1', voter, shape, 1, 5)
      }
      await storage.changeBallot('AAAAAAAAAAAAAAAA', 'round-2', 'v3', 'shape:z', 1, 5)
      expect(await storage.tallyRound('AAAAAAAAAAAAAAAA', 'round-1')).toEqual({
        totals: new Map([['shape:a', 3], ['shape:b', 1]]),
        voters: 2,
        dots: 4,
      })
      await storage.deleteBallots('AAAAAAAAAAAAAAAA', 'round-1')
      expect(await storage.tallyRound('AAAAAAAAAAAAAAAA', 'round-1')).toEqual({ totals: new Map(), voters: 0, dots: 0 })
      expect(await storage.readBallot('AAAAAAAAAAAAAAAA', 'round-1', 'v1')).toEqual(new Map())
      expect((await storage.tallyRound('AAAAAAAAAAAAAAAA', 'round-2')).dots).toBe(1)
      await storage.close()
    })

    it('keeps snapshots per board, newest first, and trims old automatic ones when asked', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await storage.createBoard(newBoard('BBBBBBBBBBBBBBBB'))
      const snapshot = (id: string, kind: 'manual' | 'last-left', createdAt: number) => ({
        id,
        name: `Stand ${id}`,
        kind,
        createdAt,
        state: bytes(createdAt % 256),
        thumbnail: `<svg id="${id}"/>`,
      })
      await storage.saveSnapshot('AAAAAAAAAAAAAAAA', snapshot('m1', 'manual', 10))
      for (const [id, at] of [['a1', 20], ['a2', 30], ['a3', 40]] as const) {
        await storage.saveSnapshot('AAAAAAAAAAAAAAAA', snapshot(id, 'last-left', at), { keepAutomatic: 2 })
      }
      await storage.saveSnapshot('BBBBBBBBBBBBBBBB', snapshot('b1', 'manual', 50))
      expect((await storage.listSnapshots('AAAAAAAAAAAAAAAA')).map((info) => info.id)).toEqual(['a3', 'a2', 'm1'])
      expect((await storage.listSnapshots('AAAAAAAAAAAAAAAA'))[2]).toEqual({ id: 'm1', name: 'Stand m1', kind: 'manual', createdAt: 10 })
      expect(await storage.getSnapshot('AAAAAAAAAAAAAAAA', 'a2')).toEqual(snapshot('a2', 'last-left', 30))
      // A snapshot belongs to its board: another board's id does not reach it.
      expect(await storage.getSnapshot('AAAAAAAAAAAAAAAA', 'b1')).toBeUndefined()
      expect(await storage.getSnapshot('AAAAAAAAAAAAAAAA', 'a1')).toBeUndefined()
      await storage.close()
    })

    it.runIf(factory.reopen)('keeps everything appended across a reopen', async () => {
      let storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10)])
      storage = await factory.reopen!(storage)
      expect((await storage.loadDocument('AAAAAAAAAAAAAAAA')).updates).toEqual([bytes(1, 2, 3), bytes(10)])
      expect(await storage.findToken('AAAAAAAAAAAAAAAA-f')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'facilitator' })
      await storage.ping()
      await storage.close()
    })
  })
}
