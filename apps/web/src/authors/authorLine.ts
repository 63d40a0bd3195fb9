/**
 * The line shown with a note, text or shape: who wrote it and who changed it last, and when
 * ("Notiz von Bürgermeisterin Weber · geändert von Herrn Klein, vor 2 Tagen"), from the board's
 * authors root, which only the server writes.
 */
import { isSameAuthor, type AuthorStamp, type RecordAuthors } from '@dorfplatz/board'
import type { TFunction } from 'i18next'
import type { Language } from '../i18n/i18n.ts'

/** The shape types that show the line. */
export type AuthoredKind = 'note' | 'text' | 'geo'

export function isAuthoredKind(type: string): type is AuthoredKind {
  return type === 'note' || type === 'text' || type === 'geo'
}

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** Coarsest unit first: "vor 2 Tagen", not "vor 49 Stunden". */
const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', MINUTE_MS],
]

/** "vor 2 Tagen" (never "vorgestern": the same shape for every distance), "gerade eben" (a time a moment ahead, from a clock that is off, too). */
export function relativeTime(at: number, now: number, language: Language, t: TFunction<'translation'>): string {
  const ago = now - at
  if (ago < MINUTE_MS) return t('authors.justNow', { lng: language })
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' })
  for (const [unit, unitMs] of UNITS) if (ago >= unitMs) return format.format(-Math.floor(ago / unitMs), unit)
  return t('authors.justNow', { lng: language })
}

function nameOf(author: AuthorStamp, language: Language, t: TFunction<'translation'>): string {
  return author.name !== '' ? author.name : t(`authors.unnamed.${author.role}`, { lng: language })
}

/**
 * The whole line. When the creator is also the last to change it, only "Notiz von …" with the
 * time; without a known creator (written before authors were kept), only who changed it.
 */
export function authorLine(
  authors: RecordAuthors,
  kind: AuthoredKind,
  now: number,
  language: Language,
  t: TFunction<'translation'>,
): string {
  const values = {
    kind: t(`authors.kind.${kind}`, { lng: language }),
    changer: nameOf(authors.changedBy, language, t),
    time: relativeTime(authors.changedAt, now, language, t),
    lng: language,
  }
  const { createdBy } = authors
  if (!createdBy) return t('authors.changed', values)
  const creator = nameOf(createdBy, language, t)
  return isSameAuthor(createdBy, authors.changedBy)
    ? t('authors.created', { ...values, creator })
    : t('authors.createdAndChanged', { ...values, creator })
}
