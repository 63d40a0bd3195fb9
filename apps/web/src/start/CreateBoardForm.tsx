/**
 * The "Neues Board" form of the start page: a title and the workshop
 * templates to start with. Where the server needs the admin key, the form
 * uses the one this tab signed in with (see AdminLoginForm); a 401 on submit,
 * for a key changed on the server, sends the user back to the login.
 */
import { MAX_TITLE_LENGTH, type CreatedBoard } from '@dorfplatz/protocol'
import type { BoardTemplateId } from '@dorfplatz/templates'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { createBoard } from '../api/apiClient.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { listOwnTemplates, type OwnTemplateSummary } from '../api/ownTemplatesApi.ts'
import { loadRecentBoards } from '../storage/recentBoards.ts'
import { offeredTemplateIds, TemplateOptions } from '../templates/TemplateOptions.tsx'

interface CreateBoardFormProps {
  adminTokenRequired: boolean
  /** The admin key this tab signed in with, or null. */
  adminToken: string | null
  /** The server needs a key and there is none: the login form should take the focus. */
  onAdminTokenMissing: () => void
  /** The server refused the key. */
  onAdminTokenRejected: () => void
  onCreated: (board: CreatedBoard) => void
}

export function CreateBoardForm({
  adminTokenRequired,
  adminToken,
  onAdminTokenMissing,
  onAdminTokenRejected,
  onCreated,
}: CreateBoardFormProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const titleRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [chosenTemplates, setChosenTemplates] = useState<ReadonlySet<BoardTemplateId>>(() => new Set())
  const [ownTemplates, setOwnTemplates] = useState<readonly OwnTemplateSummary[]>([])

  // This installation's own templates: any board link this browser knows lets it list them (or
  // the admin key; without one configured, no token is needed). None to show is no error.
  useEffect(() => {
    let current = true
    const token = adminToken ?? loadRecentBoards()[0]?.token
    listOwnTemplates(token ?? undefined).then(
      (templates) => current && setOwnTemplates(templates),
      () => current && setOwnTemplates([]),
    )
    return () => {
      current = false
    }
  }, [adminToken])
  const [titleError, setTitleError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  // Kept apart from submitError: it answers itself once the admin has signed in.
  const [askedToSignIn, setAskedToSignIn] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const needsAdminLogin = adminTokenRequired && !adminToken

  function toggleTemplate(templateId: BoardTemplateId, chosen: boolean) {
    setChosenTemplates((previous) => {
      const next = new Set(previous)
      if (chosen) next.add(templateId)
      else next.delete(templateId)
      return next
    })
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmedTitle = title.trim()
    const nextTitleError = trimmedTitle ? null : t('create.titleRequired')
    setTitleError(nextTitleError)
    setSubmitError(null)
    setAskedToSignIn(false)
    if (nextTitleError) return titleRef.current?.focus()
    if (needsAdminLogin) {
      setAskedToSignIn(true)
      return onAdminTokenMissing()
    }

    setSubmitting(true)
    try {
      onCreated(
        await createBoard({
          title: trimmedTitle,
          // In the order the lobby shows them, which is the order they appear side by side.
          templates: offeredTemplateIds(ownTemplates).filter((templateId) => chosenTemplates.has(templateId)),
          locale: language,
          adminToken: adminToken ?? undefined,
        }),
      )
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        setSubmitError(`${t('create.errorPrefix')} ${t('create.errorUnauthorized')}`)
        onAdminTokenRejected()
      } else if (error instanceof ApiRequestError && error.status === 429) {
        // The server limits how many boards one address creates; say when it takes new ones again.
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60))
        setSubmitError(`${t('create.errorPrefix')} ${t('create.errorTooMany', { count: minutes })}`)
      } else if (error instanceof ApiRequestError && error.isNetworkError) {
        setSubmitError(`${t('create.errorPrefix')} ${t('errors.network')}`)
      } else {
        const message =
          error instanceof ApiRequestError && error.message
            ? error.message
            : t('errors.unexpected', { status: error instanceof ApiRequestError ? error.status : '?' })
        setSubmitError(`${t('create.errorPrefix')} ${message}`)
      }
    } finally {
      setSubmitting(false)
    }
  }

  const titleHintId = `${id}-title-hint`
  const titleErrorId = `${id}-title-error`

  return (
    <form
      className="card create-form"
      data-testid="create-board-form"
      aria-labelledby={`${id}-heading`}
      aria-busy={submitting}
      noValidate
      onSubmit={submit}
    >
      <h2 id={`${id}-heading`}>{t('create.heading')}</h2>
      <p className="muted">{t('create.intro')}</p>

      <div className="field">
        <label htmlFor={`${id}-title`}>{t('create.titleLabel')}</label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          name="title"
          type="text"
          data-testid="board-title-input"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          required
          autoComplete="off"
          placeholder={t('create.titlePlaceholder')}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={[titleHintId, titleError ? titleErrorId : ''].filter(Boolean).join(' ')}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id={titleHintId} className="field__hint">
          {t('create.titleHint', { max: MAX_TITLE_LENGTH })}
        </p>
        {titleError && (
          <p id={titleErrorId} className="field__error">
            {titleError}
          </p>
        )}
      </div>

      <fieldset className="field template-field" aria-describedby={`${id}-templates-hint ${id}-templates-count`}>
        <legend>{t('create.templatesLegend')}</legend>
        <p id={`${id}-templates-hint`} className="field__hint">
          {t('create.templatesHint')}
        </p>
        <TemplateOptions
          type="checkbox"
          isChosen={(templateId) => chosenTemplates.has(templateId)}
          onToggle={toggleTemplate}
          ownTemplates={ownTemplates}
        />
        <p id={`${id}-templates-count`} className="field__hint template-field__count">
          {chosenTemplates.size === 0
            ? t('create.templatesNone')
            : t('create.templatesChosen', { count: chosenTemplates.size })}
        </p>
      </fieldset>

      {needsAdminLogin && !askedToSignIn && (
        <p className="field__hint create-form__admin-hint">{t('create.adminLoginFirst')}</p>
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="create-board-submit" disabled={submitting}>
          {submitting ? t('create.submitting') : t('create.submit')}
        </button>
      </div>
      <div className="form-error" role="alert" data-testid="create-board-error">
        {submitError ?? (askedToSignIn && needsAdminLogin ? `${t('create.errorPrefix')} ${t('create.adminLoginFirst')}` : null)}
      </div>
    </form>
  )
}
