import { describe, expect, it } from 'vitest'
import { MAX_TIMER_MINUTES, parseTimerMinutes } from './timerMinutes.ts'

describe('parseTimerMinutes', () => {
  it('reads whole and decimal minutes, with a comma or a point', () => {
    expect(parseTimerMinutes('5')).toBe(300_000)
    expect(parseTimerMinutes(' 12 ')).toBe(720_000)
    expect(parseTimerMinutes('2,5')).toBe(150_000)
    expect(parseTimerMinutes('0.25')).toBe(15_000)
    expect(parseTimerMinutes(',5')).toBe(30_000)
  })

  it('accepts up to the longest timer the server allows', () => {
    expect(parseTimerMinutes(String(MAX_TIMER_MINUTES))).toBe(MAX_TIMER_MINUTES * 60_000)
    expect(parseTimerMinutes(String(MAX_TIMER_MINUTES + 1))).toBeNull()
  })

  it('refuses what is not a usable length', () => {
    for (const input of ['', ' ', '0', '0,01', '-3', '5 min', '1e3', '2,5,1', 'abc']) {
      expect(parseTimerMinutes(input), input).toBeNull()
    }
  })
})
