import { describe, expect, it } from 'vitest'
import { loadQuickNoteChoice, saveQuickNoteChoice } from './quickNoteChoice.ts'
import { useMemoryLocalStorage } from '../testing/memoryStorage.ts'

describe('quick note choice', () => {
  const local = useMemoryLocalStorage()

  it('starts with no place and yellow', () => {
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: null, color: 'yellow' })
  })

  it('remembers the place and colour per board', () => {
    saveQuickNoteChoice('board-a', { place: 'swot1/staerken', color: 'light-blue' })
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: 'swot1/staerken', color: 'light-blue' })
    expect(loadQuickNoteChoice('board-b')).toEqual({ place: null, color: 'yellow' })
  })

  it('ignores what it did not write', () => {
    local().setItem('dorfplatz.quickNote.board-a', JSON.stringify({ place: 7, color: 'neon' }))
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: null, color: 'yellow' })
    local().setItem('dorfplatz.quickNote.board-a', '{not json')
    expect(loadQuickNoteChoice('board-a')).toEqual({ place: null, color: 'yellow' })
  })
})
