import { describe, expect, it } from 'vitest'
import { initials, textColorOn } from './initials.ts'

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Anna Becker')).toBe('AB')
    expect(initials('anna maria becker')).toBe('AM')
    expect(initials('Gast 17')).toBe('G1')
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
