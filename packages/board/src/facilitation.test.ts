import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  FacilitationKey,
  getFacilitationMap,
  getVotingRoundsMap,
  observeFacilitation,
  readFacilitation,
  richTextToPlain,
  timerRemainingMs,
} from './facilitation.ts'

const round = (id: string, openedAt: number, status = 'revealed') => ({
  id,
  title: `Runde ${id}`,
  dotsPerPerson: 3,
  scope: { kind: 'all' },
  status,
  openedAt,
  voters: 2,
  dotsCast: 5,
})

describe('facilitation state', () => {
  it('reads nothing from an empty board', () => {
    expect(readFacilitation(new Y.Doc())).toEqual({
      timer: null,
      follow: null,
      presenting: null,
      summon: null,
      freeze: null,
      activeRound: null,
      rounds: [],
      lastRestore: null,
      historyShared: false,
      privateRound: null,
      lastPrivateReveal: null,
      runSheet: { steps: [] },
      cursorsHidden: false,
    })
  })

  it('reads the history as shared only when the server wrote exactly true', () => {
    const doc = new Y.Doc()
    getFacilitationMap(doc).set(FacilitationKey.HISTORY_SHARED, 'ja')
    expect(readFacilitation(doc).historyShared).toBe(false)
    getFacilitationMap(doc).set(FacilitationKey.HISTORY_SHARED, true)
    expect(readFacilitation(doc).historyShared).toBe(true)
  })

  it('reads the last restore of a version, and nothing from a damaged one', () => {
    const doc = new Y.Doc()
    const map = getFacilitationMap(doc)
    map.set(FacilitationKey.LAST_RESTORE, { id: 'n1', snapshotId: 's1', name: 'Ende Workshop 1', kind: 'manual', at: 5 })
    expect(readFacilitation(doc).lastRestore).toEqual({ id: 'n1', snapshotId: 's1', name: 'Ende Workshop 1', kind: 'manual', at: 5 })
    map.set(FacilitationKey.LAST_RESTORE, { id: 'n2', name: 'ohne Version' })
    expect(readFacilitation(doc).lastRestore).toBeNull()
  })

  it('reads valid values and skips damaged ones', () => {
    const doc = new Y.Doc()
    const map = getFacilitationMap(doc)
    map.set(FacilitationKey.TIMER, { status: 'running', durationMs: 60_000, endsAt: 1_000_000 })
    map.set(FacilitationKey.FREEZE, { since: 'gestern', name: 'Anna' })
    map.set(FacilitationKey.FOLLOW, { userId: 'anna', name: 'Anna', since: 5 })
    map.set(FacilitationKey.ACTIVE_ROUND, 'r2')
    const rounds = getVotingRoundsMap(doc)
    rounds.set('r2', round('r2', 20, 'open'))
    rounds.set('r1', round('r1', 10))
    rounds.set('broken', { id: 'broken', status: 'open' })
    const state = readFacilitation(doc)
    expect(state.timer).toEqual({ status: 'running', durationMs: 60_000, endsAt: 1_000_000 })
    expect(state.freeze).toBeNull()
    expect(state.follow).toEqual({ userId: 'anna', name: 'Anna', since: 5 })
    expect(state.rounds.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(state.activeRound?.id).toBe('r2')
  })

  it('reads the scope of a round: all notes, one zone or a whole template', () => {
    const doc = new Y.Doc()
    const rounds = getVotingRoundsMap(doc)
    rounds.set('z', { ...round('z', 1), scope: { kind: 'zone', instanceId: 'i1', zoneId: 'staerken' } })
    rounds.set('t', { ...round('t', 2), scope: { kind: 'template', instanceId: 'i1' } })
    rounds.set('bad', { ...round('bad', 3), scope: { kind: 'template' } })
    expect(readFacilitation(doc).rounds.map((r) => r.scope)).toEqual([
      { kind: 'zone', instanceId: 'i1', zoneId: 'staerken' },
      { kind: 'template', instanceId: 'i1' },
    ])
  })

  it('names no active round when the named one is revealed', () => {
    const doc = new Y.Doc()
    getFacilitationMap(doc).set(FacilitationKey.ACTIVE_ROUND, 'r1')
    getVotingRoundsMap(doc).set('r1', round('r1', 10))
    expect(readFacilitation(doc).activeRound).toBeNull()
  })

  it('counts a timer down on the server clock and never below zero', () => {
    expect(timerRemainingMs({ status: 'running', durationMs: 10_000, endsAt: 50_000 }, 45_000)).toBe(5000)
    expect(timerRemainingMs({ status: 'running', durationMs: 10_000, endsAt: 50_000 }, 60_000)).toBe(0)
    expect(timerRemainingMs({ status: 'paused', durationMs: 10_000, remainingMs: 1234 }, 99_999)).toBe(1234)
    // A clock estimate a little behind the server's never shows more than the whole duration.
    expect(timerRemainingMs({ status: 'running', durationMs: 10_000, endsAt: 50_000 }, 39_990)).toBe(10_000)
  })

  it('tells listeners about facilitation changes only', () => {
    const doc = new Y.Doc()
    let calls = 0
    const stop = observeFacilitation(doc, () => calls++)
    getFacilitationMap(doc).set(FacilitationKey.FREEZE, { since: 1, name: 'A' })
    getVotingRoundsMap(doc).set('r1', round('r1', 1))
    doc.getArray('records').push([{ key: 'x', val: 1 }])
    stop()
    getFacilitationMap(doc).delete(FacilitationKey.FREEZE)
    expect(calls).toBe(2)
  })
})

describe('richTextToPlain', () => {
  it('joins text nodes and puts paragraphs on lines of their own', () => {
    const richText = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Glasfaser ' }, { type: 'text', text: 'für alle' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Ortsteile' }] },
      ],
    }
    expect(richTextToPlain(richText)).toBe('Glasfaser für alle\nOrtsteile')
  })

  it('gives an empty text for anything it cannot read', () => {
    for (const value of [undefined, null, 42, 'text', { content: 'x' }, []]) expect(richTextToPlain(value)).toBe('')
  })
})
