/**
 * Watches the board's records while the first sync of a visit comes in and remembers, for every
 * record it touches, how the browser's copy had it before. Only changes that arrive from the
 * server count (`origin` is the sync provider): an edit made here meanwhile is this person's own.
 */
import { getRecordsArray, KeyValueArray, type KeyValueChangeListener } from '@dorfplatz/board'
import type { TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { collectVisitChanges, type VisitChanges } from './visitChanges.ts'

export class FirstSyncChanges {
  private readonly records: KeyValueArray<TLRecord>
  private readonly before = new Map<string, TLRecord | undefined>()

  constructor(doc: Y.Doc, origin: unknown) {
    // Read-only: this view never cleans up, it only listens.
    this.records = new KeyValueArray<TLRecord>(getRecordsArray(doc), { readonly: true })
    const onChange: KeyValueChangeListener<TLRecord> = (changes, transaction) => {
      if (transaction.origin !== origin) return
      for (const [id, change] of changes) {
        if (this.before.has(id)) continue
        this.before.set(id, change.action === 'add' ? undefined : change.oldValue)
      }
    }
    this.records.on('change', onChange)
  }

  /** Stops watching and says what changed; `since` is when the browser last saw the board. */
  finish(since: number | null): VisitChanges {
    const changes = collectVisitChanges(this.before, (id) => this.records.get(id), since)
    this.destroy()
    return changes
  }

  destroy(): void {
    this.records.destroy()
    this.before.clear()
  }
}
