import { describe, expect, it } from 'vitest'
import type { TemplateInstance } from '@dorfplatz/board'
import { draftFromStep, draftToRequest, emptyDraft, readRunSheetFile, runSheetFile } from './runSheetDraft.ts'

const matrix = { instanceId: 'm1', templateId: 'priority-matrix' } as TemplateInstance

describe('draftToRequest', () => {
  it('turns the fields into the request the server checks, keeping saved ids', () => {
    const draft = { ...emptyDraft('  Punkte vergeben '), id: 'punkte', minutes: '5', place: 'm1/*' }
    draft.voting = { on: true, title: 'Was zuerst?', dots: '3', scope: 'm1/fast' }
    draft.simple.freeze = true
    expect(draftToRequest([draft])).toEqual({
      steps: [
        {
          id: 'punkte',
          title: 'Punkte vergeben',
          durationMinutes: 5,
          place: { kind: 'template', instanceId: 'm1' },
          actions: [{ kind: 'timer' }, { kind: 'freeze' }, { kind: 'voting', title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'zone', instanceId: 'm1', zoneId: 'fast' } }],
        },
      ],
    })
  })

  it('names the first step a person has to fix', () => {
    const good = emptyDraft('Ideen')
    const untitled = emptyDraft(' ')
    expect(draftToRequest([good, untitled])).toEqual({ problem: { kind: 'title', key: untitled.key } })
    expect(draftToRequest([{ ...good, minutes: '0' }])).toMatchObject({ problem: { kind: 'duration' } })
    expect(draftToRequest([{ ...good, minutes: '2.5' }])).toMatchObject({ problem: { kind: 'duration' } })
    expect(draftToRequest([{ ...good, voting: { on: true, title: 'Frage', dots: '21', scope: 'all' } }])).toMatchObject({ problem: { kind: 'dots' } })
    expect(draftToRequest(Array.from({ length: 51 }, () => good))).toEqual({ problem: { kind: 'tooMany' } })
  })
})

describe('the run-sheet file', () => {
  it('reads back what it wrote, without ids, and puts places on templates this board lacks on the whole board', () => {
    const step = draftFromStep({
      id: 'a',
      title: 'Punkte vergeben',
      durationMinutes: 5,
      place: { kind: 'template', instanceId: 'm1' },
      actions: [{ kind: 'voting', title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'template', instanceId: 'elsewhere' } }],
    })
    const request = draftToRequest([step])
    if (!('steps' in request)) throw new Error('the draft should be valid')
    const text = runSheetFile(request.steps)
    expect(text).not.toContain('"id"')
    const back = readRunSheetFile(text, [matrix])!
    expect(back).toHaveLength(1)
    expect(back[0]).toMatchObject({ title: 'Punkte vergeben', minutes: '5', place: 'm1/*', voting: { on: true, scope: 'all' } })
    expect(back[0]!.id).toBeUndefined()
    expect(readRunSheetFile(text, [])![0]!.place).toBe('all')
    expect(readRunSheetFile('{"steps": []}', [matrix])).toBeNull()
    expect(readRunSheetFile('kein json', [matrix])).toBeNull()
  })
})
