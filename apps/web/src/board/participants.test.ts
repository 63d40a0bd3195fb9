import type { Peer } from '@dorfplatz/board'
import { describe, expect, it } from 'vitest'
import { listParticipants } from './participants.ts'

const recordIdOf = (userId: string) => `user:${userId}`

function peer(clientId: number, userId: string, name: string, role: string, isSelf = false): Peer {
  return { clientId, userId, name, color: '#1e4d6b', role, isSelf }
}

describe('listParticipants', () => {
  it('puts the own entry first, then facilitators, participants and guests by name', () => {
    const peers = [
      peer(1, 'u-gast', 'Clara', 'viewer'),
      peer(2, 'u-bernd', 'Bernd', 'participant'),
      peer(3, 'u-anna', 'Anna', 'facilitator'),
      peer(4, 'u-self', 'Zoe', 'participant', true),
      peer(5, 'u-ali', 'Ali', 'participant'),
    ]
    const names = listParticipants({ peers, followingByClient: new Map(), recordIdOf }).map((entry) => entry.name)
    expect(names).toEqual(['Zoe', 'Anna', 'Ali', 'Bernd', 'Clara'])
  })

  it('names whom each person follows', () => {
    const peers = [peer(1, 'u-anna', 'Anna', 'facilitator'), peer(2, 'u-bernd', 'Bernd', 'participant', true), peer(3, 'u-clara', 'Clara', 'participant')]
    const followingByClient = new Map([
      [2, 'user:u-anna'],
      [3, 'user:u-gone'],
    ])
    const entries = listParticipants({ peers, followingByClient, recordIdOf })
    expect(entries.map((entry) => [entry.name, entry.followingName])).toEqual([
      ['Bernd', 'Anna'],
      ['Anna', ''],
      // Following someone who has left names nobody.
      ['Clara', ''],
    ])
  })

  it('counts one person in two tabs once, preferring the own tab', () => {
    const peers = [
      peer(1, 'u-anna', 'Anna', 'facilitator'),
      peer(2, 'u-anna', 'Anna', 'facilitator', true),
      peer(3, 'u-bernd', 'Bernd', 'participant'),
      peer(4, 'u-bernd', 'Bernd', 'participant'),
    ]
    const followingByClient = new Map([[4, 'user:u-anna']])
    const entries = listParticipants({ peers, followingByClient, recordIdOf })
    expect(entries.map((entry) => [entry.name, entry.isSelf, entry.followingName])).toEqual([
      ['Anna', true, ''],
      ['Bernd', false, 'Anna'],
    ])
  })

  it('keeps the same person apart in two roles', () => {
    const peers = [peer(1, 'u-anna', 'Anna', 'facilitator', true), peer(2, 'u-anna', 'Anna', 'participant')]
    expect(listParticipants({ peers, followingByClient: new Map(), recordIdOf })).toHaveLength(2)
  })
})
