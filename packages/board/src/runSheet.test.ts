import { describe, expect, it } from 'vitest'
import { currentStep, nextPlannedStep, parseRunSheet } from './runSheet.ts'

const step = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Schritt ${id}`,
  durationMinutes: 5,
  place: { kind: 'all' },
  actions: [{ kind: 'timer' }],
  status,
  ...extra,
})

describe('parseRunSheet', () => {
  it('reads steps and leaves out what it cannot read, and repeated ids', () => {
    const sheet = parseRunSheet({
      steps: [step('a', 'done', { startedAt: 1, endedAt: 2 }), step('a', 'planned'), { id: 'b' }, step('c', 'weird'), step('d', 'planned', { actions: [{ kind: 'dance' }, { kind: 'freeze' }] })],
    })
    expect(sheet.steps.map((s) => s.id)).toEqual(['a', 'd'])
    expect(sheet.steps[0]).toMatchObject({ startedAt: 1, endedAt: 2 })
    expect(sheet.steps[1]?.actions).toEqual([{ kind: 'freeze' }])
    expect(parseRunSheet('kaputt')).toEqual({ steps: [] })
  })

  it('finds the current step and the next planned one, passing skipped and done steps', () => {
    const sheet = parseRunSheet({ steps: [step('a', 'done'), step('b', 'current'), step('c', 'skipped'), step('d', 'planned')] })
    expect(currentStep(sheet)?.id).toBe('b')
    expect(nextPlannedStep(sheet)?.id).toBe('d')
    expect(nextPlannedStep(parseRunSheet({ steps: [step('a', 'skipped'), step('b', 'planned')] }))?.id).toBe('b')
    expect(nextPlannedStep(parseRunSheet({ steps: [step('a', 'done')] }))).toBeNull()
  })
})
