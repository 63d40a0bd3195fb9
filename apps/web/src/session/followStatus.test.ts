import { describe, expect, it } from 'vitest'
import { followStatus } from './followStatus.ts'

const presenterId = 'user:anna'

describe('followStatus', () => {
  it('follows while tldraw follows the presenter, even after stepping out', () => {
    expect(followStatus({ presenterId, followingUserId: presenterId, steppedOut: false, presenterPresent: true })).toBe('following')
    expect(followStatus({ presenterId, followingUserId: presenterId, steppedOut: true, presenterPresent: true })).toBe('following')
  })

  it('stays out after stepping out, whether the presenter is there or not', () => {
    expect(followStatus({ presenterId, followingUserId: null, steppedOut: true, presenterPresent: true })).toBe('stepped-out')
    expect(followStatus({ presenterId, followingUserId: 'user:bernd', steppedOut: true, presenterPresent: false })).toBe('stepped-out')
  })

  it('is about to follow when the presenter is there, and waits when not', () => {
    expect(followStatus({ presenterId, followingUserId: null, steppedOut: false, presenterPresent: true })).toBe('following')
    expect(followStatus({ presenterId, followingUserId: null, steppedOut: false, presenterPresent: false })).toBe('waiting')
  })
})
