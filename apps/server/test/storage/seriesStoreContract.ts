/**
 * The contract of series: a board is in at most one series, boards keep the order they joined
 * in, a series without boards goes, a deleted board leaves its series, and a board's place in
 * its series travels with it from one storage to another.
 */
import { describe, expect, it } from 'vitest'
import { newBoard, type StorageFactory } from './storageContractKit.ts'

const A = 'AAAAAAAAAAAAAAAA'
const B = 'BBBBBBBBBBBBBBBB'
const C = 'CCCCCCCCCCCCCCCC'

export function describeSeriesStoreContract(name: string, factory: StorageFactory): void {
  describe(`SeriesStore contract: ${name}`, () => {
    it('keeps a series’ boards in the order they joined, one series per board', async () => {
      const storage = await factory.open()
      for (const [id, createdAt] of [[A, 3], [B, 2], [C, 1]] as const) await storage.createBoard({ ...newBoard(id), createdAt })
      expect(await storage.seriesOf(A)).toBeNull()

      await storage.createSeries('s1', 'Digitale Kommune 2027', A, 100)
      expect(await storage.joinSeries(B, 's1')).toBe(true)
      expect(await storage.joinSeries(C, 's1')).toBe(true)
      // Joining again changes nothing; an unknown series is refused.
      expect(await storage.joinSeries(B, 's1')).toBe(true)
      expect(await storage.joinSeries(B, 'nope')).toBe(false)
      const series = await storage.seriesOf(B)
      expect(series).toEqual({
        id: 's1',
        name: 'Digitale Kommune 2027',
        createdAt: 100,
        boards: [
          { id: A, title: `Board ${A}`, position: 1, createdAt: 3 },
          { id: B, title: `Board ${B}`, position: 2, createdAt: 2 },
          { id: C, title: `Board ${C}`, position: 3, createdAt: 1 },
        ],
      })
      expect(await storage.seriesOf(C)).toEqual(series)

      expect(await storage.renameSeries('s1', 'Reihe 2027')).toBe(true)
      expect(await storage.renameSeries('nope', 'x')).toBe(false)
      expect((await storage.seriesOf(A))?.name).toBe('Reihe 2027')

      // Leaving keeps the others' positions; leaving twice is refused.
      expect(await storage.leaveSeries(B)).toBe(true)
      expect(await storage.leaveSeries(B)).toBe(false)
      expect(await storage.seriesOf(B)).toBeNull()
      expect((await storage.seriesOf(A))?.boards.map((board) => [board.id, board.position])).toEqual([[A, 1], [C, 3]])
      // Rejoining puts a board last.
      await storage.joinSeries(B, 's1')
      expect((await storage.seriesOf(A))?.boards.map((board) => [board.id, board.position])).toEqual([[A, 1], [C, 3], [B, 4]])

      // A board that starts a series of its own leaves the old one.
      await storage.createSeries('s2', 'Andere Reihe', C, 200)
      expect((await storage.seriesOf(C))?.boards.map((board) => board.id)).toEqual([C])
      expect((await storage.seriesOf(A))?.boards.map((board) => board.id)).toEqual([A, B])
      await storage.close()
    })

    it('lets a deleted board leave its series, and drops a series without boards', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard(A))
      await storage.createBoard(newBoard(B))
      await storage.createSeries('s1', 'Reihe', A, 1)
      await storage.joinSeries(B, 's1')
      expect(await storage.deleteBoard(A)).toBe(true)
      expect((await storage.seriesOf(B))?.boards.map((board) => board.id)).toEqual([B])
      await storage.leaveSeries(B)
      // Gone with its last board: nobody can join it any more.
      expect(await storage.joinSeries(B, 's1')).toBe(false)
      await storage.createSeries('s3', 'Einzeln', B, 2)
      await storage.createSeries('s4', 'Neu', B, 3)
      expect(await storage.renameSeries('s3', 'x')).toBe(false)
      await storage.close()
    })

    it('carries a board’s place in its series through a dump, and keeps it after a reopen', async () => {
      const from = await factory.open()
      let to = await factory.open()
      await from.createBoard(newBoard(A))
      await from.createBoard(newBoard(B))
      await from.createSeries('s1', 'Digitale Kommune 2027', A, 5)
      await from.joinSeries(B, 's1')
      await to.restoreBoard((await from.dumpBoard(B))!)
      await to.restoreBoard((await from.dumpBoard(A))!)
      expect(await to.seriesOf(A)).toEqual(await from.seriesOf(A))
      if (factory.reopen) {
        to = await factory.reopen(to)
        expect((await to.seriesOf(B))?.boards.map((board) => [board.id, board.position])).toEqual([[A, 1], [B, 2]])
      }
      await Promise.all([from.close(), to.close()])
    })
  })
}
