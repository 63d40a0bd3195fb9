import { describe, expect, it } from 'vitest'
import { useMemoryLocalStorage } from '../testing/memoryStorage.ts'
import { loadUserIdentity, saveUserIdentity } from './userIdentity.ts'

const defaultName = (number: number) => `Person ${number}`

describe('loadUserIdentity', () => {
  const storage = useMemoryLocalStorage()

  it('names a new person with a neutral default that is not a role, and remembers it', () => {
    const fresh = loadUserIdentity(defaultName)
    expect(fresh.name).toMatch(/^Person \d{2}$/)
    expect(fresh.confirmed).toBe(false)
    expect(loadUserIdentity(defaultName)).toEqual(fresh)
  })

  it('renames an unconfirmed "Gast 17" of an earlier version, keeping id, colour and number', () => {
    storage().setItem('dorfplatz.user', JSON.stringify({ id: 'u1', name: 'Gast 17', color: '#2f6db5', confirmed: false }))
    expect(loadUserIdentity(defaultName)).toEqual({ id: 'u1', name: 'Person 17', color: '#2f6db5', confirmed: false })
    expect(JSON.parse(storage().getItem('dorfplatz.user')!)).toMatchObject({ name: 'Person 17' })
  })

  it('keeps a name the person chose, also one that looks like an old default', () => {
    saveUserIdentity({ id: 'u2', name: 'Gast 17', color: '#2f6db5' })
    expect(loadUserIdentity(defaultName).name).toBe('Gast 17')
  })
})
