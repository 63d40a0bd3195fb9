/**
 * The session timer in the top panel, for everyone while a timer exists: the time left on the
 * server's clock, "pausiert" while paused, "Die Zeit ist um" at zero. Not a live region (it
 * would speak every second); the end is announced once by the session overlay.
 */
import { useTranslation } from 'react-i18next'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { SessionIcon, TimerIcon } from './sessionIcons.tsx'
import { formatCountdown } from './timerView.ts'
import { useTimerView } from './useTimerView.ts'
import './session.css'

export function TimerDisplay() {
  const { t } = useTranslation()
  const { session } = useBoardContext()
  const { timer } = useFacilitation(session)
  const view = useTimerView(timer)
  if (!view) return null
  const time = formatCountdown(view.remainingSeconds)
  return (
    <div
      className="timer-display"
      role="timer"
      aria-label={t('timer.label')}
      data-testid="timer-display"
      data-status={view.status}
      data-remaining-seconds={view.remainingSeconds}
    >
      <SessionIcon className="timer-display__icon">
        <TimerIcon />
      </SessionIcon>
      <span className="timer-display__time">{time}</span>
      {view.status === 'paused' && <span className="timer-display__state">{t('timer.paused')}</span>}
      {view.status === 'ended' && <span className="timer-display__state">{t('timer.ended')}</span>}
    </div>
  )
}
