import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadQuickNoteChoice, saveQuickNoteChoice } from './quickNoteChoice.ts'

describe('quick note choice', () => {
  let values: Map<string, string>

  beforeEach(() => {
    values = new Map()
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (key: string) => values.get(key) ?? null,
        setItem: (key: string, value: string) => void values.set(key, value),
      },
    })
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('starts with no place and yellow', () => {
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: null, color: 'yellow' })
  })

  it('remembers the place and colour per board', () => {
    saveQuickNoteChoice('board-a', { place: 'swot1/staerken', color: 'light-blue' })
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: 'swot1/staerken', color: 'light-blue' })
    expect(loadQuickNoteChoice('board-b')).toEqual({ place: null, color: 'yellow' })
  })

  it('ignores what it did not write', () => {
    values.set('dorfplatz.quickNote.board-a', JSON.stringify({ place: 7, color: 'neon' }))
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: null, color: 'yellow' })
    values.set('dorfplatz.quickNote.board-a', '{not json')
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: null, color: 'yellow' })
  })
})
