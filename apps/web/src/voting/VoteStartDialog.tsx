/**
 * "Abstimmung starten": a facilitator names the question, sets how many dots each person gets
 * and what can be voted on (all notes, one zone of a template on the board, or all of a template's zones). The server
 * opens the round in the board document, where everyone sees it through sync.
 */
import type { VotingRound } from '@dorfplatz/board'
import { MAX_DOTS_PER_PERSON, MAX_ROUND_TITLE_LENGTH } from '@dorfplatz/protocol'
import { votableNoteIds } from '@dorfplatz/templates'
import { useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { startVotingRound } from '../api/facilitationApi.ts'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { ALL_NOTES, parseScopeValue, scopeGroups } from '../kernel/scopeOptions.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'
import './voting.css'

/** What most dot votings use: enough to weigh, few enough to force a choice. */
const DEFAULT_DOTS_PER_PERSON = 3

interface VoteStartDialogProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  session: BoardSession
  onStarted: (round: VotingRound) => void
  onCancel: () => void
}

function parseDots(value: string): number | null {
  const dots = Number(value)
  return Number.isInteger(dots) && dots >= 1 && dots <= MAX_DOTS_PER_PERSON ? dots : null
}

export function VoteStartDialog({ boardId, token, session, onStarted, onCancel }: VoteStartDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const titleRef = useRef<HTMLInputElement>(null)
  const dotsRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [dots, setDots] = useState(String(DEFAULT_DOTS_PER_PERSON))
  const [scope, setScope] = useState(ALL_NOTES)
  const [titleError, setTitleError] = useState<string | null>(null)
  const [dotsError, setDotsError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const instances = useTemplateInstances(session)
  // Starting another round fails until the open one is revealed; the dialog says so up front.
  const openRound = useFacilitation(session).activeRound

  // The frames still on the board, and how many notes each choice covers now: counted once, not
  // on every keystroke in the title (each count walks every note on the board).
  const { groups, noteCount } = useMemo(() => {
    const byId = new Map<string, unknown>()
    for (const record of session.store.allRecords()) if (record.typeName === 'shape') byId.set(record.id, record)
    const placed = instances.filter((instance) => byId.has(instance.frameId))
    const groups = scopeGroups(placed, language)
    const counts = new Map<string, number>([[ALL_NOTES, votableNoteIds(byId, placed, { kind: 'all' }).length]])
    for (const group of groups) {
      counts.set(group.value, votableNoteIds(byId, placed, { kind: 'template', instanceId: group.instanceId }).length)
      for (const zone of group.zones) counts.set(zone.value, votableNoteIds(byId, placed, zone.scope).length)
    }
    return { groups, noteCount: (value: string) => counts.get(value) ?? 0 }
  }, [session, instances, language])

  const dialogOptions: ModalDialogOptions = { onOpen: () => titleRef.current?.focus() }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setSubmitError(null)
    const trimmed = title.trim()
    const dotsPerPerson = parseDots(dots)
    setTitleError(trimmed ? null : t('voteStart.titleRequired'))
    setDotsError(dotsPerPerson === null ? t('voteStart.dotsInvalid', { max: MAX_DOTS_PER_PERSON }) : null)
    if (!trimmed || dotsPerPerson === null) {
      ;(trimmed ? dotsRef : titleRef).current?.focus()
      return
    }
    setSubmitting(true)
    try {
      const round = await startVotingRound(boardId, token, {
        title: trimmed,
        dotsPerPerson,
        scope: parseScopeValue(scope) ?? { kind: 'all' },
      })
      onStarted(round)
    } catch (error) {
      const reason = apiErrorMessage(error, t, {
        401: t('voteStart.errorUnauthorized'),
        403: t('voteStart.errorForbidden'),
        404: t('voteStart.errorNotFound'),
        409: t('voteStart.errorAlreadyOpen'),
        422: t('voteStart.errorScopeGone'),
      })
      setSubmitError(`${t('voteStart.errorPrefix')} ${reason}`)
      setSubmitting(false)
    }
  }

  return (
    <ModalDialog
      {...dialogOptions}
      title={t('voteStart.title')}
      intro={t('voteStart.intro')}
      testId="vote-dialog"
      busy={submitting}
      onSubmit={submit}
      // The request cannot be taken back; wait for its answer instead of hiding it.
      onEscape={() => {
        if (!submitting) onCancel()
      }}
    >
      {openRound && (
        <p className="vote-start__open" data-testid="vote-start-open">
          {t('voteStart.alreadyOpen', { title: openRound.title })}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-name`}>{t('voteStart.titleLabel')}</label>
        <input
          ref={titleRef}
          id={`${id}-name`}
          type="text"
          data-testid="vote-title-input"
          value={title}
          maxLength={MAX_ROUND_TITLE_LENGTH}
          required
          autoComplete="off"
          placeholder={t('voteStart.titlePlaceholder')}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-name-error` : undefined}
          onChange={(event) => {
            setTitle(event.target.value)
            setTitleError(null)
          }}
        />
        {titleError && (
          <p id={`${id}-name-error`} className="field__error">
            {titleError}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${id}-dots`}>{t('voteStart.dotsLabel')}</label>
        <input
          ref={dotsRef}
          id={`${id}-dots`}
          className="vote-start__dots"
          type="number"
          inputMode="numeric"
          data-testid="vote-dots-input"
          value={dots}
          min={1}
          max={MAX_DOTS_PER_PERSON}
          step={1}
          required
          aria-invalid={dotsError ? true : undefined}
          aria-describedby={`${id}-dots-hint${dotsError ? ` ${id}-dots-error` : ''}`}
          onChange={(event) => {
            setDots(event.target.value)
            setDotsError(null)
          }}
        />
        <p id={`${id}-dots-hint`} className="field__hint">
          {t('voteStart.dotsHint', { max: MAX_DOTS_PER_PERSON })}
        </p>
        {dotsError && (
          <p id={`${id}-dots-error`} className="field__error">
            {dotsError}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('voteStart.scopeLabel')}</label>
        <select
          id={`${id}-scope`}
          data-testid="vote-scope-select"
          value={scope}
          aria-describedby={`${id}-scope-hint`}
          onChange={(event) => setScope(event.target.value)}
        >
          <option value={ALL_NOTES}>{t('voteStart.scopeAll', { count: noteCount(ALL_NOTES) })}</option>
          {groups.map((group) => (
            <optgroup key={group.instanceId} label={group.name}>
              <option value={group.value}>
                {t('voteStart.scopeTemplate', { name: group.name, count: noteCount(group.value) })}
              </option>
              {group.zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {t('voteStart.scopeZone', { name: zone.name, count: noteCount(zone.value) })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={`${id}-scope-hint`} className="field__hint">
          {groups.length > 0 ? t('voteStart.scopeHint') : t('voteStart.scopeHintNoTemplates')}
        </p>
      </div>

      <div className="form-error" role="alert" data-testid="vote-start-error">
        {submitError}
      </div>
      <SubmitActions
        busy={submitting}
        cancelLabel={t('voteStart.cancel')}
        submitLabel={t('voteStart.submit')}
        busyLabel={t('voteStart.submitting')}
        submitTestId="vote-start-submit"
        onCancel={onCancel}
      />
    </ModalDialog>
  )
}
