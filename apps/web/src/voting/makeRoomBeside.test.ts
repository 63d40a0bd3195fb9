import { describe, expect, it } from 'vitest'
import { overlapToClear } from './makeRoomBeside.ts'

const panel = { left: 8, top: 120, right: 296, bottom: 420 }

describe('overlapToClear', () => {
  it('moves the view just far enough for the notes under the panel', () => {
    expect(overlapToClear(panel, [{ left: 200, top: 200, right: 300, bottom: 300 }])).toBe(296 + 16 - 200)
    expect(
      overlapToClear(panel, [
        { left: 250, top: 200, right: 350, bottom: 300 },
        { left: 100, top: 300, right: 200, bottom: 400 },
      ]),
    ).toBe(296 + 16 - 100)
  })

  it('leaves the view where the notes are beside, above or below the panel', () => {
    expect(overlapToClear(panel, [{ left: 320, top: 200, right: 420, bottom: 300 }])).toBe(0)
    expect(overlapToClear(panel, [{ left: 100, top: 430, right: 200, bottom: 530 }])).toBe(0)
    expect(overlapToClear(panel, [{ left: 100, top: 10, right: 200, bottom: 110 }])).toBe(0)
    expect(overlapToClear(panel, [])).toBe(0)
  })
})
