import { describe, expect, it } from 'vitest'
import { isNewCountdown } from './useTimerAnnouncements.ts'

const NOW = 1_000_000

describe('isNewCountdown', () => {
  it('counts a timer started from nothing, or after the last one ran out', () => {
    expect(isNewCountdown(null, { status: 'running', durationMs: 300_000, endsAt: NOW + 299_500 }, NOW)).toBe(true)
    const ranOut = { status: 'running', durationMs: 60_000, endsAt: NOW - 5_000 } as const
    expect(isNewCountdown(ranOut, { status: 'running', durationMs: 300_000, endsAt: NOW + 300_000 }, NOW)).toBe(true)
  })

  it('does not count "+1 Minute", even right after the start', () => {
    const running = { status: 'running', durationMs: 300_000, endsAt: NOW + 299_000 } as const
    expect(isNewCountdown(running, { status: 'running', durationMs: 360_000, endsAt: NOW + 359_000 }, NOW)).toBe(false)
  })

  it('does not count a paused timer resumed, even one paused at once', () => {
    const paused = { status: 'paused', durationMs: 300_000, remainingMs: 299_800 } as const
    expect(isNewCountdown(paused, { status: 'running', durationMs: 300_000, endsAt: NOW + 299_800 }, NOW)).toBe(false)
    const later = { status: 'paused', durationMs: 300_000, remainingMs: 120_000 } as const
    expect(isNewCountdown(later, { status: 'running', durationMs: 300_000, endsAt: NOW + 120_000 }, NOW)).toBe(false)
  })

  it('counts a new start while one runs or is paused', () => {
    const running = { status: 'running', durationMs: 300_000, endsAt: NOW + 100_000 } as const
    expect(isNewCountdown(running, { status: 'running', durationMs: 600_000, endsAt: NOW + 600_000 }, NOW)).toBe(true)
    const paused = { status: 'paused', durationMs: 300_000, remainingMs: 100_000 } as const
    expect(isNewCountdown(paused, { status: 'running', durationMs: 300_000, endsAt: NOW + 300_000 }, NOW)).toBe(true)
  })
})
