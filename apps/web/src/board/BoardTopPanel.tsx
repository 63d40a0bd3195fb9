/**
 * The centre of tldraw's top bar: the board's title, the connection state,
 * for guests the read-only badge and for facilitators "Vorlage hinzufügen".
 */
import { useTranslation } from 'react-i18next'
import { useBoardContext } from './BoardContext.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'

export function BoardTopPanel() {
  const { t } = useTranslation()
  const { info, addTemplate } = useBoardContext()
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
          className="button button--secondary button--small board-top__add"
          data-testid="add-template-button"
          aria-haspopup="dialog"
          title={t('addTemplate.buttonHint')}
          onClick={addTemplate}
        >
          <svg className="board-top__add-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 2v12M2 8h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span className="board-top__add-text">{t('addTemplate.button')}</span>
        </button>
      )}
    </div>
  )
}
