import { describe, expect, it } from 'vitest'
import { CARRIED_FROM_META, carriedFromClaim, carriedFromOf } from './carriedFrom.ts'

const mark = { boardId: 'AAAAAAAAAAAAAAAA', boardTitle: 'Workshop 1', shapeId: 'shape:a', rank: 2, votes: 5 }
const note = (meta: Record<string, unknown>) => ({ typeName: 'shape', type: 'note', meta })

describe('carriedFrom', () => {
  it('reads a mark, and nothing from a malformed one', () => {
    expect(carriedFromOf(note({ [CARRIED_FROM_META]: mark }))).toEqual(mark)
    expect(carriedFromOf(note({ [CARRIED_FROM_META]: { ...mark, rank: -1, votes: 'viele' } }))).toEqual({ boardId: mark.boardId, boardTitle: 'Workshop 1', shapeId: 'shape:a' })
    expect(carriedFromOf(note({ [CARRIED_FROM_META]: 'Workshop 1' }))).toBeNull()
    expect(carriedFromOf(note({}))).toBeNull()
  })

  it('lets a client keep the mark as it is, never add or change it', () => {
    expect(carriedFromClaim(note({}), undefined)).toBeNull()
    expect(carriedFromClaim(note({ [CARRIED_FROM_META]: { ...mark } }), note({ [CARRIED_FROM_META]: mark }))).toBeNull()
    // Key order does not matter; the values do.
    const reordered = { votes: 5, rank: 2, shapeId: 'shape:a', boardTitle: 'Workshop 1', boardId: mark.boardId }
    expect(carriedFromClaim(note({ [CARRIED_FROM_META]: reordered }), note({ [CARRIED_FROM_META]: mark }))).toBeNull()
    expect(carriedFromClaim(note({ [CARRIED_FROM_META]: mark }), undefined)).not.toBeNull()
    expect(carriedFromClaim(note({ [CARRIED_FROM_META]: mark }), note({}))).not.toBeNull()
    expect(carriedFromClaim(note({ [CARRIED_FROM_META]: { ...mark, rank: 1 } }), note({ [CARRIED_FROM_META]: mark }))).not.toBeNull()
    expect(carriedFromClaim(note({ [CARRIED_FROM_META]: { ...mark, extra: 1 } }), note({ [CARRIED_FROM_META]: mark }))).not.toBeNull()
  })
})
