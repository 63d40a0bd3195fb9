/**
 * Names of downloaded files: `<Board title> – 2026-11-25.png`, optionally with a part in
 * between (`<Board title> – Ergebnisprotokoll – 2026-11-25.md`). They keep umlauts and spaces
 * but nothing that Windows, macOS or a mail program would refuse or misread. The day is the
 * workshop's (its time zone comes from the server), not that of the laptop's clock.
 */
import { calendarDay } from '@dorfplatz/protocol'

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

export interface ExportFileNameOptions {
  title: string
  date: Date
  /** The workshop's IANA time zone, in which `date` falls on a day. */
  timeZone: string
  /** Without the dot: `png`, `pdf`, `tldr`. */
  extension: string
  /** What the file holds, between title and date, e.g. "Auswahl" or "Ergebnisprotokoll". */
  part?: string
}

export function exportFileName({ title, date, timeZone, extension, part }: ExportFileNameOptions): string {
  const pieces = [safeFileNamePart(title) || FALLBACK_TITLE]
  const safePart = part === undefined ? '' : safeFileNamePart(part)
  if (safePart) pieces.push(safePart)
  pieces.push(calendarDay(date, timeZone))
  return `${pieces.join(' – ')}.${extension}`
}
