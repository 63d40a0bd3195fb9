/** What a path outside the start page and the boards shows. */
import { useTranslation } from 'react-i18next'
import { PageHeader } from './PageHeader.tsx'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <PageHeader />
      <main id="main" className="page__main" tabIndex={-1}>
        <div className="card notice">
          <h1>{t('app.notFound')}</h1>
          <p>
            <a href="/">{t('app.backToStart')}</a>
          </p>
        </div>
      </main>
    </div>
  )
}
