import { describe, expect, it } from 'vitest'
import type { VotingRound } from '@dorfplatz/board'
import { reportCsv, reportMarkdown, type ReportModel, type ReportNote } from './resultsReport.ts'

const note = (rank: number, text: string, votes: number): ReportNote => ({ rank, shapeId: `shape:${text}`, text, votes, votesByRound: [votes], comments: [], municipality: null, task: null })

/** 23:30 UTC on 25 November 2026: already the 26th in Berlin. */
const LATE_EVENING = Date.UTC(2026, 10, 25, 23, 30)

const round: VotingRound = {
  id: 'r1',
  title: 'Was zuerst?',
  dotsPerPerson: 3,
  scope: { kind: 'all' },
  status: 'revealed',
  openedAt: LATE_EVENING,
  revealedAt: LATE_EVENING,
  voters: 3,
  dotsCast: 5,
  results: [
    { shapeId: 'shape:a', votes: 2, text: 'Glasfaser' },
    { shapeId: 'shape:b', votes: 2, text: 'Dorf-App' },
    { shapeId: 'shape:c', votes: 1, text: 'Bürgerbus' },
  ],
}

const model: ReportModel = {
  title: 'Digitalstrategie',
  generatedAt: LATE_EVENING,
  steps: [],
  rounds: [round],
  sections: [
    {
      templateId: 'priority-matrix',
      template: 'Priorisierungsmatrix',
      zones: [
        { name: 'Schnelle Erfolge', notes: [note(1, 'Glasfaser', 2), note(1, 'Dorf-App', 2), note(3, 'Bürgerbus', 1)] },
        { name: 'Große Vorhaben', notes: [] },
        { name: 'Lückenfüller', notes: [] },
      ],
    },
    { templateId: 'swot', template: 'SWOT-Analyse', zones: [{ name: 'Stärken', notes: [] }, { name: 'Schwächen', notes: [] }] },
  ],
  other: [],
}

describe('reportMarkdown', () => {
  const md = reportMarkdown(model, 'de', 'Europe/Berlin')

  it('ranks equal votes alike in the rounds and in the zones (1, 1, 3)', () => {
    const roundPart = md.slice(md.indexOf('### Was zuerst?'), md.indexOf('## Priorisierungsmatrix'))
    expect(roundPart).toContain('| 1 | Glasfaser | 2 |\n| 1 | Dorf-App | 2 |\n| 3 | Bürgerbus | 1 |')
    const zonePart = md.slice(md.indexOf('### Schnelle Erfolge'))
    expect(zonePart).toContain('| 1 | Glasfaser | 2 |\n| 1 | Dorf-App | 2 |\n| 3 | Bürgerbus | 1 |')
  })

  it('names the zones without notes in one line per template instead of a heading each', () => {
    expect(md).not.toContain('Keine Notizen')
    expect(md).not.toContain('### Große Vorhaben')
    expect(md).not.toContain('### Stärken')
    expect(md).toContain('_Ohne Notizen: Große Vorhaben, Lückenfüller._')
    const swot = md.slice(md.indexOf('## SWOT-Analyse'))
    expect(swot).toBe('## SWOT-Analyse\n\n_Ohne Notizen: Stärken, Schwächen._\n')
    expect(reportMarkdown(model, 'en', 'Europe/Berlin')).toContain('_No notes: Stärken, Schwächen._')
  })

  it('dates the report and its rounds in the workshop’s time zone', () => {
    expect(md).toContain('Stand: 26.11.2026, 00:30')
    expect(md).toContain('26.11.2026, 00:30 · 5 Punkte von 3 Personen')
    expect(reportMarkdown(model, 'de', 'UTC')).toContain('Stand: 25.11.2026, 23:30')
  })
})

describe('reportMarkdown: the day as it ran', () => {
  /** 09:00 in Berlin on 26 November 2026. */
  const NINE = Date.UTC(2026, 10, 26, 8, 0)
  const minute = 60_000
  const step = { place: { kind: 'all' as const }, actions: [] }
  const day: ReportModel = {
    ...model,
    steps: [
      { ...step, id: 'a', title: 'Begrüßung', durationMinutes: 10, status: 'done', startedAt: NINE, endedAt: NINE + 12 * minute + 20_000 },
      { ...step, id: 'b', title: 'Stilles Brainstorming', durationMinutes: 15, status: 'skipped', endedAt: NINE + 12 * minute },
      { ...step, id: 'c', title: 'Punkte | vergeben', durationMinutes: 5, status: 'current', startedAt: NINE + 13 * minute },
      { ...step, id: 'd', title: 'Abschluss', durationMinutes: 20, status: 'planned' },
    ],
  }

  it('begins with each step: planned minutes, its start and its actual length; skipped steps marked', () => {
    const md = reportMarkdown(day, 'de', 'Europe/Berlin')
    expect(md.indexOf('## Ablauf')).toBeLessThan(md.indexOf('## Abstimmungen'))
    expect(md).toContain(
      [
        '| | Schritt | geplant | Beginn | Dauer |',
        '|---:|---|---:|---:|---:|',
        '| 1 | Begrüßung | 10 min | 09:00 | 12 min |',
        '| 2 | Stilles Brainstorming | 15 min |  | _übersprungen_ |',
        '| 3 | Punkte \\| vergeben | 5 min | 09:13 | _läuft_ |',
        '| 4 | Abschluss | 20 min |  | _nicht begonnen_ |',
      ].join('\n'),
    )
    expect(reportMarkdown(day, 'en', 'UTC')).toContain('| 1 | Begrüßung | 10 min | 08:00 | 12 min |')
  })

  it('leaves the section out when the board has no run-sheet', () => {
    expect(reportMarkdown(model, 'de', 'Europe/Berlin')).not.toContain('## Ablauf')
  })
})

describe('reportCsv', () => {
  it('gives equal votes the same rank', () => {
    const rows = reportCsv(model, 'de').replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(rows.slice(1)).toEqual([
      '"Priorisierungsmatrix";"Schnelle Erfolge";"1";"Glasfaser";"2";"2";""',
      '"Priorisierungsmatrix";"Schnelle Erfolge";"1";"Dorf-App";"2";"2";""',
      '"Priorisierungsmatrix";"Schnelle Erfolge";"3";"Bürgerbus";"1";"1";""',
    ])
  })
})
