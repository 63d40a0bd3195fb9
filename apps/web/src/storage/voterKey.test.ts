import { isToken } from '@dorfplatz/protocol'
import { describe, expect, it, vi } from 'vitest'
import { createVoterKey, voterKeyFor } from './voterKey.ts'
import { useMemoryLocalStorage } from '../testing/memoryStorage.ts'

describe('createVoterKey', () => {
  it('makes 43 base64url characters without padding, which the server accepts as a key', () => {
    for (let i = 0; i < 50; i++) {
      const key = createVoterKey()
      expect(key).toHaveLength(43)
      expect(key).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(isToken(key)).toBe(true)
    }
  })

  it('never makes the same key twice', () => {
    const keys = new Set(Array.from({ length: 100 }, () => createVoterKey()))
    expect(keys.size).toBe(100)
  })
})

describe('voterKeyFor', () => {
  const local = useMemoryLocalStorage()

  it('keeps one key per board across calls, as a reload would', () => {
    const first = voterKeyFor('board-aaaaaaaaaa')
    expect(isToken(first)).toBe(true)
    expect(voterKeyFor('board-aaaaaaaaaa')).toBe(first)
    expect(local().getItem('dorfplatz.voterKey.board-aaaaaaaaaa')).toBe(JSON.stringify(first))
  })

  it('gives each board its own key', () => {
    expect(voterKeyFor('board-aaaaaaaaaa')).not.toBe(voterKeyFor('board-bbbbbbbbbb'))
  })

  it('replaces a stored value that is not a key', () => {
    local().setItem('dorfplatz.voterKey.board-cccccccccc', JSON.stringify('kaputt'))
    const key = voterKeyFor('board-cccccccccc')
    expect(isToken(key)).toBe(true)
    expect(local().getItem('dorfplatz.voterKey.board-cccccccccc')).toBe(JSON.stringify(key))
  })

  it('keeps the key for the page where storage is disabled', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new Error('SecurityError')
      },
    })
    const key = voterKeyFor('board-dddddddddd')
    expect(isToken(key)).toBe(true)
    expect(voterKeyFor('board-dddddddddd')).toBe(key)
  })
})
