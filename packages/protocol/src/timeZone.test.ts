import { describe, expect, it } from 'vitest'
import { calendarDay, DEFAULT_TIME_ZONE, isTimeZone } from './timeZone.ts'

describe('workshop time zone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone(DEFAULT_TIME_ZONE)).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('America/New_York')).toBe(true)
    // Aliases are not on the runtime's list of canonical zones, yet they are zones.
    expect(isTimeZone('Etc/UTC')).toBe(true)
    expect(isTimeZone('Europe/Kiev')).toBe(true)
    expect(isTimeZone('Europe/Mainz')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    expect(isTimeZone(42)).toBe(false)
  })

  it('dates a moment by the calendar of the zone, not of the machine', () => {
    // 23:30 UTC on 25 November is already 26 November in Berlin (UTC+1 in winter).
    const lateEvening = Date.UTC(2026, 10, 25, 23, 30)
    expect(calendarDay(lateEvening, 'Europe/Berlin')).toBe('2026-11-26')
    expect(calendarDay(lateEvening, 'UTC')).toBe('2026-11-25')
    // In summer Berlin is UTC+2.
    expect(calendarDay(new Date(Date.UTC(2026, 5, 30, 22, 15)), 'Europe/Berlin')).toBe('2026-07-01')
    expect(calendarDay(Date.UTC(2026, 5, 30, 21, 59), 'Europe/Berlin')).toBe('2026-06-30')
  })
})
