/**
 * The browser's own copy of a board, in IndexedDB: every change, local or from the server, is
 * written there as it happens. A participant who loses the network keeps working on it, edits
 * made offline survive closing the tab, and the next sync sends them to the server. It is also
 * what this browser saw last, which "Seit Ihrem letzten Besuch" compares against.
 */
import { readBoardSchema } from '@dorfplatz/board'
import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { boardCopyDatabaseName } from '../storage/boardCopies.ts'

/** Values kept with the browser's copy of a board, beside the document: gone when the copy goes. */
export interface CopyValues {
  /** A value stored with the copy, or undefined. */
  read(key: string): Promise<unknown>
  /** Stores a structured-cloneable value with the copy; losing it only costs a convenience. */
  write(key: string, value: unknown): void
}

/** If IndexedDB does not answer by then (a broken profile, say), the board opens from the server alone, when online. */
const LOAD_TIMEOUT_MS = 3000

export class LocalBoardCopy implements CopyValues {
  private readonly persistence: IndexeddbPersistence | null
  /** Resolves once the stored copy is in the document: true if there was one (an earlier visit). */
  readonly loaded: Promise<boolean>

  constructor(boardId: string, doc: Y.Doc) {
    let persistence: IndexeddbPersistence | null = null
    try {
      persistence = typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(boardCopyDatabaseName(boardId), doc)
    } catch {
      persistence = null
    }
    this.persistence = persistence
    this.loaded = new Promise<boolean>((resolve) => {
      if (!persistence) {
        resolve(false)
        return
      }
      let timeout: ReturnType<typeof setTimeout> | undefined
      // Offline the copy is all there is, so a slow load is waited for; online the server is asked.
      const giveUpWhenOnline = () => {
        timeout = setTimeout(() => (navigator.onLine ? resolve(false) : giveUpWhenOnline()), LOAD_TIMEOUT_MS)
      }
      giveUpWhenOnline()
      const done = (stored: boolean) => {
        clearTimeout(timeout)
        resolve(stored)
      }
      persistence.whenSynced.then(() => done(readBoardSchema(doc) !== null), () => done(false))
      // Private windows of some browsers refuse IndexedDB: the board then works online only.
      persistence._db.then(
        (db) =>
          // Another tab deletes the copy (its link found the board deleted): the database closes,
          // and writing to it would throw inside every change of this tab's document.
          db.addEventListener('versionchange', () => void persistence.destroy()),
        () => done(false),
      )
    })
  }

  /** A value stored with the copy, or undefined. */
  async read(key: string): Promise<unknown> {
    if (!this.persistence) return undefined
    try {
      return (await this.persistence.get(key)) as unknown
    } catch {
      return undefined
    }
  }

  /** Stores a structured-cloneable value with the copy; losing it only costs a convenience. */
  write(key: string, value: unknown): void {
    this.persistence?.set(key, value as string).catch(() => undefined)
  }

  /** Deletes the copy: the board is gone or this link no longer opens it, so nothing of it stays here. */
  async clear(): Promise<void> {
    if (!this.persistence) return
    await this.persistence.clearData().catch(() => undefined)
  }

  destroy(): void {
    void this.persistence?.destroy()
  }
}
