/**
 * The session timer as a component shows it, counting down on the server's clock: it renders
 * again each time the shown second changes, right after the change, and not in between.
 */
import type { TimerState } from '@dorfplatz/board'
import { useEffect, useState } from 'react'
import { getServerClock } from '../kernel/serverClock.ts'
import { timerKey, timerView, type TimerView } from './timerView.ts'

/** Wake up this long after a second has passed, so that rounding never shows the old second. */
const AFTER_SECOND_BOUNDARY_MS = 20

interface Shown {
  key: string | null
  view: TimerView | null
}

function sameView(a: TimerView | null, b: TimerView | null): boolean {
  return a === b || (a !== null && b !== null && a.status === b.status && a.remainingSeconds === b.remainingSeconds)
}

export function useTimerView(timer: TimerState | null): TimerView | null {
  const clock = getServerClock()
  const key = timer ? timerKey(timer) : null
  const [shown, setShown] = useState<Shown>(() => ({ key, view: timer ? timerView(timer, clock.now()) : null }))

  // A timer started, paused or extended: show its new state in this very render.
  let current = shown
  if (shown.key !== key) {
    current = { key, view: timer ? timerView(timer, clock.now()) : null }
    setShown(current)
  }

  const endsAt = timer?.status === 'running' ? timer.endsAt : null
  const durationMs = timer?.durationMs ?? 0
  useEffect(() => {
    if (endsAt === null) return
    const running: TimerState = { status: 'running', durationMs, endsAt }
    const runningKey = timerKey(running)
    let handle = 0
    const step = () => {
      const now = clock.now()
      const next = timerView(running, now)
      setShown((previous) => (previous.key === runningKey && sameView(previous.view, next) ? previous : { key: runningKey, view: next }))
      if (next.status === 'running') handle = window.setTimeout(step, ((endsAt - now) % 1000) + AFTER_SECOND_BOUNDARY_MS)
    }
    handle = window.setTimeout(step, ((endsAt - clock.now()) % 1000) + AFTER_SECOND_BOUNDARY_MS)
    return () => window.clearTimeout(handle)
  }, [clock, endsAt, durationMs])

  return current.view
}
