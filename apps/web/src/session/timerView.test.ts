import { describe, expect, it } from 'vitest'
import { formatCountdown, timerKey, timerView } from './timerView.ts'

describe('timerView', () => {
  it('counts a running timer down in whole seconds, rounded up', () => {
    const timer = { status: 'running', durationMs: 300_000, endsAt: 1_300_000 } as const
    expect(timerView(timer, 1_000_000)).toEqual({ status: 'running', remainingSeconds: 300 })
    expect(timerView(timer, 1_000_001)).toEqual({ status: 'running', remainingSeconds: 300 })
    expect(timerView(timer, 1_299_001)).toEqual({ status: 'running', remainingSeconds: 1 })
  })

  it('says the time is up at zero and after', () => {
    const timer = { status: 'running', durationMs: 60_000, endsAt: 500_000 } as const
    expect(timerView(timer, 500_000)).toEqual({ status: 'ended', remainingSeconds: 0 })
    expect(timerView(timer, 900_000)).toEqual({ status: 'ended', remainingSeconds: 0 })
  })

  it('holds a paused timer still, whatever the clock says', () => {
    const timer = { status: 'paused', durationMs: 300_000, remainingMs: 90_500 } as const
    expect(timerView(timer, 0)).toEqual({ status: 'paused', remainingSeconds: 91 })
    expect(timerView(timer, 9e12)).toEqual({ status: 'paused', remainingSeconds: 91 })
  })
})

describe('formatCountdown', () => {
  it('shows minutes and seconds, and hours from an hour on', () => {
    expect(formatCountdown(300)).toBe('05:00')
    expect(formatCountdown(59)).toBe('00:59')
    expect(formatCountdown(0)).toBe('00:00')
    expect(formatCountdown(3599)).toBe('59:59')
    expect(formatCountdown(3600)).toBe('1:00:00')
    expect(formatCountdown(10_805)).toBe('3:00:05')
  })

  it('never shows negative time', () => {
    expect(formatCountdown(-3)).toBe('00:00')
  })
})

describe('timerKey', () => {
  it('changes when the countdown changes', () => {
    const running = { status: 'running', durationMs: 60_000, endsAt: 100 } as const
    expect(timerKey(running)).not.toBe(timerKey({ ...running, endsAt: 60_100 }))
    expect(timerKey(running)).not.toBe(timerKey({ status: 'paused', durationMs: 60_000, remainingMs: 100 }))
  })
})
