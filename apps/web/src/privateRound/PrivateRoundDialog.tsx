/**
 * "Stilles Brainstorming starten": a facilitator names the question, chooses where notes are
 * private (all of the board, one template or one of its zones), optionally a time (the board's
 * timer starts with it) and whether the revealed notes show who wrote them.
 */
import { MAX_ROUND_TITLE_LENGTH, MAX_TIMER_MS } from '@dorfplatz/protocol'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { openPrivateRound } from '../api/facilitationApi.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { ALL_NOTES, parseScopeValue, scopeGroups } from '../kernel/scopeOptions.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { useLanguage } from '../i18n/i18n.ts'
import './privateRound.css'

const MAX_MINUTES = MAX_TIMER_MS / 60_000

interface PrivateRoundDialogProps {
  boardId: string
  token: string
  session: BoardSession
  onStarted: () => void
  onCancel: () => void
}

/** Whole minutes from 1 to the timer's longest, or null; an empty field means no time. */
function parseMinutes(value: string): number | null | 'none' {
  if (value.trim() === '') return 'none'
  const minutes = Number(value)
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MINUTES ? minutes : null
}

export function PrivateRoundDialog({ boardId, token, session, onStarted, onCancel }: PrivateRoundDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const titleRef = useRef<HTMLInputElement>(null)
  const minutesRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [scope, setScope] = useState(ALL_NOTES)
  const [minutes, setMinutes] = useState('10')
  const [showAuthors, setShowAuthors] = useState(true)
  const [titleError, setTitleError] = useState<string | null>(null)
  const [minutesError, setMinutesError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const instances = useTemplateInstances(session)
  const open = useFacilitation(session).privateRound
  const groups = scopeGroups(
    instances.filter((instance) => session.store.has(instance.frameId as never)),
    language,
  )

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setSubmitError(null)
    const trimmed = title.trim()
    const parsedMinutes = parseMinutes(minutes)
    setTitleError(trimmed ? null : t('privateRound.titleRequired'))
    setMinutesError(parsedMinutes === null ? t('privateRound.minutesInvalid', { max: MAX_MINUTES }) : null)
    if (!trimmed || parsedMinutes === null) {
      ;(trimmed ? minutesRef : titleRef).current?.focus()
      return
    }
    setSubmitting(true)
    try {
      await openPrivateRound(boardId, token, {
        title: trimmed,
        scope: parseScopeValue(scope) ?? { kind: 'all' },
        showAuthors,
        name: session.user.identity.name,
        ...(parsedMinutes === 'none' ? {} : { durationMs: parsedMinutes * 60_000 }),
      })
      onStarted()
    } catch (error) {
      const reason = apiErrorMessage(error, t, {
        401: t('voteStart.errorUnauthorized'),
        403: t('privateRound.errorForbidden'),
        404: t('voteStart.errorNotFound'),
        409: t('privateRound.errorAlreadyOpen'),
        422: t('voteStart.errorScopeGone'),
      })
      setSubmitError(`${t('privateRound.errorPrefix')} ${reason}`)
      setSubmitting(false)
    }
  }

  return (
    <ModalDialog
      onOpen={() => titleRef.current?.focus()}
      title={t('privateRound.dialogTitle')}
      intro={t('privateRound.intro')}
      testId="private-round-dialog"
      busy={submitting}
      onSubmit={submit}
      onEscape={() => {
        if (!submitting) onCancel()
      }}
    >
      {open && <p className="private-round__open">{t('privateRound.alreadyOpen', { title: open.title })}</p>}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('privateRound.titleLabel')}</label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          type="text"
          data-testid="private-round-title"
          value={title}
          maxLength={MAX_ROUND_TITLE_LENGTH}
          required
          autoComplete="off"
          placeholder={t('privateRound.titlePlaceholder')}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
          onChange={(event) => {
            setTitle(event.target.value)
            setTitleError(null)
          }}
        />
        {titleError && (
          <p id={`${id}-title-error`} className="field__error">
            {titleError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('privateRound.scopeLabel')}</label>
        <select id={`${id}-scope`} data-testid="private-round-scope" value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value={ALL_NOTES}>{t('privateRound.scopeAll')}</option>
          {groups.map((group) => (
            <optgroup key={group.instanceId} label={group.name}>
              <option value={group.value}>{t('privateRound.scopeTemplate', { name: group.name })}</option>
              {group.zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {zone.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t('privateRound.minutesLabel')}</label>
        <input
          ref={minutesRef}
          id={`${id}-minutes`}
          className="private-round__minutes"
          type="number"
          inputMode="numeric"
          data-testid="private-round-minutes"
          value={minutes}
          min={1}
          max={MAX_MINUTES}
          step={1}
          aria-invalid={minutesError ? true : undefined}
          aria-describedby={`${id}-minutes-hint${minutesError ? ` ${id}-minutes-error` : ''}`}
          onChange={(event) => {
            setMinutes(event.target.value)
            setMinutesError(null)
          }}
        />
        <p id={`${id}-minutes-hint`} className="field__hint">
          {t('privateRound.minutesHint')}
        </p>
        {minutesError && (
          <p id={`${id}-minutes-error`} className="field__error">
            {minutesError}
          </p>
        )}
      </div>
      <label className="private-round__authors">
        <input type="checkbox" data-testid="private-round-authors" checked={showAuthors} onChange={(event) => setShowAuthors(event.target.checked)} />{' '}
        {t('privateRound.showAuthors')}
      </label>
      <div className="form-error" role="alert" data-testid="private-round-error">
        {submitError}
      </div>
      <SubmitActions
        busy={submitting}
        cancelLabel={t('privateRound.cancel')}
        submitLabel={t('privateRound.submit')}
        busyLabel={t('privateRound.submitting')}
        submitTestId="private-round-submit"
        onCancel={onCancel}
      />
    </ModalDialog>
  )
}
