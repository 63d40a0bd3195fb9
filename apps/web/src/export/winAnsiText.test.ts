import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { fitTextToWidth, isWinAnsi, REPLACEMENT, toWinAnsi } from './winAnsiText.ts'

describe('toWinAnsi', () => {
  it('keeps German text as it is', () => {
    const german = 'Straßenfest „Über’m Bach“ – Größe: 5 € … Änderung'
    expect(toWinAnsi(german)).toBe(german)
  })

  it('turns line breaks and tabs into spaces', () => {
    expect(toWinAnsi('Zeile 1\nZeile 2\tEnde')).toBe('Zeile 1 Zeile 2 Ende')
  })

  it('drops the accent of letters outside WinAnsi', () => {
    expect(toWinAnsi('Gödöllő, Łódź, Dubrovnik – Đurđevac, STRAẞE')).toBe('Gödöllo, Lódz, Dubrovnik – Durdevac, STRASSE')
  })

  it('replaces a letter it has no plain stand-in for', () => {
    expect(toWinAnsi('Cəlil')).toBe(`C${REPLACEMENT}lil`)
  })

  it('gives common symbols a plain stand-in', () => {
    expect(toWinAnsi('A → B ≥ 3 − 1')).toBe('A -> B >= 3 - 1')
  })

  it('replaces emoji and scripts outside WinAnsi, dropping invisible joiners', () => {
    expect(toWinAnsi('Fest 🎉 👩‍👩‍👧 日本')).toBe(`Fest ${REPLACEMENT} ${REPLACEMENT}${REPLACEMENT}${REPLACEMENT} ${REPLACEMENT}${REPLACEMENT}`)
  })

  it('composes decomposed umlauts first', () => {
    expect(toWinAnsi('Mu\u0308hle')).toBe('Mühle')
  })

  it('yields only text that Helvetica encodes', async () => {
    const pdf = await PDFDocument.create()
    const helvetica = await pdf.embedFont(StandardFonts.Helvetica)
    const supported = new Set(helvetica.getCharacterSet())
    // Everything isWinAnsi lets through, the font really has.
    for (let code = 0; code <= 0x2200; code++) {
      const character = String.fromCodePoint(code)
      if (isWinAnsi(character)) expect(supported.has(code), `U+${code.toString(16)}`).toBe(true)
    }
    const hostile = 'Tab\tZeile\r\n🎉 ∑ ő ‐ \u200b\ufe0f 𝔘 ☃ Ω ẞ'
    expect(() => helvetica.encodeText(toWinAnsi(hostile))).not.toThrow()
    expect(() => helvetica.encodeText(hostile)).toThrow()
  })
})

describe('fitTextToWidth', () => {
  // One unit per character keeps the arithmetic visible.
  const measure = (text: string) => [...text].length

  it('leaves text that fits', () => {
    expect(fitTextToWidth('Dorfplatz', 9, measure)).toBe('Dorfplatz')
  })

  it('cuts with an ellipsis, without a space before it', () => {
    expect(fitTextToWidth('Digitale Dorfmitte', 10, measure)).toBe('Digitale…')
    expect(fitTextToWidth('Digitale Dorfmitte', 12, measure)).toBe('Digitale Do…')
  })

  it('never splits a code point', () => {
    expect(fitTextToWidth('🎉🎉🎉🎉', 3, measure)).toBe('🎉🎉…')
  })

  it('returns only the ellipsis when nothing else fits', () => {
    expect(fitTextToWidth('Dorfplatz', 1, measure)).toBe('…')
  })
})
