/**
 * The language switch of every page: one button that names the other language
 * in that language, as people look for "English" or "Deutsch", not for a flag
 * (on a phone's board only its code, "EN" or "DE", shows; the name stays its label).
 */
import { useTranslation } from 'react-i18next'
import { nextLanguage, setLanguage, useLanguage } from '../i18n/i18n.ts'
import './LanguageSwitch.css'

export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const other = nextLanguage(language)
  return (
    <button
      type="button"
      className={['language-switch', className].filter(Boolean).join(' ')}
      data-testid="language-switch"
      data-language={language}
      lang={other}
      title={t('language.switchTitle')}
      onClick={() => setLanguage(other)}
    >
      <span className="language-switch__name">{t('language.switchTo')}</span>
      {/* Where there is no room for the name (a phone's top bar): the language's code. */}
      <span className="language-switch__code" aria-hidden="true">
        {other.toUpperCase()}
      </span>
    </button>
  )
}
