/**
 * The contract of the private spaces: a space is written only while its round is open (checked
 * in the same transaction), merged with what was there, counted per round, returned by closing
 * the round until dropped, and gone with the board.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newBoard, type StorageFactory } from './storageContractKit.ts'

const BOARD = 'AAAAAAAAAAAAAAAA'

/** An update that sets `key` to `value` in a map of its own client, so that updates of several calls merge. */
function entry(key: string, value: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

function mapOf(state: Uint8Array): Record<string, unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getMap('m').toJSON()
}

export function describePrivateSpaceStoreContract(name: string, factory: StorageFactory): void {
  describe(`PrivateSpaceStore contract: ${name}`, () => {
    it('stores spaces only while their round is open, merging what each write brings', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard(BOARD))
      expect(await storage.loadPrivateSpace(BOARD, 'r1', 'anna')).toBeNull()
      expect(await storage.storePrivateSpace(BOARD, 'r1', 'anna', entry('a', 'Glasfaser'), { notes: 1, author: '', now: 1 })).toBe(false)

      await storage.openPrivateRound(BOARD, 'r1', 10)
      await storage.openPrivateRound(BOARD, 'r1', 11)
      expect(mapOf((await storage.loadPrivateSpace(BOARD, 'r1', 'anna'))!)).toEqual({})
      expect(await storage.storePrivateSpace(BOARD, 'r1', 'anna', entry('a', 'Glasfaser'), { notes: 1, author: '', now: 12 })).toBe(true)
      expect(await storage.storePrivateSpace(BOARD, 'r1', 'anna', entry('b', 'WLAN am Dorfplatz'), { notes: 2, author: '{"name":"Anna"}', now: 13 })).toBe(true)
      expect(await storage.storePrivateSpace(BOARD, 'r1', 'bernd', entry('c', 'Bürgerbus-App'), { notes: 1, author: '', now: 14 })).toBe(true)
      expect(await storage.storePrivateSpace(BOARD, 'r1', 'clara', entry('d', 'leer'), { notes: 0, author: '', now: 15 })).toBe(true)

      expect(mapOf((await storage.loadPrivateSpace(BOARD, 'r1', 'anna'))!)).toEqual({ a: 'Glasfaser', b: 'WLAN am Dorfplatz' })
      expect(await storage.privateRoundTotals(BOARD, 'r1')).toEqual({ notes: 3, people: 2 })
      expect(await storage.privateRoundTotals(BOARD, 'other')).toEqual({ notes: 0, people: 0 })

      const spaces = await storage.closePrivateRound(BOARD, 'r1')
      expect(spaces.map((space) => [space.owner, space.notes, mapOf(space.state)])).toEqual([
        ['anna', 2, { a: 'Glasfaser', b: 'WLAN am Dorfplatz' }],
        ['bernd', 1, { c: 'Bürgerbus-App' }],
        ['clara', 0, { d: 'leer' }],
      ])
      expect(spaces[0]!.author).toBe('{"name":"Anna"}')
      // Closed: no more writes, no more loads; the spaces stay until dropped.
      expect(await storage.storePrivateSpace(BOARD, 'r1', 'anna', entry('e', 'zu spät'), { notes: 3, author: '', now: 16 })).toBe(false)
      expect(await storage.loadPrivateSpace(BOARD, 'r1', 'anna')).toBeNull()
      expect(await storage.closePrivateRound(BOARD, 'r1')).toHaveLength(3)
      await storage.dropPrivateSpaces(BOARD, 'r1')
      expect(await storage.closePrivateRound(BOARD, 'r1')).toEqual([])
      await storage.close()
    })

    it('drops a board’s rounds and spaces with the board', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard(BOARD))
      await storage.openPrivateRound(BOARD, 'r1', 10)
      await storage.storePrivateSpace(BOARD, 'r1', 'anna', entry('a', 'Glasfaser'), { notes: 1, author: '', now: 12 })
      expect(await storage.deleteBoard(BOARD)).toBe(true)
      await storage.createBoard(newBoard(BOARD))
      expect(await storage.loadPrivateSpace(BOARD, 'r1', 'anna')).toBeNull()
      expect(await storage.closePrivateRound(BOARD, 'r1')).toEqual([])
      await storage.close()
    })
  })
}
