import { describe, expect, it } from 'vitest'
import { FIRST_RECONNECT_DELAY_MS, MAX_RECONNECT_DELAY_MS, reconnectDelay } from './reconnectDelay.ts'

describe('reconnectDelay', () => {
  it('starts short and doubles its range with every failed attempt', () => {
    expect(reconnectDelay(1, 0)).toBe(FIRST_RECONNECT_DELAY_MS / 2)
    expect(reconnectDelay(1, 0.999_999)).toBe(FIRST_RECONNECT_DELAY_MS)
    expect(reconnectDelay(2, 0)).toBe(FIRST_RECONNECT_DELAY_MS)
    expect(reconnectDelay(3, 0)).toBe(FIRST_RECONNECT_DELAY_MS * 2)
  })

  it('never waits longer than the maximum, however often it failed', () => {
    expect(reconnectDelay(40, 0.999_999)).toBe(MAX_RECONNECT_DELAY_MS)
    expect(reconnectDelay(40, 0)).toBe(MAX_RECONNECT_DELAY_MS / 2)
  })

  it('spreads browsers that lost the server together over the whole interval', () => {
    const delays = Array.from({ length: 200 }, () => reconnectDelay(4))
    const range = FIRST_RECONNECT_DELAY_MS * 2 ** 3
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(range / 2)
    expect(Math.max(...delays)).toBeLessThanOrEqual(range)
    // 200 draws from a range of 1000 ms are far from all landing on a few values.
    expect(new Set(delays).size).toBeGreaterThan(100)
  })
})
