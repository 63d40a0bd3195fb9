/** The contract of the document log: the state, the updates appended since, compaction and durability. */
import { describe, expect, it } from 'vitest'
import { bytes, newBoard, type StorageFactory } from './storageContractKit.ts'

export function describeDocumentLogContract(name: string, factory: StorageFactory): void {
  describe(`DocumentLog contract: ${name}`, () => {
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
