/** Initials and a readable text colour for a person's avatar. */

/** Longest number an avatar shows whole ("P18"); longer ones would not fit its circle. */
const MAX_AVATAR_NUMBER_DIGITS = 3

/**
 * The first letters of a name's first two words ("Anna Becker" → "AB"). A name that ends in a
 * number keeps the number whole ("Person 18" → "P18"), so that people who have not chosen a
 * name yet ("Person 18", "Person 23") do not all look the same.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = (word: string | undefined) => (word ? (Array.from(word)[0] ?? '') : '')
  const last = words[words.length - 1]
  if (words.length > 1 && last && /^\d+$/.test(last) && last.length <= MAX_AVATAR_NUMBER_DIGITS) {
    return `${first(words[0])}${last}`.toLocaleUpperCase()
  }
  const letters = words.length > 1 ? [words[0], words[1]] : [words[0]]
  return letters.map(first).join('').toLocaleUpperCase()
}

/** Black or white, whichever reads better on `background` (a #rrggbb colour). */
export function textColorOn(background: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background)
  if (!match) return '#ffffff'
  const [r, g, b] = match.slice(1).map((hex) => {
    const channel = parseInt(hex, 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  // White wins while its contrast ratio beats black's.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#1b1f24'
}
