import { describe, expect, it } from 'vitest'
import { noteLabel } from './noteLabel.ts'

describe('noteLabel', () => {
  it('puts a note’s lines on one line', () => {
    expect(noteLabel('WLAN\nam  Dorfplatz ')).toBe('WLAN am Dorfplatz')
  })

  it('answers null for a note without text', () => {
    expect(noteLabel('')).toBeNull()
    expect(noteLabel(' \n ')).toBeNull()
  })

  it('cuts a long note at a word and marks the cut', () => {
    const label = noteLabel('Ein digitaler Dorfladen mit Abholstation für Bestellungen aus der ganzen Verbandsgemeinde', 40)
    expect(label).toBe('Ein digitaler Dorfladen mit…')
    expect(label?.length).toBeLessThanOrEqual(40)
  })

  it('cuts a long word where it must', () => {
    expect(noteLabel('Donaudampfschifffahrtsgesellschaftskapitän', 10)).toBe('Donaudamp…')
  })
})
