/**
 * Dot voting on the server: placing and taking back dots, reading one's own ballot, and revealing
 * a round. Ballots are kept apart from the board, under a hash of the board id and each browser's
 * voter key, and forgotten when the round is revealed: what stays is the totals, written into the
 * board. Nothing here knows about HTTP; refusals are BoardErrors.
 */
import type { Ballot } from '@dorfplatz/protocol'
import type * as Y from 'yjs'
import type { VotingRound } from '@dorfplatz/board'
import type { BallotBox } from '../storage/BallotBox.ts'
import type { RoomRegistry } from '../sync/RoomRegistry.ts'
import { hashToken } from '../tokens.ts'
import { conflict } from './BoardError.ts'
import { assertVotable, openRoundById, revealRound, writeRoundProgress } from './facilitationState.ts'

function ballotOf(roundId: string, dots: Map<string, number>, budget: number): Ballot {
  const used = [...dots.values()].reduce((sum, n) => sum + n, 0)
  return { roundId, dots: Object.fromEntries(dots), remaining: Math.max(0, budget - used) }
}

export class BoardVoting {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly ballots: BallotBox,
  ) {}

  /** The voter a browser's key stands for on a board: a hash, so that nothing ties it to a person. */
  private voter(boardId: string, voterKey: string): string {
    return hashToken(`${boardId}:${voterKey}`)
  }

  /** The dots `voterKey` has placed in an open round, and how many are left. */
  async readBallot(boardId: string, roundId: string, voterKey: string): Promise<Ballot> {
    const round = await this.rooms.change(boardId, (room) => openRoundById(room.doc, roundId))
    const dots = await this.ballots.readBallot(boardId, roundId, this.voter(boardId, voterKey))
    return ballotOf(roundId, dots, round.dotsPerPerson)
  }

  /**
   * Places (1) or takes back (-1) one dot, within the round's budget, and updates the round's
   * progress. Ballot changes and reveals of one board run one after another, on every instance
   * (RoomRegistry.exclusive), so that no dot lands between a round's tally and its end, and the
   * progress written is never older than the ballots.
   */
  changeBallot(boardId: string, roundId: string, voterKey: string, shapeId: string, delta: 1 | -1): Promise<Ballot> {
    const voter = this.voter(boardId, voterKey)
    return this.rooms.exclusive(boardId, async (change) => {
      const round = await change((room) => {
        const open = openRoundById(room.doc, roundId)
        // Taking a dot back is allowed even from a note that has since left the round's zone.
        if (delta === 1) assertVotable(room.doc, open, shapeId)
        return open
      })
      const { outcome, dots } = await this.ballots.changeBallot(boardId, roundId, voter, shapeId, delta, round.dotsPerPerson)
      if (outcome === 'budget-spent') throw conflict('All dots of this round are placed; take one back first.')
      if (outcome === 'no-dot-there') throw conflict('There is no dot of yours on this note.')
      const tally = await this.ballots.tallyRound(boardId, roundId)
      await change((room) => writeRoundProgress(room.doc, roundId, tally))
      return ballotOf(roundId, dots, round.dotsPerPerson)
    })
  }

  /** Ends a round: its ranked totals go into the board, and its ballots are forgotten. */
  reveal(boardId: string, roundId: string): Promise<VotingRound> {
    return this.rooms.exclusive(boardId, async (change) => {
      await change((room) => openRoundById(room.doc, roundId))
      const reveal = await this.prepareReveal(boardId, roundId)
      const revealed = await change((room) => reveal.write(room.doc, Date.now()))
      await reveal.forgetBallots()
      return revealed
    })
  }

  /**
   * A reveal in two halves, for a caller that holds the board's lock (RoomRegistry.exclusive)
   * and writes the reveal together with other changes in one transaction (the run-sheet's
   * "Nächster Schritt"): the tally is read now; `write` puts the results into the board, and
   * `forgetBallots` drops who voted for what once that change is stored.
   */
  async prepareReveal(boardId: string, roundId: string): Promise<{ write(doc: Y.Doc, now: number): VotingRound; forgetBallots(): Promise<void> }> {
    const tally = await this.ballots.tallyRound(boardId, roundId)
    return {
      write: (doc, now) => revealRound(doc, roundId, tally, now),
      // The totals are stored in the board now; who voted for what is forgotten.
      forgetBallots: () => this.ballots.deleteBallots(boardId, roundId),
    }
  }
}
