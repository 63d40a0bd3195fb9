/**
 * A note's text as one short line, for the names of its vote buttons and the results list:
 * screen readers read the whole name on every focus, so a long note is cut to its beginning.
 */

/** Long enough to recognise a note, short enough to hear twice in a row. */
export const MAX_NOTE_LABEL_CHARS = 60

/** The text on one line and at most `max` characters long, or null for a note without text. */
export function noteLabel(text: string, max = MAX_NOTE_LABEL_CHARS): string | null {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line === '') return null
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  // End at a word where one is near, so the name does not stop mid-word.
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}
