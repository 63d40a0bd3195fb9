/**
 * A board's document as storage keeps it: a compacted state plus an append-only log of Yjs
 * updates; the state and the log together rebuild the document. One of the storage concerns
 * (see BoardStorage).
 */

export interface StoredDocument {
  /** The compacted state first (if any), then every update appended since, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update included; compaction passes it back. */
  lastSeq: number
}

export interface DocumentLog {
  loadDocument(boardId: string): Promise<StoredDocument>
  /**
   * Appends updates durably, in one transaction, and resolves only once they
   * would survive a crash of the process. Resolves to the last sequence number.
   */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number>
  /** Replaces the state and every logged update up to `uptoSeq` with `state`. */
  compact(boardId: string, state: Uint8Array, uptoSeq: number): Promise<void>
  /** Number of logged updates not yet merged into the state (for tests and metrics). */
  countLoggedUpdates(boardId: string): Promise<number>
}
