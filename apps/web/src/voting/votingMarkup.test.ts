/**
 * The voting panels and the note control as they render (to static markup, without a DOM):
 * the texts people read, the names screen readers announce, and the test ids the browser
 * tests rely on.
 */
import type { VotingRound } from '@dorfplatz/board'
import i18next from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { TLShapeId } from 'tldraw'
import { initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de } from '../i18n/de.ts'
import { en } from '../i18n/en.ts'
import { NoteVoteControl } from './NoteVoteControl.tsx'
import { ResultsPanel } from './ResultsPanel.tsx'
import type { BallotView } from './useBallot.ts'
import { VotingPanel } from './VotingPanel.tsx'

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: 'de',
    initAsync: false,
    interpolation: { escapeValue: false },
  })
})

const openRound: VotingRound = {
  id: 'r1',
  title: 'Was packen wir zuerst an?',
  dotsPerPerson: 3,
  scope: { kind: 'all' },
  status: 'open',
  openedAt: 1,
  voters: 2,
  dotsCast: 5,
}

function ballot(remaining: number | null): BallotView {
  return {
    ballot: remaining === null ? null : { dots: {}, remaining },
    loading: remaining === null,
    problem: null,
    problemCount: 0,
    change: () => {},
    reload: () => {},
  }
}

function votingPanel(props: Partial<Parameters<typeof VotingPanel>[0]>): string {
  return renderToStaticMarkup(
    createElement(VotingPanel, {
      round: openRound,
      scopeName: 'alle Notizen',
      ballot: ballot(2),
      zoomInToVote: false,
      dotsOnDeletedNotes: 0,
      onTakeBackFromDeletedNotes: () => {},
      ...props,
    }),
  )
}

describe('VotingPanel', () => {
  it('tells a voter how many dots are left and how many people have voted', () => {
    const html = votingPanel({})
    expect(html).toContain('data-testid="voting-panel"')
    expect(html).toContain('data-remaining="2"')
    expect(html).toContain('Noch 2 von 3 Punkten')
    expect(html).toContain('2 Personen haben abgestimmt')
    expect(html).toContain('5 Punkte gesetzt')
    expect(html).not.toContain('reveal-button')
  })

  it('gives facilitators the reveal button', () => {
    expect(votingPanel({ onReveal: async () => {} })).toContain('data-testid="reveal-button"')
  })

  it('shows guests the progress only', () => {
    const html = votingPanel({ ballot: null })
    expect(html).not.toContain('data-remaining')
    expect(html).not.toContain('Noch ')
    expect(html).toContain('2 Personen haben abgestimmt')
  })

  it('says when nobody has voted yet, and when the ballot is still loading', () => {
    const html = votingPanel({ round: { ...openRound, voters: 0, dotsCast: 0 }, ballot: ballot(null) })
    expect(html).toContain('Noch hat niemand abgestimmt')
    expect(html).toContain('Ihre Punkte werden geladen')
  })

  it('explains a spent budget politely', () => {
    const html = votingPanel({ ballot: { ...ballot(0), problem: 'budget-spent', problemCount: 1 } })
    expect(html).toContain('Sie haben alle 3 Punkte gesetzt.')
    const single = votingPanel({
      round: { ...openRound, dotsPerPerson: 1 },
      ballot: { ...ballot(0), problem: 'budget-spent', problemCount: 1 },
    })
    expect(single).toContain('Sie haben Ihren Punkt gesetzt.')
    expect(single).not.toContain('alle 1 Punkte')
  })
})

describe('NoteVoteControl', () => {
  const note = { id: 'shape:a' as TLShapeId, text: 'WLAN am\nDorfplatz', left: 0, top: 0, right: 200, bottom: 200 }

  it('names both buttons after the note and shows the own dots', () => {
    const html = renderToStaticMarkup(createElement(NoteVoteControl, { note, mine: 2, onChange: () => {} }))
    expect(html).toContain('aria-label="Punkt für „WLAN am Dorfplatz“ setzen"')
    expect(html).toContain('aria-label="Punkt von „WLAN am Dorfplatz“ zurücknehmen"')
    expect(html).toMatch(/data-testid="my-dots" data-shape-id="shape:a" data-count="2"/)
    expect(html).toMatch(/data-testid="vote-add" data-shape-id="shape:a"/)
  })

  it('offers only the + on a note without a dot of this person', () => {
    const html = renderToStaticMarkup(createElement(NoteVoteControl, { note, mine: 0, onChange: () => {} }))
    expect(html).toContain('data-testid="vote-add"')
    expect(html).not.toContain('data-testid="vote-remove"')
    expect(html).not.toContain('data-testid="my-dots"')
  })
})

describe('ResultsPanel', () => {
  const revealed: VotingRound = {
    ...openRound,
    status: 'revealed',
    revealedAt: 2,
    results: [
      { shapeId: 'shape:a', votes: 4, text: 'Bürgerbus' },
      { shapeId: 'shape:b', votes: 1, text: '' },
    ],
  }

  function resultsPanel(round: VotingRound, rounds: VotingRound[] = [round]): string {
    return renderToStaticMarkup(
      createElement(ResultsPanel, {
        round,
        scopeName: 'alle Notizen',
        revealed: rounds,
        focusOnOpen: false,
        noteExists: (shapeId) => shapeId === 'shape:a',
        onShowNote: () => {},
        onChooseRound: () => {},
        onClose: () => {},
      }),
    )
  }

  it('lists the notes ranked, with their dots', () => {
    const html = resultsPanel(revealed)
    expect(html).toContain('Ergebnis: Was packen wir zuerst an?')
    expect(html).toMatch(/data-testid="results-item" data-shape-id="shape:a" data-votes="4"/)
    expect(html).toMatch(/data-testid="results-item" data-shape-id="shape:b" data-votes="1"/)
    expect(html.indexOf('shape:a')).toBeLessThan(html.indexOf('shape:b'))
    expect(html).toContain('(Notiz ohne Text)')
    expect(html).toContain('(gelöscht)')
  })

  it('says so when no note got a dot', () => {
    const html = resultsPanel({ ...revealed, results: [] })
    expect(html).toContain('data-testid="results-empty"')
    expect(html).not.toContain('results-item')
  })

  it('offers the board’s other rounds', () => {
    const earlier = { ...revealed, id: 'r0', title: 'Erste Runde', openedAt: 0 }
    const html = resultsPanel(revealed, [revealed, earlier])
    expect(html).toContain('data-testid="results-round-select"')
    expect(html).toContain('Erste Runde')
  })
})
