/** The contract of the history log: rows per board, oldest first, trimmed to MAX_HISTORY_ROWS, gone with the board. */
import { describe, expect, it } from 'vitest'
import { MAX_HISTORY_ROWS, type NewHistoryRow } from '../../src/storage/HistoryLog.ts'
import { newBoard, type StorageFactory } from './storageContractKit.ts'

const row = (n: number, name = 'Anna Weber'): NewHistoryRow => ({
  at: n * 60_000,
  actor: { name, color: '#2f6db5', role: 'participant' },
  changes: {
    added: [{ shapeId: `shape:n${n}`, kind: 'note', text: `Notiz ${n} – „Glasfaser“`, zone: null }],
    edited: [],
    moved: [],
    deleted: [],
    restored: [],
    counts: { added: 1, edited: 0, moved: 0, deleted: 0, restored: 0 },
  },
  deletedShapes: [{ shapeId: `shape:d${n}`, record: { id: `shape:d${n}`, props: { text: 'ü\u0000' } }, authors: null, page: { pageId: 'page:page', x: 1.5, y: -2 } }],
})

export function describeHistoryLogContract(name: string, factory: StorageFactory): void {
  describe(`HistoryLog contract: ${name}`, () => {
    it('keeps rows per board in order, as written', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await storage.createBoard(newBoard('BBBBBBBBBBBBBBBB'))
      await storage.appendHistory('AAAAAAAAAAAAAAAA', [row(1), row(2, 'Bernd Klein')])
      await storage.appendHistory('BBBBBBBBBBBBBBBB', [row(3)])
      await storage.appendHistory('AAAAAAAAAAAAAAAA', [row(4)])
      const rows = await storage.listHistory('AAAAAAAAAAAAAAAA')
      expect(rows.map(({ id: _id, ...rest }) => rest)).toEqual([row(1), row(2, 'Bernd Klein'), row(4)])
      expect(rows.map((stored) => stored.id)).toEqual([...rows.map((stored) => stored.id)].sort((a, b) => a - b))
      expect((await storage.listHistory('BBBBBBBBBBBBBBBB')).map(({ id: _id, ...rest }) => rest)).toEqual([row(3)])
      await storage.close()
    })

    it(`keeps a board's newest ${MAX_HISTORY_ROWS} rows only, and drops them with the board`, async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await storage.appendHistory('AAAAAAAAAAAAAAAA', Array.from({ length: MAX_HISTORY_ROWS }, (_, n) => row(n)))
      await storage.appendHistory('AAAAAAAAAAAAAAAA', [row(MAX_HISTORY_ROWS), row(MAX_HISTORY_ROWS + 1)])
      const rows = await storage.listHistory('AAAAAAAAAAAAAAAA')
      expect(rows).toHaveLength(MAX_HISTORY_ROWS)
      expect(rows[0]!.at).toBe(2 * 60_000)
      expect(rows.at(-1)!.at).toBe((MAX_HISTORY_ROWS + 1) * 60_000)
      await storage.deleteBoard('AAAAAAAAAAAAAAAA')
      expect(await storage.listHistory('AAAAAAAAAAAAAAAA')).toEqual([])
      await storage.close()
    })
  })
}
