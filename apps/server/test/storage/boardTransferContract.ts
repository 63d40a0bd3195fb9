/** The contract of board transfer: a board dumped from one storage restores into another as it was. */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newBoard, type StorageFactory } from './storageContractKit.ts'

/** A real Yjs update setting `key` to `value` in map `m`, so that merging works. */
function mapUpdate(doc: Y.Doc, key: string, value: number): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc, before)
}

export function describeBoardTransferContract(name: string, factory: StorageFactory): void {
  describe(`BoardTransfer contract: ${name}`, () => {
    it('dumps a board with its tokens, document, snapshots, ballots and history, and restores it elsewhere as it was', async () => {
      const [from, to] = await Promise.all([factory.open(), factory.open()])
      const doc = new Y.Doc()
      const initialState = mapUpdate(doc, 'a', 1)
      await from.createBoard({ ...newBoard('AAAAAAAAAAAAAAAA'), initialState })
      await from.appendUpdates('AAAAAAAAAAAAAAAA', [mapUpdate(doc, 'b', 2), mapUpdate(doc, 'c', 3)])
      await from.replaceToken('AAAAAAAAAAAAAAAA', 'participant', 'new-p')
      await from.saveSnapshot('AAAAAAAAAAAAAAAA', { id: 's1', name: 'Stand', kind: 'manual', createdAt: 5, state: Y.encodeStateAsUpdate(doc), thumbnail: '<svg/>' })
      await from.changeBallot('AAAAAAAAAAAAAAAA', 'round', 'voter', 'shape:a', 1, 3)
      const counts = { added: 0, edited: 1, moved: 0, deleted: 0, restored: 0 }
      const edited = { shapeId: 'shape:a', kind: 'note' as const, text: 'Dorfladen', zone: null }
      await from.appendHistory('AAAAAAAAAAAAAAAA', [
        { at: 60_000, actor: { name: 'Anna', color: '#2f6db5', role: 'participant' }, changes: { added: [], edited: [edited], moved: [], deleted: [], restored: [], counts }, deletedShapes: [] },
      ])
      expect(await from.dumpBoard('BBBBBBBBBBBBBBBB')).toBeUndefined()

      const dump = (await from.dumpBoard('AAAAAAAAAAAAAAAA'))!
      await to.restoreBoard(dump)
      expect(await to.getBoard('AAAAAAAAAAAAAAAA')).toEqual(await from.getBoard('AAAAAAAAAAAAAAAA'))
      expect(await to.findToken('new-p')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'participant' })
      // The replaced link stays replaced.
      expect(await to.findToken('AAAAAAAAAAAAAAAA-p')).toBeUndefined()
      expect(await to.findToken('AAAAAAAAAAAAAAAA-f')).toEqual({ boardId: 'AAAAAAAAAAAAAAAA', role: 'facilitator' })
      const restored = new Y.Doc()
      for (const update of (await to.loadDocument('AAAAAAAAAAAAAAAA')).updates) Y.applyUpdate(restored, update)
      expect(restored.getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 })
      expect(await to.listSnapshots('AAAAAAAAAAAAAAAA')).toEqual(await from.listSnapshots('AAAAAAAAAAAAAAAA'))
      expect(await to.getSnapshot('AAAAAAAAAAAAAAAA', 's1')).toEqual(await from.getSnapshot('AAAAAAAAAAAAAAAA', 's1'))
      expect(await to.readBallot('AAAAAAAAAAAAAAAA', 'round', 'voter')).toEqual(new Map([['shape:a', 1]]))
      const history = (rows: Array<{ id: number }>) => rows.map(({ id: _id, ...rest }) => rest)
      expect(history(await to.listHistory('AAAAAAAAAAAAAAAA'))).toEqual(history(await from.listHistory('AAAAAAAAAAAAAAAA')))
      expect(await to.listHistory('AAAAAAAAAAAAAAAA')).toHaveLength(1)
      // Written to after the move, the board goes on from where it was.
      const next = await to.appendUpdates('AAAAAAAAAAAAAAAA', [mapUpdate(doc, 'd', 4)])
      expect(next.previousSeq).toBe(0)
      await expect(to.restoreBoard(dump)).rejects.toThrow()
      await Promise.all([from.close(), to.close()])
    })
  })
}
