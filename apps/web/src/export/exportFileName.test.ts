import { describe, expect, it } from 'vitest'
import { exportFileName as nameFor, MAX_TITLE_CHARACTERS, safeFileNamePart, type ExportFileNameOptions } from './exportFileName.ts'

const day = new Date(Date.UTC(2026, 10, 25, 9, 30))
const exportFileName = (options: Omit<ExportFileNameOptions, 'timeZone'>) => nameFor({ ...options, timeZone: 'Europe/Berlin' })

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

describe('the day in a file name', () => {
  it('is the workshop’s day, whatever the laptop’s clock says', () => {
    // 23:30 UTC is already the next day in Berlin, and still the same day in New York.
    const late = new Date(Date.UTC(2026, 10, 25, 23, 30))
    expect(nameFor({ title: 'Klausur', date: late, extension: 'pdf', timeZone: 'Europe/Berlin' })).toBe('Klausur – 2026-11-26.pdf')
    expect(nameFor({ title: 'Klausur', date: late, extension: 'pdf', timeZone: 'America/New_York' })).toBe('Klausur – 2026-11-25.pdf')
  })

  it('pads month and day', () => {
    expect(nameFor({ title: 'K', date: new Date(Date.UTC(2027, 0, 3, 12)), extension: 'png', timeZone: 'UTC' })).toBe('K – 2027-01-03.png')
  })
})
