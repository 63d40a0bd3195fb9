/** The header of the pages outside the board: the product name and the language switch. */
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import './PageHeader.css'

export function PageHeader() {
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <a className="brand" href="/">
        <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" fill="currentColor" />
          <circle cx="16" cy="16" r="7" fill="none" stroke="#f4efe3" strokeWidth="3" />
          <circle cx="16" cy="16" r="2" fill="#e0a84a" />
        </svg>
        <span>{t('app.name')}</span>
      </a>
      <LanguageSwitch />
    </header>
  )
}
