/**
 * What a screen reader hears of the session timer besides its end: that a countdown started
 * (not one that was already running when the page opened, nor a paused one resumed, nor one
 * extended by "+1 Minute") and that its last minute began, once per countdown that was longer
 * than a minute.
 */
import type { TimerState } from '@dorfplatz/board'
import { useEffect, useRef } from 'react'
import { getServerClock } from './serverClock.ts'

export const LAST_MINUTE_MS = 60_000
/** How much of a new countdown may have passed before this page hears of it (sync, clock estimate). */
const FRESH_TOLERANCE_MS = 3_000

export interface TimerAnnouncements {
  /** A new countdown of `minutes` began. */
  started: (minutes: number) => void
  lastMinute: () => void
}

export function useTimerAnnouncements(timer: TimerState | null, say: TimerAnnouncements): void {
  const sayRef = useRef(say)
  useEffect(() => {
    sayRef.current = say
  }, [say])

  const endsAt = timer?.status === 'running' ? timer.endsAt : null
  const durationMs = timer?.durationMs ?? 0
  /** The countdown seen last; undefined before the first render, which counts as seen. */
  const seenEndsAt = useRef<number | null | undefined>(undefined)
  useEffect(() => {
    const first = seenEndsAt.current === undefined
    seenEndsAt.current = endsAt
    if (first || endsAt === null) return
    // A new countdown has its whole length still to run; a resumed one or "+1 Minute" has not.
    if (endsAt - getServerClock().now() >= durationMs - FRESH_TOLERANCE_MS) {
      sayRef.current.started(Math.max(1, Math.round(durationMs / 60_000)))
    }
  }, [endsAt, durationMs])

  useEffect(() => {
    if (endsAt === null || durationMs <= LAST_MINUTE_MS) return
    const untilLastMinute = endsAt - LAST_MINUTE_MS - getServerClock().now()
    if (untilLastMinute <= 0) return
    const timeout = window.setTimeout(() => sayRef.current.lastMinute(), untilLastMinute)
    return () => window.clearTimeout(timeout)
  }, [endsAt, durationMs])
}
