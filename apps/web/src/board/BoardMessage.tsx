/**
 * A full page in place of the board: while it loads, or when it cannot be
 * shown (bad link, no such board, no server), with a way back to the start.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader.tsx'

interface BoardMessageProps {
  kind: 'loading' | 'error'
  title: string
  hint?: string
  /** Extra actions next to the link back to the start page. */
  actions?: ReactNode
}

export function BoardMessage({ kind, title, hint, actions }: BoardMessageProps) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <PageHeader />
      <main id="main" className="page__main" tabIndex={-1}>
        {kind === 'loading' ? (
          <div className="card notice notice--loading" role="status" data-testid="board-loading">
            <span className="spinner" aria-hidden="true" />
            <p className="notice__title">{title}</p>
          </div>
        ) : (
          <div className="card notice notice--error" role="alert" data-testid="board-error">
            <h1 className="notice__title">{title}</h1>
            {hint && <p>{hint}</p>}
            <div className="notice__actions">
              {actions}
              <a className="button button--secondary" href="/">
                {t('app.backToStart')}
              </a>
            </div>
          </div>
        )}
      </main>
    </div>
  )
}
