import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../testing/memoryStorage.ts'
import { handedOverProjectorToken, handOverProjectorToken } from './projectorToken.ts'

const TOKEN = 'a'.repeat(43)

describe('projector token hand-over', () => {
  beforeEach(() => vi.stubGlobal('window', { sessionStorage: memoryStorage() }))
  afterEach(() => vi.unstubAllGlobals())

  it('hands a token over per board', () => {
    handOverProjectorToken('BoardOne', TOKEN)
    expect(handedOverProjectorToken('BoardOne')).toBe(TOKEN)
    expect(handedOverProjectorToken('BoardTwo')).toBeNull()
  })

  it('ignores what is not a token', () => {
    window.sessionStorage.setItem('dorfplatz.projectorToken.BoardOne', 'not a token')
    expect(handedOverProjectorToken('BoardOne')).toBeNull()
  })
})
