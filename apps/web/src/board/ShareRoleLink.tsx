/**
 * One role's link in the share dialog: the link, a copy button and a QR code
 * when this browser knows it, and "Neuen Link erzeugen". Replacing a link
 * locks out whoever holds the old one, so it takes a second, explained step.
 */
import type { Role } from '@dorfplatz/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { rotateLink, type RotatedLink } from '../api/apiClient.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { CopyButton } from '../components/CopyButton.tsx'
import { useConfirmSteps } from '../components/useConfirmSteps.ts'
import { QrCode } from '../components/QrCode.tsx'

interface ShareRoleLinkProps {
  boardId: string
  role: Role
  /** The facilitator token of the open link, which may replace links. */
  token: string
  /** The role's current link, when this browser knows it. */
  link: string | undefined
  onBusy: (busy: boolean) => void
  onRotated: (rotated: RotatedLink) => void
}

type RotateState = { step: 'idle' } | { step: 'confirming' } | { step: 'rotating' } | { step: 'failed'; error: unknown } | { step: 'done' }

export function ShareRoleLink({ boardId, role, token, link, onBusy, onRotated }: ShareRoleLinkProps) {
  const { t } = useTranslation()
  const id = useId()
  const { state, go, startRef, confirmRef, linkRef } = useConfirmSteps<RotateState>({ step: 'idle' })
  const roleName = t(`roles.${role}`)

  async function rotate() {
    go({ step: 'rotating' })
    onBusy(true)
    try {
      const rotated = await rotateLink(boardId, role, token)
      go({ step: 'done' })
      onRotated(rotated)
    } catch (error) {
      go({ step: 'failed', error })
    } finally {
      onBusy(false)
    }
  }

  const confirming = state.step === 'confirming' || state.step === 'rotating'

  return (
    <li className="role-link share-link" data-role={role}>
      <h3 className="role-link__name" id={`${id}-name`}>
        {roleName}
      </h3>
      <p className="role-link__explain">{t(`created.explain.${role}`)}</p>

      {link ? (
        <div className="share-link__body">
          <div className="share-link__text">
            <div className="role-link__row">
              <a
                ref={linkRef}
                className="role-link__url"
                href={link}
                data-testid={`share-link-${role}`}
                aria-describedby={`${id}-name`}
              >
                {link}
              </a>
              <CopyButton text={link} context={roleName} testId={`share-copy-${role}`} />
            </div>
            {state.step === 'done' && (
              <p className="share-link__rotated" role="status">
                {t('share.rotated')}
              </p>
            )}
          </div>
          <QrCode text={link} label={t(`share.qrLabel.${role}`)} testId={`share-qr-${role}`} />
        </div>
      ) : (
        <p className="share-link__unknown" data-testid={`share-unknown-${role}`}>
          {t('share.unknown')}
        </p>
      )}

      {confirming ? (
        <div className="share-link__confirm" role="group" aria-labelledby={`${id}-warning`} aria-busy={state.step === 'rotating'}>
          <p id={`${id}-warning`} className="admin-board__warning">
            {t(`share.rotateWarning.${role}`)}
          </p>
          <div className="form-actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--primary button--small"
              data-testid={`rotate-link-confirm-${role}`}
              disabled={state.step === 'rotating'}
              onClick={rotate}
            >
              {state.step === 'rotating' ? t('share.rotating') : t('share.rotateConfirm')}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={state.step === 'rotating'}
              onClick={() => go({ step: 'idle' })}
            >
              {t('share.rotateCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="share-link__actions">
          <button
            ref={startRef}
            type="button"
            className="button button--quiet button--small"
            data-testid={`rotate-link-${role}`}
            onClick={() => go({ step: 'confirming' })}
          >
            {t('share.rotate')}
            {/* Each role has this button; screen readers hear which link it replaces. */}
            <span className="visually-hidden"> ({roleName})</span>
          </button>
          {state.step === 'failed' && (
            <p className="field__error" role="alert">
              {t('share.rotateErrorPrefix')}{' '}
              {apiErrorMessage(state.error, t, {
                401: t('share.errorUnauthorized'),
                403: t('share.errorForbidden'),
                404: t('board.notFound'),
              })}
            </p>
          )}
        </div>
      )}
    </li>
  )
}
