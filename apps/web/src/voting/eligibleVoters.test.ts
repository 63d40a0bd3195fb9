import type { Peer } from '@dorfplatz/board'
import { describe, expect, it } from 'vitest'
import { eligibleVoters, votersOutOf } from './eligibleVoters.ts'

let nextClient = 1
const peer = (userId: string, role: string): Peer => ({ clientId: nextClient++, userId, name: userId, color: '#000', role, isSelf: false })

describe('eligibleVoters', () => {
  it('counts facilitators and participants once each, not guests', () => {
    const peers = [
      peer('weber', 'facilitator'),
      peer('schmitt', 'participant'),
      // Schmitt's second tab: the same browser, the same voter.
      peer('schmitt', 'participant'),
      peer('jung', 'participant'),
      peer('presse', 'viewer'),
      peer('alt', ''),
    ]
    expect(eligibleVoters(peers)).toBe(3)
  })

  it('says "of" no fewer than have voted, when voters have left', () => {
    const peers = [peer('weber', 'facilitator'), peer('jung', 'participant')]
    expect(votersOutOf(1, peers)).toBe(2)
    expect(votersOutOf(5, peers)).toBe(5)
    expect(votersOutOf(0, [])).toBe(0)
  })
})
