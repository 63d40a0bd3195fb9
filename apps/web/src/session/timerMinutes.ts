/** Reads the minutes a facilitator types for a timer, with a decimal comma or point ("2,5"). */
import { MAX_TIMER_MS } from '@dorfplatz/protocol'

export const MAX_TIMER_MINUTES = MAX_TIMER_MS / 60_000

/** Shortest timer worth starting; below it a typo ("0,01") is likelier than intent. */
const MIN_TIMER_MS = 5_000

/** The timer's length in milliseconds, or null for input that is not a usable number of minutes. */
export function parseTimerMinutes(input: string): number | null {
  const text = input.trim().replace(',', '.')
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return null
  const durationMs = Math.round(Number(text) * 60_000)
  if (!Number.isFinite(durationMs) || durationMs < MIN_TIMER_MS || durationMs > MAX_TIMER_MS) return null
  return durationMs
}
