/**
 * The run-sheet's place in the facilitator's moderation bar: "Ablauf" opens the editor, and
 * "Nächster Schritt" ends the running step and begins the next, through the server. The click
 * names the step this screen shows as running, so a double click or a second facilitator never
 * skips a step: the server refuses the stale one (409), and this bar says so.
 */
import { MAX_DISPLAY_NAME_LENGTH } from '@dorfplatz/protocol'
import { currentStep, nextPlannedStep, readTemplateInstances, type RunSheetStep } from '@dorfplatz/board'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createUserId, useEditor, useValue, type Editor, type TLPageId } from 'tldraw'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { goToNextStep } from '../api/runSheetApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { pageSlides } from '../kernel/templateFrames.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import './runSheet.css'

/** The page a step presents: its template's page, else the page the facilitator is on. */
function presentingPage(editor: Editor, session: BoardSession, step: RunSheetStep): TLPageId {
  if (step.place.kind !== 'all') {
    const instanceId = step.place.instanceId
    const instance = readTemplateInstances(session.doc).find((candidate) => candidate.instanceId === instanceId)
    const frame = instance ? editor.getShape(instance.frameId as never) : undefined
    if (frame) return editor.getAncestorPageId(frame) ?? editor.getCurrentPageId()
  }
  return editor.getCurrentPageId()
}

export function RunSheetControls() {
  const { t } = useTranslation()
  const editor = useEditor()
  const { info, token, session, user, openRunSheet } = useBoardContext()
  const sheet = useFacilitation(session).runSheet
  const self = useValue('dorfplatz.self', () => user.preferences.get(), [user])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const running = currentStep(sheet)
  const next = nextPlannedStep(sheet)
  const canGoOn = running !== null || next !== null

  async function goOn() {
    if (busy || !canGoOn) return
    setBusy(true)
    setError(null)
    const presenting = next?.actions.some((action) => action.kind === 'presenting')
      ? (() => {
          const pageId = presentingPage(editor, session, next)
          return { pageId, slides: pageSlides(editor, pageId) }
        })()
      : undefined
    try {
      await goToNextStep(info.id, token, {
        expectedStepId: running?.id ?? null,
        userId: createUserId(self.id),
        name: (self.name ?? '').trim().slice(0, MAX_DISPLAY_NAME_LENGTH),
        ...(presenting && presenting.slides.length > 0 ? { presenting } : {}),
      })
    } catch (caught) {
      if (caught instanceof ApiRequestError && caught.status === 409 && /voting round/i.test(caught.message)) setError(t('runSheet.nextRoundOpen'))
      else if (caught instanceof ApiRequestError && caught.status === 409) setError(t('runSheet.nextStale'))
      else setError(`${t('runSheet.errorPrefix')} ${apiErrorMessage(caught, t, { 422: t('runSheet.nextInvalid') })}`)
    } finally {
      setBusy(false)
    }
  }

  const nextHint = next ? t('runSheet.nextHint', { title: next.title }) : running ? t('runSheet.nextHintEnd') : t('runSheet.nextHintNone')
  return (
    <>
      <button
        type="button"
        className="moderation__button moderation__button--session"
        data-testid="runsheet-button"
        aria-haspopup="dialog"
        title={t('runSheet.openHint')}
        onClick={openRunSheet}
      >
        <svg className="moderation__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2.5 3.5h1M6 3.5h7.5M2.5 8h1M6 8h7.5M2.5 12.5h1M6 12.5h7.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <span className="moderation__text">{t('runSheet.open')}</span>
      </button>
      <button
        type="button"
        className="moderation__button moderation__button--session"
        data-testid="next-step-button"
        aria-disabled={busy || !canGoOn || undefined}
        title={nextHint}
        onClick={() => void goOn()}
      >
        <svg className="moderation__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M3 3l5 5-5 5M9 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="moderation__text">{t('runSheet.next')}</span>
      </button>
      {error && (
        <span className="runsheet__error" role="alert" data-testid="next-step-error">
          {error}
        </span>
      )}
    </>
  )
}
