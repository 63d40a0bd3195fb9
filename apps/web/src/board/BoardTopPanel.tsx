/**
 * The centre of tldraw's top bar: the board's title, the connection state
 * and, for guests, the read-only badge.
 */
import { useTranslation } from 'react-i18next'
import { useBoardContext } from './BoardContext.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'

export function BoardTopPanel() {
  const { t } = useTranslation()
  const { info } = useBoardContext()
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
    </div>
  )
}
