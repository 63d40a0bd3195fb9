/**
 * The private spaces of "Stilles Brainstorming" (see @dorfplatz/board's privateRound.ts): per
 * board, round and person (the hash of their browser key), one small Yjs document with the notes
 * only that person sees until the round is revealed. One of the storage concerns (see
 * BoardStorage). The round's row says whether it is still open: a space is written only while
 * it is, in the same transaction, so that a write that races a reveal (on this instance or
 * another) is refused instead of leaving notes behind that nobody will ever reveal.
 */

export interface StoredPrivateSpace {
  /** The hash that stands for the person (their browser key for this board). */
  owner: string
  /** The space's document as one Yjs update. */
  state: Uint8Array
  /** How many notes the space held when last written. */
  notes: number
  /** Who wrote it, as JSON of an author stamp from their presence (`''` when unknown). */
  author: string
}

export interface PrivateSpaceStore {
  /** Opens a round for private spaces (nothing happens when it is open already). */
  openPrivateRound(boardId: string, roundId: string, now: number): Promise<void>
  /** One person's space as one update (empty when they have not written yet), or null when the round is not open. */
  loadPrivateSpace(boardId: string, roundId: string, owner: string): Promise<Uint8Array | null>
  /**
   * Merges `update` into the space and records its note count and writer, in one transaction
   * with checking that the round is still open. False when it is not: nothing was stored.
   */
  storePrivateSpace(
    boardId: string,
    roundId: string,
    owner: string,
    update: Uint8Array,
    facts: { notes: number; author: string; now: number },
  ): Promise<boolean>
  /** How many notes the round's spaces hold, and how many spaces hold any. */
  privateRoundTotals(boardId: string, roundId: string): Promise<{ notes: number; people: number }>
  /** Closes the round (no more writes) and returns its spaces; asking again returns them again until they are dropped. */
  closePrivateRound(boardId: string, roundId: string): Promise<StoredPrivateSpace[]>
  /** Drops a closed round's spaces once their notes are on the board. */
  dropPrivateSpaces(boardId: string, roundId: string): Promise<void>
}
