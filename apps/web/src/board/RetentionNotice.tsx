/**
 * For the facilitator, when the server is about to delete the board because nobody opened it
 * (DORFPLATZ_RETENTION_DAYS): when, and why. Opening the board has just started the period anew,
 * and the notice says so too.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../i18n/i18n.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'

const DAY_MS = 24 * 60 * 60_000

export function RetentionNotice() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { info } = useBoardContext()
  const [dismissed, setDismissed] = useState(false)
  const retention = info.retention
  if (!retention || dismissed || info.role !== 'facilitator') return null
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' })
  const days = Math.round((retention.deletesAt - retention.lastOpenedAt) / DAY_MS)
  return (
    <div className="retention-notice" role="status" data-testid="retention-notice">
      <p>
        {t('retention.warning', { deletesAt: date.format(retention.deletesAt), lastOpenedAt: date.format(retention.lastOpenedAt) })}{' '}
        {t('retention.renewed', { days })}
      </p>
      <button type="button" className="button button--quiet button--small" onClick={() => setDismissed(true)}>
        {t('retention.close')}
      </button>
    </div>
  )
}
