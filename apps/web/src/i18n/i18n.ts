/**
 * Language setup of the web client: German by default, English one switch
 * away. The choice is remembered in this browser and mirrored into
 * `<html lang>` so screen readers pronounce the page correctly.
 */
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@dorfplatz/protocol'
import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { de, type Messages } from './de.ts'
import { en } from './en.ts'

/** The languages of the client: the one list of locales in @dorfplatz/protocol, German first. */
export type Language = Locale

const DEFAULT_LANGUAGE: Language = DEFAULT_LOCALE
const STORAGE_KEY = 'language'

/** Every language's texts; the type asks for one set per locale of the list. */
const RESOURCES: Record<Language, { translation: Messages }> = { de: { translation: de }, en: { translation: en } }

export const isLanguage: (value: unknown) => value is Language = isLocale

/** The language after `language` in the list, round again after the last: what the switch offers. */
export function nextLanguage(language: Language): Language {
  return LOCALES[(LOCALES.indexOf(language) + 1) % LOCALES.length] ?? DEFAULT_LANGUAGE
}

function storedLanguage(): Language {
  const stored = readLocal(STORAGE_KEY)
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
}

/** Initialises i18next synchronously, so the first render already has its texts. */
export function initI18n(): typeof i18next {
  const lng = storedLanguage()
  void i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LOCALES],
    // Resources are bundled, so nothing needs to wait for a backend.
    initAsync: false,
    // React escapes on its own.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = lng
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
  })
  return i18next
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : DEFAULT_LANGUAGE
}

/** The current language, re-rendering the calling component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE
}

/** Switches the whole client (and, through the user preferences, tldraw's UI) and remembers the choice. */
export function setLanguage(language: Language): void {
  writeLocal(STORAGE_KEY, language)
  void i18next.changeLanguage(language)
}
