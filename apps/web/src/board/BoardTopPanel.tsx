/**
 * The centre of tldraw's top bar: the board's title, the connection state,
 * for guests the read-only badge and for facilitators "Vorlage hinzufügen" and "Teilen".
 */
import { useTranslation } from 'react-i18next'
import { useBoardContext } from './BoardContext.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'

export function BoardTopPanel() {
  const { t } = useTranslation()
  const { info, addTemplate, share } = useBoardContext()
  return (
    <div className="board-top">
      <h1 className="board-top__title" title={info.title}>
        {info.title}
      </h1>
      <div className="board-top__status">
        <ConnectionIndicator />
        {info.role === 'viewer' && (
          <span className="badge badge--readonly" data-testid="readonly-badge" title={t('board.readonlyHint')}>
            {t('board.readonly')}
          </span>
        )}
      </div>
      {info.role === 'facilitator' && (
        <button
          type="button"
          className="button button--secondary button--small board-top__action"
          data-testid="share-button"
          aria-haspopup="dialog"
          title={t('share.buttonHint')}
          onClick={share}
        >
          <svg className="board-top__action-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
              <circle cx="12" cy="3.5" r="2" />
              <circle cx="4" cy="8" r="2" />
              <circle cx="12" cy="12.5" r="2" />
              <path d="M5.8 7 10.2 4.5M5.8 9l4.4 2.5" />
            </g>
          </svg>
          <span className="board-top__action-text">{t('share.button')}</span>
        </button>
      )}
      {info.role === 'facilitator' && (
        <button
          type="button"
          className="button button--secondary button--small board-top__action"
          data-testid="add-template-button"
          aria-haspopup="dialog"
          title={t('addTemplate.buttonHint')}
          onClick={addTemplate}
        >
          <svg className="board-top__action-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 2v12M2 8h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span className="board-top__action-text">{t('addTemplate.button')}</span>
        </button>
      )}
    </div>
  )
}
