import { describe, expect, it } from 'vitest'
import type { RunSheet, RunSheetStep } from '@dorfplatz/board'
import { agendaView, formatDuration } from './agenda.ts'

const step = (id: string, status: RunSheetStep['status'], extra: Partial<RunSheetStep> = {}): RunSheetStep => ({
  id,
  title: id,
  durationMinutes: 10,
  place: { kind: 'all' },
  actions: [],
  status,
  ...extra,
})

describe('agendaView', () => {
  it('shows the running step with its time left by the server clock, and the next planned step', () => {
    const sheet: RunSheet = { steps: [step('a', 'done'), step('b', 'current', { startedAt: 1_000_000 }), step('c', 'skipped'), step('d', 'planned')] }
    const view = agendaView(sheet, 1_000_000 + 4 * 60_000)
    expect(view).toMatchObject({ phase: 'running', current: { id: 'b' }, next: { id: 'd' }, remainingMs: 6 * 60_000 })
    expect(agendaView(sheet, 1_000_000 + 11 * 60_000).remainingMs).toBe(-60_000)
  })

  it('tells a sheet not begun from one that is through', () => {
    expect(agendaView({ steps: [] }, 0).phase).toBe('empty')
    expect(agendaView({ steps: [step('a', 'planned')] }, 0)).toMatchObject({ phase: 'not-started', next: { id: 'a' }, remainingMs: null })
    expect(agendaView({ steps: [step('a', 'done'), step('b', 'skipped')] }, 0)).toMatchObject({ phase: 'finished', next: null })
  })
})

describe('formatDuration', () => {
  it('counts minutes and seconds, hours when needed', () => {
    expect(formatDuration(6 * 60_000)).toBe('6:00')
    expect(formatDuration(59_001)).toBe('1:00')
    expect(formatDuration(-61_000)).toBe('1:01')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
  })
})
