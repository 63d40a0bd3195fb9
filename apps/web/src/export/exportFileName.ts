/**
 * Names of downloaded files: `<Board title> – 2026-11-25.png`, optionally with a part in
 * between (`<Board title> – Ergebnisprotokoll – 2026-11-25.md`). They keep umlauts and spaces
 * but nothing that Windows, macOS or a mail program would refuse or misread.
 */

/** Characters no common file system accepts in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/** Long enough for any real board title; short enough that title, part and date stay under 255 bytes. */
export const MAX_TITLE_CHARACTERS = 80

/** Used when a title has nothing left after cleaning. */
const FALLBACK_TITLE = 'Dorfplatz'

/** A piece of a file name: unsafe characters become spaces; runs of spaces, and dots or spaces at the ends, go. */
export function safeFileNamePart(text: string, maxCharacters = MAX_TITLE_CHARACTERS): string {
  const cleaned = text
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  // Cut by code points so that no emoji is split in half.
  const cut = [...cleaned].slice(0, maxCharacters).join('')
  return cut.replace(/[\s.]+$/g, '')
}

/** The calendar day of `date` in this browser's time zone, as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export interface ExportFileNameOptions {
  title: string
  date: Date
  /** Without the dot: `png`, `pdf`, `tldr`. */
  extension: string
  /** What the file holds, between title and date, e.g. "Auswahl" or "Ergebnisprotokoll". */
  part?: string
}

export function exportFileName({ title, date, extension, part }: ExportFileNameOptions): string {
  const pieces = [safeFileNamePart(title) || FALLBACK_TITLE]
  const safePart = part === undefined ? '' : safeFileNamePart(part)
  if (safePart) pieces.push(safePart)
  pieces.push(isoDay(date))
  return `${pieces.join(' – ')}.${extension}`
}
