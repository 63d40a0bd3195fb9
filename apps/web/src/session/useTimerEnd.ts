/**
 * Calls `onEnd` once when a running timer reaches zero, if this page saw it running: a board
 * opened after the time ran out, or a timer stopped early, gives no signal.
 */
import type { TimerState } from '@dorfplatz/board'
import { useEffect, useRef } from 'react'
import { getServerClock } from '../kernel/serverClock.ts'

export function useTimerEnd(timer: TimerState | null, onEnd: () => void): void {
  const onEndRef = useRef(onEnd)
  useEffect(() => {
    onEndRef.current = onEnd
  }, [onEnd])

  // Each running countdown has its own end; "+1 Minute" makes a new one.
  const endsAt = timer?.status === 'running' ? timer.endsAt : null
  useEffect(() => {
    if (endsAt === null) return
    const remainingMs = endsAt - getServerClock().now()
    if (remainingMs <= 0) return
    const timeout = window.setTimeout(() => onEndRef.current(), remainingMs)
    return () => window.clearTimeout(timeout)
  }, [endsAt])
}
