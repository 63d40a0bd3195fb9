/**
 * The current user as tldraw and the presence binding see it: one reactive
 * record of tldraw user preferences (id, name, colour, locale and tldraw's own
 * settings) that follows the language switch and is remembered in this browser.
 */
import i18next from 'i18next'
import {
  atom,
  computed,
  createTLCurrentUser,
  createUserId,
  UserRecordType,
  type Atom,
  type Signal,
  type TLCurrentUser,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw'
import { currentLanguage, isLanguage, setLanguage } from '../i18n/i18n.ts'
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { loadUserIdentity, saveUserIdentity, type UserIdentity } from './userIdentity.ts'

/** tldraw settings a user may change in its menus (snap mode, dark mode …), kept across visits. */
const EDITOR_SETTINGS_KEY = 'editorSettings'
const IDENTITY_FIELDS = new Set(['id', 'name', 'color', 'locale'])

function loadEditorSettings(): Partial<TLUserPreferences> {
  const stored = readLocal(EDITOR_SETTINGS_KEY)
  if (typeof stored !== 'object' || stored === null) return {}
  return Object.fromEntries(
    Object.entries(stored).filter(([key]) => !IDENTITY_FIELDS.has(key)),
  ) as Partial<TLUserPreferences>
}

function saveEditorSettings(preferences: TLUserPreferences): void {
  writeLocal(
    EDITOR_SETTINGS_KEY,
    Object.fromEntries(Object.entries(preferences).filter(([key]) => !IDENTITY_FIELDS.has(key))),
  )
}

export class CurrentUser {
  /** Everything tldraw knows about the user; the single source for editor, presence and UI. */
  readonly preferences: Atom<TLUserPreferences>
  /** True until the user has confirmed a name on this browser. */
  readonly needsName: Atom<boolean>
  /** Handed to `<Tldraw user>` so its menus read and change these preferences. */
  readonly tldrawUser: TLCurrentUser
  /** The `user:` record tldraw stamps for attribution, built from the same preferences. */
  readonly record: Signal<TLUser | null>

  /**
   * The person of this browser, remembered in localStorage; or, with `fixed`, someone who is not
   * remembered and never asked for a name (the projector view watches under an id of its own).
   */
  constructor(fixed?: UserIdentity) {
    const stored = fixed
      ? { ...fixed, confirmed: true }
      : loadUserIdentity((number) => i18next.t('user.defaultName', { number: String(number) }))
    this.needsName = atom('needsName', !stored.confirmed)
    this.preferences = atom<TLUserPreferences>('userPreferences', {
      ...loadEditorSettings(),
      id: stored.id,
      name: stored.name,
      color: stored.color,
      locale: currentLanguage(),
    })
    this.tldrawUser = createTLCurrentUser({
      userPreferences: this.preferences,
      setUserPreferences: (next) => this.applyFromEditor(next),
    })
    this.record = computed('currentUserRecord', () => {
      const { id, name, color } = this.preferences.get()
      return UserRecordType.create({ id: createUserId(id), name: name ?? '', color: color ?? '' })
    })
    i18next.on('languageChanged', (language) => {
      if (this.preferences.get().locale !== language) {
        this.preferences.update((preferences) => ({ ...preferences, locale: language }))
      }
    })
  }

  get identity(): UserIdentity {
    const { id, name, color } = this.preferences.get()
    return { id, name: name ?? '', color: color ?? '' }
  }

  /** Sets name and colour from the name dialog and remembers them. */
  setIdentity(name: string, color: string): void {
    this.preferences.update((preferences) => ({ ...preferences, name, color }))
    saveUserIdentity(this.identity)
    this.needsName.set(false)
  }

  /** tldraw changed a preference through its own menus (for example its language menu). */
  private applyFromEditor(next: TLUserPreferences): void {
    const previous = this.preferences.get()
    this.preferences.set({ ...next, id: previous.id })
    saveEditorSettings(next)
    if (next.name !== previous.name || next.color !== previous.color) {
      saveUserIdentity(this.identity)
    }
    if (next.locale !== previous.locale && isLanguage(next.locale)) {
      setLanguage(next.locale)
    }
  }
}

let instance: CurrentUser | undefined

/** The one current user of this page, created on first use (after the language is known). */
export function getCurrentUser(): CurrentUser {
  instance ??= new CurrentUser()
  return instance
}
