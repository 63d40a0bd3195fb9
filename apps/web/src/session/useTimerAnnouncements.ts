/**
 * What a screen reader hears of the session timer besides its end: that a countdown started
 * (not one that was already running when the page opened, nor a paused one resumed) and that
 * its last minute began, once per countdown that was longer than a minute.
 */
import type { TimerState } from '@dorfplatz/board'
import { useEffect, useRef } from 'react'
import { getServerClock } from './serverClock.ts'

export const LAST_MINUTE_MS = 60_000

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
  /** Whether a countdown ran or was paused at the last change; the first render counts as seen. */
  const previous = useRef<TimerState | null | undefined>(undefined)
  useEffect(() => {
    const before = previous.current
    previous.current = timer
    if (before === undefined || timer?.status !== 'running') return
    // Resuming a paused countdown or "+1 Minute" is not a new start.
    const fresh = before === null || (before.status === 'running' && before.endsAt <= getServerClock().now())
    if (fresh) sayRef.current.started(Math.max(1, Math.round(timer.durationMs / 60_000)))
  }, [timer])

  useEffect(() => {
    if (endsAt === null || durationMs <= LAST_MINUTE_MS) return
    const untilLastMinute = endsAt - LAST_MINUTE_MS - getServerClock().now()
    if (untilLastMinute <= 0) return
    const timeout = window.setTimeout(() => sayRef.current.lastMinute(), untilLastMinute)
    return () => window.clearTimeout(timeout)
  }, [endsAt, durationMs])
}
