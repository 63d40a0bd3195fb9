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
  /**
   * What the compacted state was checked against when it was written (see compact), or null when
   * nobody vouched for it. Only loadDocument says.
   */
  stateCheckedBy?: string | null
}

/** Where an append landed in a board's log. */
export interface AppendResult {
  /** The sequence number of the last update appended. */
  lastSeq: number
  /**
   * The board's last sequence number before this append: whoever has applied everything up to it
   * has, with this append, everything up to lastSeq (appends of one board are serialised).
   */
  previousSeq: number
}

export interface DocumentLog {
  loadDocument(boardId: string): Promise<StoredDocument>
  /**
   * What was appended after `afterSeq`, in order; when the log was compacted past it, the state
   * first (as loadDocument). Applying the result to a document that had everything up to
   * `afterSeq` gives it everything up to the result's lastSeq.
   */
  loadUpdatesSince(boardId: string, afterSeq: number): Promise<StoredDocument>
  /** The board's last sequence number (0 for a board nothing was appended to yet). */
  latestSeq(boardId: string): Promise<number>
  /**
   * Appends updates durably, in one transaction, and resolves only once they
   * would survive a crash of the process. Appends of one board are serialised, also across
   * server instances, so that sequence numbers of a board become visible in order.
   */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<AppendResult>
  /**
   * Replaces the state and every logged update up to `uptoSeq` with `state`. `checkedBy` names
   * the checks the writer vouches the state passes (see the sync layer's loadChecks); loadDocument
   * hands it back with the state.
   */
  compact(boardId: string, state: Uint8Array, uptoSeq: number, checkedBy?: string | null): Promise<void>
  /** Number of logged updates not yet merged into the state (for tests and metrics). */
  countLoggedUpdates(boardId: string): Promise<number>
}
