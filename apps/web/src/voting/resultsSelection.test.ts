import type { VotingRound } from '@dorfplatz/board'
import { describe, expect, it } from 'vitest'
import { revealedRounds, roundToShow, type ResultsChoice } from './resultsSelection.ts'

function round(id: string, openedAt: number, status: VotingRound['status']): VotingRound {
  return {
    id,
    title: `Runde ${id}`,
    dotsPerPerson: 3,
    scope: { kind: 'all' },
    status,
    openedAt,
    voters: 0,
    dotsCast: 0,
    ...(status === 'revealed' ? { revealedAt: openedAt + 1, results: [] } : {}),
  }
}

const nothingChosen: ResultsChoice = { chosen: null, dismissedId: null }

describe('revealedRounds', () => {
  it('lists only rounds with results, newest first', () => {
    const rounds = [round('a', 1, 'revealed'), round('b', 2, 'revealed'), round('c', 3, 'open')]
    expect(revealedRounds(rounds).map((r) => r.id)).toEqual(['b', 'a'])
  })
})

describe('roundToShow', () => {
  it('shows the round revealed last to everyone', () => {
    const rounds = [round('a', 1, 'revealed'), round('b', 2, 'revealed')]
    expect(roundToShow(rounds, nothingChosen)?.id).toBe('b')
  })

  it('shows no results while a round is open', () => {
    const rounds = [round('a', 1, 'revealed'), round('b', 2, 'open')]
    expect(roundToShow(rounds, { chosen: { roundId: 'a', latestId: 'a' }, dismissedId: null })).toBeNull()
  })

  it('keeps closed results closed', () => {
    const rounds = [round('a', 1, 'revealed')]
    expect(roundToShow(rounds, { chosen: null, dismissedId: 'a' })).toBeNull()
  })

  it('shows an earlier round the person picked', () => {
    const rounds = [round('a', 1, 'revealed'), round('b', 2, 'revealed')]
    expect(roundToShow(rounds, { chosen: { roundId: 'a', latestId: 'b' }, dismissedId: 'b' })?.id).toBe('a')
  })

  it('puts newly revealed results before an earlier pick', () => {
    const rounds = [round('a', 1, 'revealed'), round('b', 2, 'revealed'), round('c', 3, 'revealed')]
    expect(roundToShow(rounds, { chosen: { roundId: 'a', latestId: 'b' }, dismissedId: 'b' })?.id).toBe('c')
  })

  it('shows nothing on a board without results', () => {
    expect(roundToShow([], nothingChosen)).toBeNull()
  })
})
