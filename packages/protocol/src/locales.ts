/**
 * The languages Dorfplatz speaks: the one list every part uses (the web app's switch, the
 * templates' texts, the server's reports and automatic names). German comes first and is the
 * default everywhere.
 */
export const LOCALES = ['de', 'en'] as const

export type Locale = (typeof LOCALES)[number]

export const DEFAULT_LOCALE: Locale = 'de'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
