import { describe, expect, it } from 'vitest'
import { applyChanges, checkChange, dotsOn, takeBackFromMissingNotes } from './ballotState.ts'

const empty = { roundId: 'r1', dots: {}, remaining: 3 }

describe('applyChanges', () => {
  it('shows pending dots on top of the confirmed ballot', () => {
    const shown = applyChanges(empty, [
      { shapeId: 'shape:a', delta: 1 },
      { shapeId: 'shape:a', delta: 1 },
      { shapeId: 'shape:b', delta: 1 },
    ])
    expect(shown).toEqual({ dots: { 'shape:a': 2, 'shape:b': 1 }, remaining: 0 })
  })

  it('takes dots back and forgets notes that have none left', () => {
    const shown = applyChanges({ roundId: 'r1', dots: { 'shape:a': 1 }, remaining: 2 }, [{ shapeId: 'shape:a', delta: -1 }])
    expect(shown).toEqual({ dots: {}, remaining: 3 })
  })

  it('skips changes that cannot apply instead of going past the budget or below zero', () => {
    const shown = applyChanges({ roundId: 'r1', dots: { 'shape:a': 1 }, remaining: 0 }, [
      { shapeId: 'shape:b', delta: 1 },
      { shapeId: 'shape:b', delta: -1 },
    ])
    expect(shown).toEqual({ dots: { 'shape:a': 1 }, remaining: 0 })
  })

  it('leaves the confirmed ballot as it is', () => {
    const confirmed = { roundId: 'r1', dots: { 'shape:a': 1 }, remaining: 2 }
    applyChanges(confirmed, [{ shapeId: 'shape:a', delta: 1 }])
    expect(confirmed.dots).toEqual({ 'shape:a': 1 })
  })
})

describe('checkChange', () => {
  it('allows a dot while the budget lasts and stacking on one note', () => {
    expect(checkChange({ dots: { 'shape:a': 2 }, remaining: 1 }, { shapeId: 'shape:a', delta: 1 })).toBe('ok')
  })

  it('refuses a dot once the budget is spent', () => {
    expect(checkChange({ dots: { 'shape:a': 3 }, remaining: 0 }, { shapeId: 'shape:b', delta: 1 })).toBe('budget-spent')
  })

  it('refuses to take back a dot that is not there', () => {
    expect(checkChange({ dots: { 'shape:a': 1 }, remaining: 2 }, { shapeId: 'shape:b', delta: -1 })).toBe('no-dot-there')
    expect(dotsOn({ dots: { 'shape:a': 1 }, remaining: 2 }, 'shape:b')).toBe(0)
  })
})

describe('takeBackFromMissingNotes', () => {
  it('takes back every dot on notes that are gone, one change per dot', () => {
    const ballot = { dots: { 'shape:a': 2, 'shape:gone': 2 }, remaining: 0 }
    expect(takeBackFromMissingNotes(ballot, (id) => id === 'shape:a')).toEqual([
      { shapeId: 'shape:gone', delta: -1 },
      { shapeId: 'shape:gone', delta: -1 },
    ])
  })
})
