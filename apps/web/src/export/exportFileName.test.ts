import { describe, expect, it } from 'vitest'
import { exportFileName, isoDay, MAX_TITLE_CHARACTERS, safeFileNamePart } from './exportFileName.ts'

const day = new Date(2026, 10, 25, 9, 30)

describe('exportFileName', () => {
  it('puts title and day together, keeping umlauts', () => {
    expect(exportFileName({ title: 'Dorfentwicklung Großbärenweiler', date: day, extension: 'png' })).toBe(
      'Dorfentwicklung Großbärenweiler – 2026-11-25.png',
    )
  })

  it('puts a part between title and day', () => {
    expect(exportFileName({ title: 'Klausur', date: day, extension: 'md', part: 'Ergebnisprotokoll' })).toBe(
      'Klausur – Ergebnisprotokoll – 2026-11-25.md',
    )
  })

  it('replaces characters that file systems refuse', () => {
    expect(exportFileName({ title: 'Ziele 2030: Wege/Ideen? "A|B" <neu>\\*', date: day, extension: 'pdf' })).toBe(
      'Ziele 2030 Wege Ideen A B neu – 2026-11-25.pdf',
    )
  })

  it('drops control characters, line breaks and dots at the ends', () => {
    expect(exportFileName({ title: '..Workshop\n\tTeil\u00002 . ', date: day, extension: 'tldr' })).toBe(
      'Workshop Teil 2 – 2026-11-25.tldr',
    )
  })

  it('falls back to Dorfplatz when nothing of the title is left', () => {
    expect(exportFileName({ title: ' ??? ', date: day, extension: 'svg' })).toBe('Dorfplatz – 2026-11-25.svg')
  })

  it('leaves out an empty part', () => {
    expect(exportFileName({ title: 'Klausur', date: day, extension: 'png', part: ' / ' })).toBe('Klausur – 2026-11-25.png')
  })
})

describe('safeFileNamePart', () => {
  it('shortens long titles without splitting an emoji or ending in a space', () => {
    const long = `${'a'.repeat(MAX_TITLE_CHARACTERS - 2)} 🎉🎉 Ende`
    const cut = safeFileNamePart(long)
    expect([...cut]).toHaveLength(MAX_TITLE_CHARACTERS)
    expect(cut.endsWith('🎉')).toBe(true)
    expect(safeFileNamePart('abc   def', 4)).toBe('abc')
  })

  it('composes decomposed umlauts', () => {
    expect(safeFileNamePart('Mu\u0308hle')).toBe('Mühle')
  })
})

describe('isoDay', () => {
  it('pads month and day', () => {
    expect(isoDay(new Date(2027, 0, 3))).toBe('2027-01-03')
  })
})
