/**
 * "Timer": the facilitator starts a countdown for everyone (presets or any length), and
 * while one exists pauses, resumes, extends or stops it. The dialog stays open after each
 * step and shows the countdown as everyone sees it, so the next step (pause, +1 minute) is
 * at hand; Escape or "Schließen" close it. A native modal <dialog> keeps focus inside and
 * hands it back on close.
 */
import type { TimerCommand } from '@dorfplatz/protocol'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { sendTimerCommand } from '../api/facilitationApi.ts'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { MAX_TIMER_MINUTES, parseTimerMinutes } from './timerMinutes.ts'
import { formatCountdown } from './timerView.ts'
import { useSessionCommand } from './useSessionCommand.ts'
import { useTimerView } from './useTimerView.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import './session.css'

const PRESET_MINUTES = [3, 5, 10, 15] as const
const ONE_MINUTE_MS = 60_000
const DEFAULT_MINUTES = '5'

interface TimerDialogProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  session: BoardSession
  onClose: () => void
}

export function TimerDialog({ boardId, token, session, onClose }: TimerDialogProps) {
  const { t } = useTranslation()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const { timer } = useFacilitation(session)
  const view = useTimerView(timer)
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES)
  const [inputError, setInputError] = useState<string | null>(null)
  const { busy, error, run } = useSessionCommand()

  function send(command: TimerCommand): Promise<boolean> {
    return run(command.action, t('timer.errorPrefix'), () => sendTimerCommand(boardId, token, command))
  }

  function start(durationMs: number) {
    void send({ action: 'start', durationMs })
  }

  async function stop() {
    // The controls go once the timer is gone; the focus moves on to starting a new one.
    if (await send({ action: 'stop' })) inputRef.current?.focus()
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const durationMs = parseTimerMinutes(minutes)
    if (durationMs === null) {
      setInputError(t('timer.minutesInvalid', { max: MAX_TIMER_MINUTES }))
      inputRef.current?.focus()
      return
    }
    start(durationMs)
  }

  const isBusy = busy !== null
  const hintId = `${id}-hint`
  const inputErrorId = `${id}-input-error`

  return (
    <ModalDialog
      title={t('timer.title')}
      intro={t('timer.intro')}
      testId="timer-dialog"
      busy={isBusy}
      onEscape={onClose}
    >
      {timer && view && (
        <section className="timer-current" aria-labelledby={`${id}-current`}>
          <h3 id={`${id}-current`} className="timer-current__title">
            {t('timer.current')}
          </h3>
          <p className="timer-current__time" data-status={view.status}>
            <span className="timer-current__digits">{formatCountdown(view.remainingSeconds)}</span>{' '}
            <span className="timer-current__state">
              {view.status === 'running' ? t('timer.running') : view.status === 'paused' ? t('timer.paused') : t('timer.ended')}
            </span>
          </p>
          <div className="timer-current__actions">
            {/* One button that turns from pause into resume, so that it keeps the focus. */}
            {view.status !== 'ended' && (
              <button
                type="button"
                className="button button--secondary button--small"
                data-testid={view.status === 'running' ? 'timer-pause' : 'timer-resume'}
                aria-disabled={isBusy}
                onClick={() => void send({ action: view.status === 'running' ? 'pause' : 'resume' })}
              >
                {view.status === 'running' ? t('timer.pause') : t('timer.resume')}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary button--small"
              data-testid="timer-add-minute"
              aria-disabled={isBusy}
              onClick={() => void send({ action: 'add', ms: ONE_MINUTE_MS })}
            >
              {t('timer.addMinute')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              data-testid="timer-stop"
              aria-disabled={isBusy}
              onClick={() => void stop()}
            >
              {t('timer.stop')}
            </button>
          </div>
        </section>
      )}

      <form className="timer-start" noValidate onSubmit={submit} aria-labelledby={`${id}-start`}>
        <h3 id={`${id}-start`} className="timer-start__title">
          {timer ? t('timer.startNew') : t('timer.startTitle')}
        </h3>
        <div className="timer-presets" role="group" aria-label={t('timer.presetsLabel')}>
          {PRESET_MINUTES.map((preset) => (
            <button
              key={preset}
              type="button"
              className="button button--secondary timer-presets__button"
              data-testid={`timer-preset-${preset}`}
              title={t('timer.presetLabel', { minutes: preset })}
              aria-disabled={isBusy}
              onClick={() => start(preset * ONE_MINUTE_MS)}
            >
              {t('timer.preset', { minutes: preset })}
            </button>
          ))}
        </div>
        <div className="field timer-start__field">
          <label htmlFor={`${id}-minutes`}>{t('timer.minutesLabel')}</label>
          <div className="timer-start__row">
            <input
              ref={inputRef}
              id={`${id}-minutes`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              data-testid="timer-minutes-input"
              value={minutes}
              aria-invalid={inputError ? true : undefined}
              aria-describedby={inputError ? `${hintId} ${inputErrorId}` : hintId}
              onChange={(event) => {
                setMinutes(event.target.value)
                setInputError(null)
              }}
            />
            <button type="submit" className="button button--primary" data-testid="timer-start" aria-disabled={isBusy}>
              {t('timer.start')}
            </button>
          </div>
          <p id={hintId} className="field__hint">
            {t('timer.minutesHint', { max: MAX_TIMER_MINUTES })}
          </p>
          {inputError && (
            <p id={inputErrorId} className="field__error">
              {inputError}
            </p>
          )}
        </div>
      </form>

      <div className="form-error" role="alert" data-testid="timer-error">
        {error}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" data-testid="timer-close" onClick={onClose}>
          {t('timer.close')}
        </button>
      </div>
    </ModalDialog>
  )
}
