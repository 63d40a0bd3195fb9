/** The contract of the board directory: boards and their links' tokens. */
import { describe, expect, it } from 'vitest'
import { OPENED_AT_RESOLUTION_MS } from '../../src/storage/BoardDirectory.ts'
import { bytes, newBoard, type StorageFactory } from './storageContractKit.ts'

export function describeBoardDirectoryContract(name: string, factory: StorageFactory): void {
  describe(`BoardDirectory contract: ${name}`, () => {
    it('creates a board and finds it and its tokens', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      expect(await storage.getBoard('AAAAAAAAAAAAAAAA')).toEqual({
        id: 'AAAAAAAAAAAAAAAA',
        title: 'Board AAAAAAAAAAAAAAAA',
        createdAt: 1_700_000_000_000,
        lastOpenedAt: 1_700_000_000_000,
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

    it('notes when a board was opened, never moving the time back, at most once an hour', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      const created = newBoard('AAAAAAAAAAAAAAAA').createdAt
      const opened = created + 2 * OPENED_AT_RESOLUTION_MS
      await storage.touchBoard('AAAAAAAAAAAAAAAA', opened)
      await storage.touchBoard('AAAAAAAAAAAAAAAA', created + OPENED_AT_RESOLUTION_MS)
      expect((await storage.getBoard('AAAAAAAAAAAAAAAA'))?.lastOpenedAt).toBe(opened)
      expect((await storage.listBoards())[0]?.lastOpenedAt).toBe(opened)
      // Opened again within the hour: nothing is written.
      await storage.touchBoard('AAAAAAAAAAAAAAAA', opened + OPENED_AT_RESOLUTION_MS - 1)
      expect((await storage.getBoard('AAAAAAAAAAAAAAAA'))?.lastOpenedAt).toBe(opened)
      await storage.touchBoard('AAAAAAAAAAAAAAAA', opened + OPENED_AT_RESOLUTION_MS)
      expect((await storage.getBoard('AAAAAAAAAAAAAAAA'))?.lastOpenedAt).toBe(opened + OPENED_AT_RESOLUTION_MS)
      await storage.close()
    })

    it('deletes a board with everything of it, and no other board', async () => {
      const storage = await factory.open()
      for (const id of ['AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBB']) {
        await storage.createBoard(newBoard(id))
        await storage.appendUpdates(id, [bytes(4, 5, 6)])
        await storage.saveSnapshot(id, { id: `snap-${id}`, name: 'Stand', kind: 'manual', createdAt: 1, state: bytes(1), thumbnail: '<svg/>' })
        await storage.changeBallot(id, 'round', 'voter', 'shape:a', 1, 5)
      }
      expect(await storage.storedBytes('AAAAAAAAAAAAAAAA')).toBeGreaterThan(0)
      expect(await storage.deleteBoard('AAAAAAAAAAAAAAAA')).toBe(true)
      expect(await storage.deleteBoard('AAAAAAAAAAAAAAAA')).toBe(false)
      expect(await storage.getBoard('AAAAAAAAAAAAAAAA')).toBeUndefined()
      expect(await storage.findToken('AAAAAAAAAAAAAAAA-f')).toBeUndefined()
      expect((await storage.loadDocument('AAAAAAAAAAAAAAAA')).updates).toEqual([])
      expect(await storage.listSnapshots('AAAAAAAAAAAAAAAA')).toEqual([])
      expect((await storage.tallyRound('AAAAAAAAAAAAAAAA', 'round')).voters).toBe(0)
      expect(await storage.storedBytes('AAAAAAAAAAAAAAAA')).toBe(0)
      expect(await storage.findToken('BBBBBBBBBBBBBBBB-f')).toEqual({ boardId: 'BBBBBBBBBBBBBBBB', role: 'facilitator' })
      expect((await storage.loadDocument('BBBBBBBBBBBBBBBB')).updates).toHaveLength(2)
      expect(await storage.listSnapshots('BBBBBBBBBBBBBBBB')).toHaveLength(1)
      await storage.close()
    })

    it('refuses a second board with the same id', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await expect(storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))).rejects.toThrow()
      await storage.close()
    })
  })
}
