import { testNote } from '@dorfplatz/board/testing'
import { STRUCTURE_META_KEY } from '@dorfplatz/templates'
import { toRichText, type TLRecord } from 'tldraw'
import { describe, expect, it } from 'vitest'
import {
  collectVisitChanges,
  hasVisitChanges,
  mergeVisitChanges,
  NO_VISIT_CHANGES,
  parseVisitChanges,
  type VisitChanges,
} from './visitChanges.ts'

const note = (name: string, text = 'Dorf-App') => testNote(name, text) as TLRecord

function templatePart(name: string, part: 'frame' | 'area' | 'label'): TLRecord {
  const shape = testNote(name)
  return {
    ...shape,
    meta: { [STRUCTURE_META_KEY]: { templateInstance: 'swot-1', templateId: 'swot', role: 'structure', part } },
  } as TLRecord
}

function changesOf(before: [TLRecord | undefined, TLRecord | undefined][]): VisitChanges {
  const beforeMap = new Map<string, TLRecord | undefined>()
  const now = new Map<string, TLRecord | undefined>()
  for (const [old, current] of before) {
    const id = (old ?? current)!.id
    beforeMap.set(id, old)
    now.set(id, current)
  }
  return collectVisitChanges(beforeMap, (id) => now.get(id), 1000)
}

describe('collectVisitChanges', () => {
  it('lists a new note as added and an edited one as changed', () => {
    const edited = testNote('edited', 'vorher')
    const changes = changesOf([
      [undefined, note('new')],
      [edited as TLRecord, { ...edited, props: { ...edited.props, richText: toRichText('nachher') } } as TLRecord],
    ])
    expect(changes.shapes).toEqual({ [note('new').id]: 'added', [edited.id]: 'changed' })
    expect(changes.since).toBe(1000)
  })

  it('leaves out a record the sync touched without changing it', () => {
    const same = note('same')
    expect(changesOf([[same, structuredClone(same)]]).shapes).toEqual({})
  })

  it('counts removed shapes without listing them', () => {
    const changes = changesOf([[note('gone'), undefined]])
    expect(changes.shapes).toEqual({})
    expect(changes.removed).toBe(1)
  })

  it('counts a template once, by its frame, not by each of its parts', () => {
    const changes = changesOf([
      [undefined, templatePart('frame', 'frame')],
      [undefined, templatePart('area', 'area')],
      [undefined, templatePart('label', 'label')],
    ])
    expect(Object.keys(changes.shapes)).toEqual([templatePart('frame', 'frame').id])
  })

  it('ignores records that are not shapes (pages, bindings, assets)', () => {
    const page = { id: 'page:zwei', typeName: 'page', name: 'Seite 2', index: 'a2', meta: {} } as unknown as TLRecord
    expect(hasVisitChanges(changesOf([[undefined, page]]))).toBe(false)
  })
})

describe('mergeVisitChanges', () => {
  it('keeps what was not dismissed, adds the new, and keeps the older date', () => {
    const earlier: VisitChanges = { since: 100, shapes: { 'shape:a': 'added', 'shape:b': 'changed' }, removed: 1 }
    const later: VisitChanges = { since: 500, shapes: { 'shape:a': 'changed', 'shape:c': 'added' }, removed: 2 }
    expect(mergeVisitChanges(earlier, later)).toEqual({
      since: 100,
      shapes: { 'shape:a': 'added', 'shape:b': 'changed', 'shape:c': 'added' },
      removed: 3,
    })
  })
})

describe('parseVisitChanges', () => {
  it('reads back what it stored', () => {
    const stored: VisitChanges = { since: 42, shapes: { 'shape:a': 'added' }, removed: 2 }
    expect(parseVisitChanges(structuredClone(stored))).toEqual(stored)
  })

  it('treats anything malformed as no changes, and drops unknown kinds', () => {
    expect(parseVisitChanges(null)).toBe(NO_VISIT_CHANGES)
    expect(parseVisitChanges('x')).toBe(NO_VISIT_CHANGES)
    expect(parseVisitChanges({ shapes: 3 })).toBe(NO_VISIT_CHANGES)
    expect(parseVisitChanges({ since: 'gestern', shapes: { 'shape:a': 'deleted', 'shape:b': 'added' }, removed: -4 })).toEqual({
      since: null,
      shapes: { 'shape:b': 'added' },
      removed: 0,
    })
  })
})
