import { describe, expect, it } from 'vitest'
import { initials, textColorOn } from './initials.ts'

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Anna Becker')).toBe('AB')
    expect(initials('anna maria becker')).toBe('AM')
  })

  it('keeps a trailing number whole, so unnamed people look different', () => {
    expect(initials('Person 17')).toBe('P17')
    expect(initials('Person 23')).toBe('P23')
    expect(initials('Tisch 2 Gruppe 4')).toBe('T4')
    // A long number is not one an avatar can show.
    expect(initials('Raum 12345')).toBe('R1')
  })

  it('copes with one word, extra spaces and an empty name', () => {
    expect(initials('  Özlem  ')).toBe('Ö')
    expect(initials('')).toBe('')
  })
})

describe('textColorOn', () => {
  it('writes white on dark colours and dark on light ones', () => {
    expect(textColorOn('#1e4d6b')).toBe('#ffffff')
    expect(textColorOn('#fde68a')).toBe('#1b1f24')
  })

  it('falls back to white for anything that is not #rrggbb', () => {
    expect(textColorOn('red')).toBe('#ffffff')
  })
})
