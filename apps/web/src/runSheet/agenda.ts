/**
 * What the agenda panel shows, from the run-sheet alone: the running step, its time left by the
 * server's clock (negative once it runs over), and what comes next.
 */
import { currentStep, nextPlannedStep, type RunSheet, type RunSheetStep } from '@dorfplatz/board'

export interface AgendaView {
  current: RunSheetStep | null
  next: RunSheetStep | null
  /** Milliseconds left of the running step's planned duration; below zero when it runs over. */
  remainingMs: number | null
  phase: 'empty' | 'not-started' | 'running' | 'finished'
}

export function agendaView(sheet: RunSheet, serverNow: number): AgendaView {
  const current = currentStep(sheet)
  const next = nextPlannedStep(sheet)
  const remainingMs = current?.startedAt === undefined ? null : current.startedAt + current.durationMinutes * 60_000 - serverNow
  let phase: AgendaView['phase']
  if (sheet.steps.length === 0) phase = 'empty'
  else if (current) phase = 'running'
  // Between steps there is always a current one, so no current step means before the first or after the last.
  else phase = next ? 'not-started' : 'finished'
  return { current, next, remainingMs, phase }
}

/** "12:05" for minutes and seconds; over an hour "1:02:05". Whole seconds, rounded up while counting down. */
export function formatDuration(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes)
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`
}
