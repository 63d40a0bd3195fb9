/**
 * "Als Admin anmelden": where the server requires an admin key, the key is
 * entered once here and checked against the board list before it is kept
 * (for this tab only). Creating boards and the list of all boards use it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { listBoards } from '../api/apiClient.ts'

interface AdminLoginFormProps {
  /** Why the previous key is gone (rejected by the server), shown at the field. */
  error: string | null
  /** Focus moves into the field whenever this number grows (after signing out, a rejected or a missing key). */
  focusRequest: number
  onLogin: (adminToken: string) => void
}

export function AdminLoginForm({ error, focusRequest, onLogin }: AdminLoginFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [token, setToken] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(error)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus()
  }, [focusRequest])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmed = token.trim()
    setSubmitError(null)
    if (!trimmed) {
      setFieldError(t('admin.tokenRequired'))
      inputRef.current?.focus()
      return
    }
    setFieldError(null)
    setSubmitting(true)
    try {
      await listBoards(trimmed)
      onLogin(trimmed)
      return
    } catch (caught) {
      // 404: the server keeps no admin key at all; the key cannot be wrong, so keep it.
      if (caught instanceof ApiRequestError && caught.status === 404) {
        onLogin(trimmed)
        return
      }
      const message = apiErrorMessage(caught, t, { 401: t('admin.tokenWrong') })
      if (caught instanceof ApiRequestError && caught.status === 401) {
        setFieldError(message)
        inputRef.current?.focus()
      }
      setSubmitError(`${t('admin.loginErrorPrefix')} ${message}`)
    }
    setSubmitting(false)
  }

  const hintId = `${id}-hint`
  const errorId = `${id}-error`

  return (
    <form
      className="card admin-login"
      data-testid="admin-login-form"
      aria-labelledby={`${id}-heading`}
      aria-busy={submitting}
      noValidate
      onSubmit={submit}
    >
      <h2 id={`${id}-heading`}>{t('admin.loginHeading')}</h2>
      <p className="muted">{t('admin.loginIntro')}</p>
      <div className="admin-login__row">
        <div className="field admin-login__field">
          <label htmlFor={`${id}-token`}>{t('admin.tokenLabel')}</label>
          <input
            ref={inputRef}
            id={`${id}-token`}
            name="adminToken"
            type="password"
            data-testid="admin-token-input"
            value={token}
            required
            autoComplete="off"
            spellCheck={false}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={[hintId, fieldError ? errorId : ''].filter(Boolean).join(' ')}
            onChange={(event) => setToken(event.target.value)}
          />
          <p id={hintId} className="field__hint">
            {t('admin.tokenHint')}
          </p>
          {fieldError && (
            <p id={errorId} className="field__error">
              {fieldError}
            </p>
          )}
        </div>
        <button type="submit" className="button button--secondary" data-testid="admin-login-submit" disabled={submitting}>
          {submitting ? t('admin.loggingIn') : t('admin.login')}
        </button>
      </div>
      <div className="form-error" role="alert" data-testid="admin-login-error">
        {submitError}
      </div>
    </form>
  )
}
