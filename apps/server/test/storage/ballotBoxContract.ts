/** The contract of the ballot box: the budget, taking back, tallies and forgetting. */
import { describe, expect, it } from 'vitest'
import { newBoard, type StorageFactory } from './storageContractKit.ts'

export function describeBallotBoxContract(name: string, factory: StorageFactory): void {
  describe(`BallotBox contract: ${name}`, () => {
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
  })
}
