/**
 * "Neuen Moderationslink erzeugen" for one board of the admin list. Replacing
 * the link locks out whoever holds the old one, so it takes a second,
 * explained step; the new link is then shown to open or copy, and stored in
 * this browser like a board it opened.
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { rotateFacilitatorLink, type BoardSummary, type RotatedLink } from '../api/apiClient.ts'
import { CopyButton } from '../components/CopyButton.tsx'
import { useConfirmSteps } from '../components/useConfirmSteps.ts'
import { rememberBoard } from '../storage/recentBoards.ts'

interface RotateFacilitatorLinkProps {
  board: BoardSummary
  adminToken: string
  onRejected: () => void
  onRotated: () => void
}

type RotateState =
  | { step: 'idle' }
  | { step: 'confirming' }
  | { step: 'rotating' }
  | { step: 'failed'; error: unknown }
  | { step: 'done'; rotated: RotatedLink }

export function RotateFacilitatorLink({ board, adminToken, onRejected, onRotated }: RotateFacilitatorLinkProps) {
  const { t } = useTranslation()
  const id = useId()
  const { state, go, startRef, confirmRef, linkRef } = useConfirmSteps<RotateState>({ step: 'idle' })

  async function rotate() {
    go({ step: 'rotating' })
    try {
      const rotated = await rotateFacilitatorLink(board.id, adminToken)
      rememberBoard({ id: board.id, title: board.title, role: 'facilitator', token: rotated.token })
      go({ step: 'done', rotated })
      onRotated()
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) return onRejected()
      go({ step: 'failed', error })
    }
  }

  if (state.step === 'done') {
    const { link } = state.rotated
    const label = t('admin.rotated', { title: board.title })
    return (
      <div className="admin-board__rotated" role="group" aria-labelledby={`${id}-rotated`}>
        <p id={`${id}-rotated`} className="admin-board__rotated-title">
          {label}
        </p>
        <div className="role-link__row">
          <a ref={linkRef} className="role-link__url" href={link} data-testid="rotated-facilitator-link">
            {link}
          </a>
          <CopyButton text={link} context={label} testId="copy-rotated-facilitator-link" />
        </div>
        <p className="field__hint">{t('admin.rotatedHint')}</p>
        <div className="form-actions">
          <a className="button button--primary button--small" href={link} data-testid="open-rotated-board">
            {t('admin.open')}
          </a>
        </div>
      </div>
    )
  }

  if (state.step === 'confirming' || state.step === 'rotating') {
    const rotating = state.step === 'rotating'
    return (
      <div className="admin-board__confirm" role="group" aria-labelledby={`${id}-confirm-title`} aria-busy={rotating}>
        <p id={`${id}-confirm-title`} className="visually-hidden">
          {t('admin.rotateLabel', { title: board.title })}
        </p>
        <p id={`${id}-warning`} className="admin-board__warning">
          {t('admin.rotateWarning')}
        </p>
        <div className="form-actions">
          <button
            ref={confirmRef}
            type="button"
            className="button button--primary button--small"
            data-testid="rotate-facilitator-link-confirm"
            aria-describedby={`${id}-warning`}
            disabled={rotating}
            onClick={rotate}
          >
            {rotating ? t('admin.rotating') : t('admin.rotateConfirm')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={rotating}
            onClick={() => go({ step: 'idle' })}
          >
            {t('admin.rotateCancel')}
          </button>
        </div>
      </div>
    )
  }

  return (
    <div className="admin-board__actions">
      <button
        ref={startRef}
        type="button"
        className="button button--secondary button--small"
        data-testid="rotate-facilitator-link"
        onClick={() => go({ step: 'confirming' })}
      >
        {t('admin.rotate')}
        {/* Every board of the list has this button; screen readers hear which board it is for. */}
        <span className="visually-hidden"> ({board.title})</span>
      </button>
      {state.step === 'failed' && (
        <p className="field__error" role="alert">
          {t('admin.rotateErrorPrefix')}{' '}
          {apiErrorMessage(state.error, t, { 404: t('board.notFound') })}
        </p>
      )}
    </div>
  )
}
