/**
 * The ballots of voting rounds, kept apart from the board and under a hash of each browser's
 * voter key, until a round's totals are written into the board. One of the storage concerns
 * (see BoardStorage).
 */

/** What one change to a voter's ballot did. */
export type BallotOutcome = 'changed' | 'budget-spent' | 'no-dot-there'

/** A round's ballots added up: never who voted for what. */
export interface RoundTally {
  /** Dots per note, only notes with at least one. */
  totals: Map<string, number>
  /** Voters with at least one dot. */
  voters: number
  dots: number
}

export interface BallotBox {
  /**
   * Places (`delta` 1) or takes back (-1) one of a voter's dots on a note, atomically: a dot
   * beyond `budget` in the round is refused ('budget-spent'), as is taking back a dot the
   * voter has not placed there ('no-dot-there'). Resolves to the outcome and the voter's
   * dots per note afterwards. `voter` is a hash; nothing ties it to a person.
   */
  changeBallot(
    boardId: string,
    roundId: string,
    voter: string,
    shapeId: string,
    delta: 1 | -1,
    budget: number,
  ): Promise<{ outcome: BallotOutcome; dots: Map<string, number> }>
  /** A voter's dots per note in a round. */
  readBallot(boardId: string, roundId: string, voter: string): Promise<Map<string, number>>
  tallyRound(boardId: string, roundId: string): Promise<RoundTally>
  /** Forgets every ballot of a round (once its totals are in the board). */
  deleteBallots(boardId: string, roundId: string): Promise<void>
}
