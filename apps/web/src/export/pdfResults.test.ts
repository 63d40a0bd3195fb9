import type { VotingRound } from '@dorfplatz/board'
import { describe, expect, it } from 'vitest'
import { noteVoteTotals, roundResultLists, type ResultListWords } from './pdfResults.ts'

const round = (id: string, status: VotingRound['status'], results?: VotingRound['results']): VotingRound => ({
  id,
  title: `Runde ${id}`,
  dotsPerPerson: 3,
  scope: { kind: 'all' },
  status,
  openedAt: 0,
  voters: 2,
  dotsCast: 4,
  ...(results ? { results } : {}),
})

const first = round('1', 'revealed', [
  { shapeId: 'shape:a', votes: 2, text: 'Glasfaser' },
  { shapeId: 'shape:b', votes: 2, text: 'Dorf-App' },
  { shapeId: 'shape:c', votes: 1, text: '' },
])
const second = round('2', 'revealed', [{ shapeId: 'shape:c', votes: 3, text: 'Bürgerbus' }])
const open = round('3', 'open')

const words: ResultListWords = {
  name: (r) => `Ergebnis: ${r.title}`,
  intro: (r) => `${r.dotsCast} Punkte von ${r.voters} Personen`,
  votes: (count) => `${count} ${count === 1 ? 'Punkt' : 'Punkte'}`,
  noText: '(Notiz ohne Text)',
  empty: 'Keine Notiz hat einen Punkt bekommen.',
}

describe('noteVoteTotals', () => {
  it('adds up each note’s dots over the revealed rounds, as the report does', () => {
    expect(noteVoteTotals([first, second, open])).toEqual(
      new Map([
        ['shape:a', 2],
        ['shape:b', 2],
        ['shape:c', 4],
      ]),
    )
  })
})

describe('roundResultLists', () => {
  it('lists each revealed round, equal counts sharing a rank (1, 1, 3)', () => {
    const lists = roundResultLists([first, second, open], words)
    expect(lists.map((list) => list.name)).toEqual(['Ergebnis: Runde 1', 'Ergebnis: Runde 2'])
    expect(lists[0]!.intro).toBe('4 Punkte von 2 Personen')
    expect(lists[0]!.rows).toEqual([
      { rank: '1.', text: 'Glasfaser', value: '2 Punkte' },
      { rank: '1.', text: 'Dorf-App', value: '2 Punkte' },
      { rank: '3.', text: '(Notiz ohne Text)', value: '1 Punkt' },
    ])
  })

  it('keeps a round nobody voted in, with no rows', () => {
    const [list] = roundResultLists([round('4', 'revealed', [])], words)
    expect(list!.rows).toEqual([])
    expect(list!.empty).toBe('Keine Notiz hat einen Punkt bekommen.')
  })
})
