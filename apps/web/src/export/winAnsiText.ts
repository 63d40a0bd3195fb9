/**
 * Text for the PDF's header lines. The PDF uses the standard font Helvetica, which every
 * PDF reader has, so nothing needs embedding; it encodes text as WinAnsi (Windows-1252). That
 * covers German with umlauts, ß, „“ and €, but not every character a board title may hold:
 * those are replaced here, because pdf-lib throws on them.
 */

/** The characters of Windows-1252 above Latin-1's control block that are not in Latin-1 itself. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'

const WIN_ANSI_EXTRA_CODES = new Set([...WIN_ANSI_EXTRA].map((character) => character.codePointAt(0)!))

export function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0)!
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA_CODES.has(code)
}

/** Common characters outside WinAnsi that have a plain stand-in. */
const STAND_INS: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '—',
  '′': "'",
  '″': '"',
  '‟': '"',
  '‛': "'",
  '✓': 'x',
  '✔': 'x',
  '✗': 'x',
  // Letters whose accent is part of the letter, so that removing marks cannot help.
  'Ł': 'L',
  'ł': 'l',
  'Đ': 'D',
  'đ': 'd',
  'Ħ': 'H',
  'ħ': 'h',
  'ı': 'i',
  'ẞ': 'SS',
}

/** Shown for a character that has no stand-in. */
export const REPLACEMENT = '?'

/**
 * `text` in characters Helvetica can show: line breaks and tabs become spaces; accented letters
 * outside WinAnsi lose their accent (ő → o); a few symbols get a plain stand-in; invisible
 * formatting characters go; anything else becomes "?".
 */
export function toWinAnsi(text: string): string {
  let result = ''
  for (const character of text.normalize('NFC')) {
    if (isWinAnsi(character)) {
      result += character
      continue
    }
    if (/\s/u.test(character)) {
      result += ' '
      continue
    }
    // Zero-width joiners, variation selectors and other marks have nothing to show.
    if (/[\p{Cf}\p{Mn}\p{Me}]/u.test(character)) continue
    const standIn = STAND_INS[character]
    if (standIn !== undefined) {
      result += standIn
      continue
    }
    const base = character.normalize('NFD').replace(/\p{M}/gu, '')
    result += base !== character && [...base].every(isWinAnsi) ? base : REPLACEMENT
  }
  return result
}

/**
 * `text` cut to fit `maxWidth` (as `measure` tells it), ending in "…" when it had to be cut.
 * Cuts between code points, never inside one.
 */
export function fitTextToWidth(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text
  const characters = [...text]
  // The longest prefix that fits together with the ellipsis, by binary search.
  let low = 0
  let high = characters.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (measure(`${characters.slice(0, middle).join('').trimEnd()}…`) <= maxWidth) low = middle
    else high = middle - 1
  }
  return low === 0 ? '…' : `${characters.slice(0, low).join('').trimEnd()}…`
}
