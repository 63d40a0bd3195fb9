/**
 * Language setup of the web client: German by default, English one switch
 * away. The choice is remembered in this browser and mirrored into
 * `<html lang>` so screen readers pronounce the page correctly. Only the
 * default language's texts come with the page; another language's load when
 * it is chosen (the service worker keeps them, so that works offline too).
 */
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@dorfplatz/protocol'
import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { de, type Messages } from './de.ts'

/** The languages of the client: the one list of locales in @dorfplatz/protocol, German first. */
export type Language = Locale

const DEFAULT_LANGUAGE: Language = DEFAULT_LOCALE
const STORAGE_KEY = 'language'

/** Every language's texts, loaded on first use; the type asks for one loader per locale of the list. */
const LOAD_TEXTS: Record<Language, () => Promise<Messages>> = {
  de: () => Promise.resolve(de),
  en: () => import('./en.ts').then((module) => module.en),
}

/** The language of the last switch, which wins over an earlier one whose texts arrive later. */
let requestedLanguage: Language = DEFAULT_LANGUAGE

/**
 * Shows the client in `language`, loading its texts first where i18next lacks them, unless
 * another language was asked for meanwhile. Rejects when the texts cannot be loaded.
 */
async function showLanguage(language: Language): Promise<void> {
  requestedLanguage = language
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await LOAD_TEXTS[language]())
  }
  if (requestedLanguage === language) await i18next.changeLanguage(language)
}

export const isLanguage: (value: unknown) => value is Language = isLocale

/** The language after `language` in the list, round again after the last: what the switch offers. */
export function nextLanguage(language: Language): Language {
  return LOCALES[(LOCALES.indexOf(language) + 1) % LOCALES.length] ?? DEFAULT_LANGUAGE
}

function storedLanguage(): Language {
  const stored = readLocal(STORAGE_KEY)
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
}

/**
 * Initialises i18next with the default language's texts; resolves once the stored language's
 * texts are there too, so that the first render has them (at once for German).
 */
export async function initI18n(): Promise<void> {
  const stored = storedLanguage()
  void i18next.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: de } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LOCALES],
    // The default language's texts are bundled, so nothing needs to wait for a backend.
    initAsync: false,
    // React escapes on its own.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = DEFAULT_LANGUAGE
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
  })
  if (stored === DEFAULT_LANGUAGE) return
  // Texts that cannot be loaded (offline before the service worker kept them): German it is.
  await showLanguage(stored).catch(() => undefined)
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : DEFAULT_LANGUAGE
}

/** The current language, re-rendering the calling component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE
}

/**
 * Switches the whole client (and, through the user preferences, tldraw's UI) and remembers the
 * choice; the language's texts load first where they are not there yet.
 */
export function setLanguage(language: Language): void {
  writeLocal(STORAGE_KEY, language)
  void showLanguage(language).catch(() => undefined)
}
