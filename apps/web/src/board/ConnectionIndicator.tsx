/**
 * Shows whether this board is connected. The text is the state itself, so it
 * reads the same to everyone; the dot's colour only repeats it. Offline, it also says
 * where the changes go (on a phone only to screen readers, as there is no room).
 */
import { useTranslation } from 'react-i18next'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useBoardSnapshot } from '../kernel/useBoardSession.ts'

export function ConnectionIndicator() {
  const { t } = useTranslation()
  const { session, info } = useBoardContext()
  const { connection } = useBoardSnapshot(session)
  return (
    <div
      className="connection"
      data-testid="connection-state"
      data-state={connection}
      role="status"
      title={t('connection.label')}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">
        {t(`connection.${connection}`)}
        {connection === 'offline' && (
          <span className="connection__detail">
            {' – '}
            {t(info.role === 'viewer' ? 'connection.offlineDetailViewer' : 'connection.offlineDetail')}
          </span>
        )}
      </span>
    </div>
  )
}
