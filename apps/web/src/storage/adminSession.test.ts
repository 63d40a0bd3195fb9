import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearAdminToken, loadAdminToken, saveAdminToken } from './adminSession.ts'
import { memoryStorage } from '../testing/memoryStorage.ts'

describe('adminSession', () => {
  let session: Storage
  let local: Storage

  beforeEach(() => {
    session = memoryStorage()
    local = memoryStorage()
    vi.stubGlobal('window', { sessionStorage: session, localStorage: local })
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('keeps the key in sessionStorage only, never in localStorage', () => {
    saveAdminToken('geheim')
    expect(loadAdminToken()).toBe('geheim')
    expect(session.length).toBe(1)
    expect(local.length).toBe(0)
  })

  it('forgets the key on sign-out', () => {
    saveAdminToken('geheim')
    clearAdminToken()
    expect(loadAdminToken()).toBeNull()
  })

  it('answers null instead of throwing where storage is disabled', () => {
    vi.stubGlobal('window', {
      get sessionStorage(): Storage {
        throw new Error('SecurityError')
      },
    })
    expect(loadAdminToken()).toBeNull()
    expect(() => saveAdminToken('geheim')).not.toThrow()
  })
})
