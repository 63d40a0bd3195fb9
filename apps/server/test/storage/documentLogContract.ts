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
      expect(first.previousSeq).toBe(0)
      expect(last.lastSeq).toBeGreaterThan(first.lastSeq)
      // Another board's appends between do not count: the board's own last number does.
      expect(last.previousSeq).toBe(first.lastSeq)
      expect(await storage.latestSeq('AAAAAAAAAAAAAAAA')).toBe(last.lastSeq)
      const stored = await storage.loadDocument('AAAAAAAAAAAAAAAA')
      expect(stored.updates).toEqual([bytes(1, 2, 3), bytes(10), bytes(11), bytes(12)])
      expect(stored.lastSeq).toBe(last.lastSeq)
      expect(await storage.countLoggedUpdates('AAAAAAAAAAAAAAAA')).toBe(3)
      await storage.close()
    })

    it('compaction replaces the state and the log up to a sequence number, keeping later updates', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      const { lastSeq: upTo } = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10), bytes(11)])
      const later = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(12)])
      await storage.compact('AAAAAAAAAAAAAAAA', bytes(7, 7), upTo)
      const stored = await storage.loadDocument('AAAAAAAAAAAAAAAA')
      expect(stored.updates).toEqual([bytes(7, 7), bytes(12)])
      expect(await storage.countLoggedUpdates('AAAAAAAAAAAAAAAA')).toBe(1)
      expect(await storage.latestSeq('AAAAAAAAAAAAAAAA')).toBe(later.lastSeq)
      // After compaction the board's last number still counts what was merged.
      await storage.compact('AAAAAAAAAAAAAAAA', bytes(8, 8), later.lastSeq)
      expect(await storage.latestSeq('AAAAAAAAAAAAAAAA')).toBe(later.lastSeq)
      expect((await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(13)])).previousSeq).toBe(later.lastSeq)
      await storage.close()
    })

    it('hands back with the state the checks its compaction vouched for, and nothing for a state nobody vouched for', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      expect((await storage.loadDocument('AAAAAAAAAAAAAAAA')).stateCheckedBy).toBeNull()
      const first = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10)])
      await storage.compact('AAAAAAAAAAAAAAAA', bytes(7), first.lastSeq, '1:regeln')
      expect((await storage.loadDocument('AAAAAAAAAAAAAAAA')).stateCheckedBy).toBe('1:regeln')
      // A later compaction that vouches for nothing takes the word back.
      const second = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(11)])
      await storage.compact('AAAAAAAAAAAAAAAA', bytes(8), second.lastSeq)
      expect((await storage.loadDocument('AAAAAAAAAAAAAAAA')).stateCheckedBy).toBeNull()
      await storage.close()
    })

    it('hands out what was appended after a number, or the state too when it was compacted past it', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      const first = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(10)])
      const second = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(11), bytes(12)])
      expect(await storage.loadUpdatesSince('AAAAAAAAAAAAAAAA', first.lastSeq)).toEqual({ updates: [bytes(11), bytes(12)], lastSeq: second.lastSeq })
      expect(await storage.loadUpdatesSince('AAAAAAAAAAAAAAAA', second.lastSeq)).toEqual({ updates: [], lastSeq: second.lastSeq })
      await storage.compact('AAAAAAAAAAAAAAAA', bytes(7), second.lastSeq)
      const third = await storage.appendUpdates('AAAAAAAAAAAAAAAA', [bytes(13)])
      expect(await storage.loadUpdatesSince('AAAAAAAAAAAAAAAA', first.lastSeq)).toMatchObject({ updates: [bytes(7), bytes(13)], lastSeq: third.lastSeq })
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
