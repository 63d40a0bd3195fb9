/**
 * "Wiederherstellen" for one snapshot, in the history list and in the snapshot's view.
 * Restoring changes the board for everyone, so it takes a second, explained step; the warning
 * says that the current state is saved first. Keyboard focus follows the steps, as in
 * useConfirmSteps, but only in the control the person is using.
 */
import type { SnapshotInfo } from '@dorfplatz/protocol'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { snapshotName } from './snapshotText.ts'

interface RestoreControlProps {
  snapshot: SnapshotInfo
  /** Another restore runs: this one waits for it. */
  blocked: boolean
  /** Restores the snapshot; rejects when that failed. */
  onRestore: (snapshot: SnapshotInfo) => Promise<void>
  /** `true` while this control restores, so that the surrounding view can hold still. */
  onBusy?: (busy: boolean) => void
  /** Class of the confirmation panel, which the list and the view place differently. */
  confirmClassName?: string
}

type RestoreStep = { step: 'idle' } | { step: 'confirming' } | { step: 'restoring' } | { step: 'failed'; error: unknown }

export function RestoreControl({ snapshot, blocked, onRestore, onBusy, confirmClassName = '' }: RestoreControlProps) {
  const { t } = useTranslation()
  const id = useId()
  const [state, setState] = useState<RestoreStep>({ step: 'idle' })
  const startRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const focusOnStep = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useEffect(() => {
    if (!focusOnStep.current) return
    if (state.step === 'confirming') confirmRef.current?.focus()
    else if (state.step === 'idle' || state.step === 'failed') startRef.current?.focus()
  }, [state.step])

  const go = (next: RestoreStep) => {
    focusOnStep.current = true
    setState(next)
  }

  async function restore() {
    if (state.step === 'restoring') return
    go({ step: 'restoring' })
    onBusy?.(true)
    try {
      await onRestore(snapshot)
      // The view around a successful restore from the snapshot's view closes; nothing to update there.
      if (mounted.current) go({ step: 'idle' })
    } catch (error) {
      if (mounted.current) go({ step: 'failed', error })
    } finally {
      onBusy?.(false)
    }
  }

  if (state.step === 'confirming' || state.step === 'restoring') {
    const restoring = state.step === 'restoring'
    return (
      <div
        className={`restore-confirm ${confirmClassName}`}
        role="group"
        aria-labelledby={`${id}-warning`}
        aria-busy={restoring}
        data-testid="snapshot-restore-confirm-panel"
      >
        <p id={`${id}-warning`} className="restore-confirm__warning">
          {t('snapshots.restoreWarning', { name: snapshotName(snapshot, t) })}
        </p>
        <div className="form-actions">
          <button
            ref={confirmRef}
            type="button"
            className="button button--primary button--small"
            data-testid="snapshot-restore-confirm"
            // Not `disabled`: the button keeps the focus while the restore runs, and `restore` ignores repeats.
            aria-disabled={restoring}
            onClick={() => void restore()}
          >
            {restoring ? t('snapshots.restoring') : t('snapshots.restoreConfirm')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="snapshot-restore-cancel"
            disabled={restoring}
            onClick={() => go({ step: 'idle' })}
          >
            {t('snapshots.restoreCancel')}
          </button>
        </div>
      </div>
    )
  }

  return (
    <>
      <button
        ref={startRef}
        type="button"
        className="button button--secondary button--small"
        data-testid="snapshot-restore"
        aria-disabled={blocked}
        onClick={() => {
          if (!blocked) go({ step: 'confirming' })
        }}
      >
        {t('snapshots.restore')}
        {/* Every entry has this button; screen readers hear which version it brings back. */}
        <span className="visually-hidden"> ({t('snapshots.nameQuoted', { name: snapshotName(snapshot, t) })})</span>
      </button>
      {state.step === 'failed' && (
        <p className="field__error restore-control__error" role="alert" data-testid="snapshot-restore-error">
          {t('snapshots.restoreErrorPrefix')}{' '}
          {apiErrorMessage(state.error, t, {
            401: t('snapshots.errorUnauthorized'),
            403: t('snapshots.errorForbidden'),
            404: t('snapshots.errorNotFound'),
          })}
        </p>
      )}
    </>
  )
}
