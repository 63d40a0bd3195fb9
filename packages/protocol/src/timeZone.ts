/**
 * The workshop's time zone: the one clock by which the server and every browser date what a
 * board hands out (file names, the report's "Stand", the PDF), so a report made at 00:30 in
 * Mainz is not dated the day before because a server runs on UTC or a laptop on holiday time.
 */

/** Where the seminar series runs; a server setting (`DORFPLATZ_TIME_ZONE`) can change it. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin'

/** Whether `value` is an IANA time zone this JavaScript runtime knows, such as `Europe/Berlin` or `UTC`. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false
  // The runtime's list of canonical zones answers the usual names without a formatter: the first
  // formatter of a Node process loads the runtime's calendar data (about 6 MiB of its memory),
  // which a server that only checks its setting at start need not carry. Aliases (`Etc/UTC`,
  // `Europe/Kiev`) are not on the list; a formatter still decides those.
  if (Intl.supportedValuesOf('timeZone').includes(value)) return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** The calendar day of `date` in `timeZone`, as YYYY-MM-DD. */
export function calendarDay(date: Date | number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
