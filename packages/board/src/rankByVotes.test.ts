import { describe, expect, it } from 'vitest'
import { rankByVotes } from './rankByVotes.ts'

const ranks = (votes: number[]) => rankByVotes(votes.map((n) => ({ votes: n }))).map(({ rank }) => rank)

describe('rankByVotes', () => {
  it('lets equal votes share a rank and skips the ranks they take (1, 1, 3)', () => {
    expect(ranks([5, 5, 2])).toEqual([1, 1, 3])
    expect(ranks([7, 4, 4, 4, 1])).toEqual([1, 2, 2, 2, 5])
    expect(ranks([3, 3, 3])).toEqual([1, 1, 1])
  })

  it('orders most votes first', () => {
    const ranked = rankByVotes([
      { id: 'b', votes: 1 },
      { id: 'a', votes: 4 },
      { id: 'c', votes: 2 },
    ])
    expect(ranked.map(({ rank, item }) => [rank, item.id])).toEqual([
      [1, 'a'],
      [2, 'c'],
      [3, 'b'],
    ])
  })

  it('keeps the given order among equal votes, or the order compareTies gives', () => {
    const items = [
      { id: 'y', votes: 2 },
      { id: 'x', votes: 2 },
    ]
    expect(rankByVotes(items).map(({ item }) => item.id)).toEqual(['y', 'x'])
    expect(rankByVotes(items, (a, b) => a.id.localeCompare(b.id)).map(({ item }) => item.id)).toEqual(['x', 'y'])
  })

  it('ranks notes without votes together, last', () => {
    expect(ranks([0, 2, 0])).toEqual([1, 2, 2])
  })

  it('answers an empty list for no notes, and leaves its input alone', () => {
    expect(rankByVotes([])).toEqual([])
    const items = [{ votes: 1 }, { votes: 3 }]
    rankByVotes(items)
    expect(items).toEqual([{ votes: 1 }, { votes: 3 }])
  })
})
