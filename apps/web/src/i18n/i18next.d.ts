/** Types i18next's `t` against the German texts, so a misspelt key fails the typecheck. */
import 'i18next'
import type { Messages } from './de.ts'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
    returnNull: false
  }
}
