/** The contract of board locks: tasks of one board never overlap; tasks of different boards may. */
import { describe, expect, it } from 'vitest'
import type { StorageFactory } from './storageContractKit.ts'

/** A task that records when it ran and waits for `release` before it ends. */
function recordingTask(log: string[], name: string, release: Promise<void>) {
  return async () => {
    log.push(`${name} starts`)
    await release
    log.push(`${name} ends`)
    return name
  }
}

export function describeBoardLocksContract(name: string, factory: StorageFactory, openSecond?: (first: Awaited<ReturnType<StorageFactory['open']>>) => ReturnType<StorageFactory['open']>): void {
  describe(`BoardLocks contract: ${name}`, () => {
    it('runs the tasks of one board one after another, and of different boards side by side', async () => {
      const storage = await factory.open()
      // A second instance on the same data, where the backend has one; else the same one.
      const other = openSecond ? await openSecond(storage) : storage
      const log: string[] = []
      let releaseFirst!: () => void
      const first = storage.withBoardLock('AAAAAAAAAAAAAAAA', recordingTask(log, 'first', new Promise((resolve) => (releaseFirst = resolve))))
      // Give the first task time to take the lock before the others ask.
      await expect.poll(() => log).toContain('first starts')
      const second = other.withBoardLock('AAAAAAAAAAAAAAAA', recordingTask(log, 'second', Promise.resolve()))
      const elsewhere = other.withBoardLock('BBBBBBBBBBBBBBBB', recordingTask(log, 'elsewhere', Promise.resolve()))
      expect(await elsewhere).toBe('elsewhere')
      expect(log).not.toContain('second starts')
      releaseFirst()
      expect(await Promise.all([first, second])).toEqual(['first', 'second'])
      expect(log.indexOf('second starts')).toBeGreaterThan(log.indexOf('first ends'))
      // A task that fails releases the lock all the same.
      await expect(storage.withBoardLock('AAAAAAAAAAAAAAAA', async () => Promise.reject(new Error('kaputt')))).rejects.toThrow('kaputt')
      expect(await other.withBoardLock('AAAAAAAAAAAAAAAA', async () => 'weiter')).toBe('weiter')
      if (other !== storage) await other.close()
      await storage.close()
    })
  })
}
