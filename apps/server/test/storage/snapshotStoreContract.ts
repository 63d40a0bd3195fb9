/** The contract of the snapshot store: versions per board, newest first, and trimming. */
import { describe, expect, it } from 'vitest'
import { bytes, newBoard, type StorageFactory } from './storageContractKit.ts'

export function describeSnapshotStoreContract(name: string, factory: StorageFactory): void {
  describe(`SnapshotStore contract: ${name}`, () => {
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
  })
}
