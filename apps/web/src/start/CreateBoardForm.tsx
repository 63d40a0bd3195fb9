/**
 * The "Neues Board" form of the start page. It asks for the admin key only
 * where the server needs one (and also when the server answers 401, in case
 * the configuration changed while the page was open).
 */
import { MAX_TITLE_LENGTH, type CreatedBoard } from '@dorfplatz/protocol'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { createBoard } from '../api/apiClient.ts'

interface CreateBoardFormProps {
  adminTokenRequired: boolean
  onCreated: (board: CreatedBoard) => void
}

export function CreateBoardForm({ adminTokenRequired, onCreated }: CreateBoardFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const titleRef = useRef<HTMLInputElement>(null)
  const adminTokenRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [adminToken, setAdminToken] = useState('')
  const [askForAdminToken, setAskForAdminToken] = useState(false)
  const [titleError, setTitleError] = useState<string | null>(null)
  const [adminTokenError, setAdminTokenError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const showAdminToken = adminTokenRequired || askForAdminToken

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmedTitle = title.trim()
    const nextTitleError = trimmedTitle ? null : t('create.titleRequired')
    const nextAdminTokenError = showAdminToken && !adminToken.trim() ? t('create.adminTokenRequired') : null
    setTitleError(nextTitleError)
    setAdminTokenError(nextAdminTokenError)
    setSubmitError(null)
    if (nextTitleError) return titleRef.current?.focus()
    if (nextAdminTokenError) return adminTokenRef.current?.focus()

    setSubmitting(true)
    try {
      onCreated(await createBoard(trimmedTitle, showAdminToken ? adminToken.trim() : undefined))
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        setAskForAdminToken(true)
        setAdminTokenError(t('create.errorUnauthorized'))
        setSubmitError(`${t('create.errorPrefix')} ${t('create.errorUnauthorized')}`)
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
  const adminHintId = `${id}-admin-hint`
  const adminErrorId = `${id}-admin-error`

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

      {showAdminToken && (
        <div className="field">
          <label htmlFor={`${id}-admin`}>{t('create.adminTokenLabel')}</label>
          <input
            ref={adminTokenRef}
            id={`${id}-admin`}
            name="adminToken"
            type="password"
            data-testid="admin-token-input"
            value={adminToken}
            required
            autoComplete="off"
            aria-invalid={adminTokenError ? true : undefined}
            aria-describedby={[adminHintId, adminTokenError ? adminErrorId : ''].filter(Boolean).join(' ')}
            onChange={(event) => setAdminToken(event.target.value)}
          />
          <p id={adminHintId} className="field__hint">
            {t('create.adminTokenHint')}
          </p>
          {adminTokenError && (
            <p id={adminErrorId} className="field__error">
              {adminTokenError}
            </p>
          )}
        </div>
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="create-board-submit" disabled={submitting}>
          {submitting ? t('create.submitting') : t('create.submit')}
        </button>
      </div>
      <div className="form-error" role="alert" data-testid="create-board-error">
        {submitError}
      </div>
    </form>
  )
}
