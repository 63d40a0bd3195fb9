import { describe, expect, it } from 'vitest'
import { rankResults } from './rankResults.ts'

describe('rankResults', () => {
  it('ranks most dots first and lets equal counts share a rank (1, 2, 2, 4)', () => {
    const ranked = rankResults([
      { shapeId: 'shape:b', votes: 3, text: 'Bürgerbus' },
      { shapeId: 'shape:a', votes: 5, text: 'WLAN am Dorfplatz' },
      { shapeId: 'shape:c', votes: 3, text: 'Dorf-App' },
      { shapeId: 'shape:d', votes: 1, text: 'Sprechstunde online' },
    ])
    expect(ranked.map((result) => [result.rank, result.shapeId])).toEqual([
      [1, 'shape:a'],
      [2, 'shape:b'],
      [2, 'shape:c'],
      [4, 'shape:d'],
    ])
  })

  it('keeps the given order among equal counts', () => {
    const ranked = rankResults([
      { shapeId: 'shape:x', votes: 2, text: '' },
      { shapeId: 'shape:y', votes: 2, text: '' },
    ])
    expect(ranked.map((result) => result.shapeId)).toEqual(['shape:x', 'shape:y'])
    expect(ranked.every((result) => result.rank === 1)).toBe(true)
  })

  it('leaves out notes without a dot', () => {
    const ranked = rankResults([
      { shapeId: 'shape:a', votes: 2, text: 'A' },
      { shapeId: 'shape:b', votes: 0, text: 'B' },
    ])
    expect(ranked.map((result) => result.shapeId)).toEqual(['shape:a'])
  })

  it('gives each note its share of the top count', () => {
    const ranked = rankResults([
      { shapeId: 'shape:a', votes: 4, text: 'A' },
      { shapeId: 'shape:b', votes: 1, text: 'B' },
    ])
    expect(ranked.map((result) => result.ofTop)).toEqual([1, 0.25])
  })

  it('answers an empty list for a round nobody voted in', () => {
    expect(rankResults([])).toEqual([])
    expect(rankResults([{ shapeId: 'shape:a', votes: 0, text: 'A' }])).toEqual([])
  })
})
