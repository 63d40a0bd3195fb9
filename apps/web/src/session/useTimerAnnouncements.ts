/**
 * What a screen reader hears of the session timer besides its end: that a countdown started
 * (not one that was already running when the page opened, nor a paused one resumed, nor one
 * extended by "+1 Minute") and that its last minute began, once per countdown that was longer
 * than a minute.
 */
import type { TimerState } from '@dorfplatz/board'
import { useEffect, useRef } from 'react'
import { getServerClock } from '../kernel/serverClock.ts'

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
  const remainingMs = timer?.status === 'paused' ? timer.remainingMs : null
  /** The timer seen last; undefined before the first render, which counts as seen. */
  const seen = useRef<TimerState | null | undefined>(undefined)
  useEffect(() => {
    const before = seen.current
    const now: TimerState | null =
      endsAt !== null ? { status: 'running', durationMs, endsAt } : remainingMs !== null ? { status: 'paused', durationMs, remainingMs } : null
    seen.current = now
    if (before === undefined || now?.status !== 'running') return
    if (isNewCountdown(before, now, getServerClock().now())) sayRef.current.started(Math.max(1, Math.round(durationMs / 60_000)))
  }, [endsAt, durationMs, remainingMs])

  useEffect(() => {
    if (endsAt === null || durationMs <= LAST_MINUTE_MS) return
    const untilLastMinute = endsAt - LAST_MINUTE_MS - getServerClock().now()
    if (untilLastMinute <= 0) return
    const timeout = window.setTimeout(() => sayRef.current.lastMinute(), untilLastMinute)
    return () => window.clearTimeout(timeout)
  }, [endsAt, durationMs])
}

/**
 * Whether the running timer `now` is a new countdown rather than `before` resumed or extended:
 * a new one has its whole length still to run; "+1 Minute" moves the end by exactly the time it
 * adds; a resumed one goes on with what was left when it was paused.
 */
export function isNewCountdown(before: TimerState | null, now: TimerState & { status: 'running' }, serverNow: number): boolean {
  if (now.endsAt - serverNow < now.durationMs - FRESH_TOLERANCE_MS) return false
  if (before?.status === 'running' && now.endsAt - before.endsAt === now.durationMs - before.durationMs) return false
  if (before?.status === 'paused' && now.durationMs === before.durationMs && Math.abs(now.endsAt - serverNow - before.remainingMs) <= FRESH_TOLERANCE_MS) {
    return false
  }
  return true
}
