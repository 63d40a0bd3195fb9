/**
 * The agenda beside the board, for everyone: the day's steps in order, the running one
 * highlighted with its time left by the server's clock, and what comes next. It reads the
 * run-sheet from the board document, so a late joiner or a reload sees the same. It can be
 * folded away; the browser remembers that.
 */
import type { RunSheetStep } from '@dorfplatz/board'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { getServerClock } from '../kernel/serverClock.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { agendaView, formatDuration } from './agenda.ts'
import './runSheet.css'

const FOLDED_KEY = 'agendaFolded'

/** The server's time, read again every second while `active` (the countdown of the running step). */
function useServerNow(active: boolean): number {
  const clock = getServerClock()
  const [, setTick] = useState(0)
  useEffect(() => {
    if (!active) return
    const handle = window.setInterval(() => setTick((tick) => tick + 1), 1000)
    return () => window.clearInterval(handle)
  }, [active])
  return clock.now()
}

export function AgendaPanel() {
  const { t } = useTranslation()
  const { session, announce } = useBoardContext()
  const sheet = useFacilitation(session).runSheet
  const [folded, setFolded] = useState(() => readLocal(FOLDED_KEY) === true)
  const listId = useId()
  const running = sheet.steps.some((step) => step.status === 'current')
  const now = useServerNow(running && !folded)
  const view = agendaView(sheet, now)
  const currentId = view.current?.id ?? null
  const currentTitle = view.current?.title ?? null

  // Everyone is told when a step begins, once, also with the panel folded.
  const announcedId = useRef(currentId)
  useEffect(() => {
    if (currentId === announcedId.current) return
    announcedId.current = currentId
    if (currentId !== null && currentTitle !== null) announce(t('runSheet.startedAnnouncement', { title: currentTitle }))
  }, [currentId, currentTitle, announce, t])

  if (view.phase === 'empty') return null

  const toggle = () => {
    writeLocal(FOLDED_KEY, !folded)
    setFolded(!folded)
  }

  return (
    <aside className={folded ? 'agenda agenda--folded' : 'agenda'} aria-label={t('runSheet.panelLabel')} data-testid="agenda-panel">
      <div className="agenda__head">
        <h2 className="agenda__title">{t('runSheet.panelLabel')}</h2>
        {view.current && view.remainingMs !== null && (
          <span className={view.remainingMs < 0 ? 'agenda__time agenda__time--over' : 'agenda__time'} data-testid="agenda-time-left">
            {view.remainingMs < 0
              ? t('runSheet.overtime', { time: formatDuration(view.remainingMs) })
              : t('runSheet.timeLeft', { time: formatDuration(view.remainingMs) })}
          </span>
        )}
        <button
          type="button"
          className="agenda__fold"
          aria-expanded={!folded}
          aria-controls={listId}
          data-testid="agenda-fold"
          title={folded ? t('runSheet.panelShow') : t('runSheet.panelHide')}
          onClick={toggle}
        >
          <span className="visually-hidden">{folded ? t('runSheet.panelShow') : t('runSheet.panelHide')}</span>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={folded ? 'M4 6l4 4 4-4' : 'M4 10l4-4 4 4'} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <div id={listId} hidden={folded}>
        {view.phase === 'not-started' && <p className="agenda__note">{t('runSheet.notStarted')}</p>}
        {view.phase === 'finished' && <p className="agenda__note">{t('runSheet.finished')}</p>}
        <ol className="agenda__steps">
          {sheet.steps.map((step) => (
            <AgendaStep key={step.id} step={step} />
          ))}
        </ol>
        {view.current && (
          <p className="agenda__next" data-testid="agenda-next">
            {view.next ? t('runSheet.upNext', { title: view.next.title }) : t('runSheet.lastStep')}
          </p>
        )}
      </div>
    </aside>
  )
}

function AgendaStep({ step }: { step: RunSheetStep }) {
  const { t } = useTranslation()
  const current = step.status === 'current'
  return (
    <li className={`agenda__step agenda__step--${step.status}`} aria-current={current ? 'step' : undefined} data-testid="agenda-step" data-status={step.status}>
      <span className="agenda__step-title">{step.title}</span>
      <span className="agenda__step-meta">
        {t('runSheet.minutes', { count: step.durationMinutes })}
        {step.status !== 'planned' && ` · ${current ? t('runSheet.now') : t(`runSheet.status.${step.status}`)}`}
      </span>
    </li>
  )
}
