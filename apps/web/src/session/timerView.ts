/** What a session timer shows at a given server time: its state and the whole seconds left. */
import { timerRemainingMs, type TimerState } from '@dorfplatz/board'

export type TimerStatus = 'running' | 'paused' | 'ended'

export interface TimerView {
  status: TimerStatus
  /** Rounded up, so that 0 means the time is really up and a fresh 5-minute timer shows 5:00. */
  remainingSeconds: number
}

export function timerView(timer: TimerState, serverNow: number): TimerView {
  const remainingSeconds = Math.ceil(timerRemainingMs(timer, serverNow) / 1000)
  if (remainingSeconds <= 0) return { status: 'ended', remainingSeconds: 0 }
  return { status: timer.status, remainingSeconds }
}

/** `mm:ss`, or `h:mm:ss` from an hour on. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = String(seconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${String(minutes).padStart(2, '0')}:${rest}`
}

/** Changes whenever the timer is started, paused, resumed or extended: a new countdown begins. */
export function timerKey(timer: TimerState): string {
  return timer.status === 'running' ? `running:${timer.endsAt}` : `paused:${timer.remainingMs}`
}
