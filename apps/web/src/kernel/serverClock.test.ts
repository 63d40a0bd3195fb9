import { describe, expect, it } from 'vitest'
import { bestOffset, offsetFromSample, ServerClock } from './serverClock.ts'

describe('offsetFromSample', () => {
  it('assumes the server answered halfway through the round trip', () => {
    expect(offsetFromSample({ sentAt: 1000, receivedAt: 1100, serverNow: 6050 })).toBe(5000)
    expect(offsetFromSample({ sentAt: 1000, receivedAt: 1000, serverNow: 400 })).toBe(-600)
  })
})

describe('bestOffset', () => {
  it('trusts the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 800, serverNow: 10_000 },
      { sentAt: 1000, receivedAt: 1040, serverNow: 11_020 },
      { sentAt: 2000, receivedAt: 2300, serverNow: 12_000 },
    ]
    expect(bestOffset(samples)).toBe(10_000)
  })

  it('has no answer without usable samples', () => {
    expect(bestOffset([])).toBeNull()
    expect(bestOffset([{ sentAt: 10, receivedAt: 5, serverNow: 100 }])).toBeNull()
    expect(bestOffset([{ sentAt: 0, receivedAt: 5, serverNow: Number.NaN }])).toBeNull()
  })
})

describe('ServerClock', () => {
  it('uses the local clock until it has measured, then the server’s', async () => {
    let local = 1_000
    // Each answer: how long the request takes, how long the answer takes, what the server says.
    const answers = [
      { upMs: 40, downMs: 60, serverNow: 120_000 },
      { upMs: 5, downMs: 5, serverNow: 121_000 },
      { upMs: 200, downMs: 10, serverNow: 125_000 },
    ]
    const clock = new ServerClock(
      async () => {
        const answer = answers.shift()!
        local += answer.upMs
        const now = answer.serverNow
        local += answer.downMs
        return { now }
      },
      () => local,
    )
    expect(clock.now()).toBe(1_000)
    await clock.measure()
    // The second sample is the quickest: sent at 1100, answered at 1110, the server said 121000.
    expect(clock.now() - local).toBe(121_000 - 1_105)
  })

  it('keeps its offset when the server cannot be reached', async () => {
    let fail = false
    let local = 0
    const clock = new ServerClock(
      async () => {
        if (fail) throw new Error('offline')
        return { now: local + 500 }
      },
      () => local,
    )
    await clock.measure()
    expect(clock.now()).toBe(500)
    fail = true
    local = 10_000
    await clock.measure()
    expect(clock.now()).toBe(10_500)
  })
})
