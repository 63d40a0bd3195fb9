/**
 * "Versionen": the facilitator saves the board as it is now under a name, and goes through its
 * history (newest first) to look at a snapshot read-only or restore it. The server applies a
 * restore as a new change, after saving the live board as an automatic snapshot, so everyone
 * sees it live and the restore itself can be undone from the same list.
 */
import { MAX_SNAPSHOT_NAME_LENGTH, type SnapshotInfo } from '@dorfplatz/protocol'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { listSnapshots, restoreSnapshot, saveSnapshot } from '../api/snapshotApi.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'
import { useLanguage } from '../i18n/i18n.ts'
import type { CurrentUser } from '../user/currentUser.ts'
import { RestoreControl } from './RestoreControl.tsx'
import { SnapshotThumbnail } from './SnapshotThumbnail.tsx'
import { SnapshotView, type SnapshotViewUi } from './SnapshotView.tsx'
import { checkSnapshotName, defaultSnapshotName, formatSnapshotDate, snapshotKindLabel, snapshotName } from './snapshotText.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'
import './snapshots.css'

interface SnapshotsDialogProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  /** The live board's editor, kept from reacting to keys while the dialog is open. */
  editor: Editor | null
  user: CurrentUser
  /** The tldraw licence key from the server's runtime config, for a snapshot's view. */
  licenseKey: string | undefined
  /** tldraw's surface for a snapshot's view, as on the live board. */
  viewUi: SnapshotViewUi
  onClose: () => void
}

type History = { status: 'loading' } | { status: 'ready'; snapshots: SnapshotInfo[] } | { status: 'failed'; error: unknown }

/** `snapshot` on top of `snapshots`, each id once, newest first. */
function withSnapshot(snapshots: SnapshotInfo[], snapshot: SnapshotInfo): SnapshotInfo[] {
  return [snapshot, ...snapshots.filter((other) => other.id !== snapshot.id)].sort((a, b) => b.createdAt - a.createdAt)
}

export function SnapshotsDialog({ boardId, token, editor, user, licenseKey, viewUi, onClose }: SnapshotsDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const nameRef = useRef<HTMLInputElement>(null)
  const [history, setHistory] = useState<History>({ status: 'loading' })
  const [name, setName] = useState(() => defaultSnapshotName(Date.now(), language, t))
  const [nameError, setNameError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  /** What just happened, for everyone: shown under the intro and read out politely. */
  const [status, setStatus] = useState('')
  const [viewing, setViewing] = useState<SnapshotInfo | null>(null)
  const [restoringId, setRestoringId] = useState<string | null>(null)
  usePausedEditor(editor)

  const dialogOptions: ModalDialogOptions = {
    // Typing a name replaces the suggested one; Enter keeps it.
    onOpen: () => {
      nameRef.current?.focus()
      nameRef.current?.select()
    },
    // Opened from the main menu, whose item is gone by now: the menu's button takes the focus.
    fallbackFocus: focusMainMenuButton,
  }

  useEffect(() => {
    let cancelled = false
    listSnapshots(boardId, token).then(
      (snapshots) => {
        if (!cancelled) setHistory({ status: 'ready', snapshots })
      },
      (error: unknown) => {
        if (!cancelled) setHistory({ status: 'failed', error })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token])

  async function reload() {
    setHistory({ status: 'loading' })
    try {
      setHistory({ status: 'ready', snapshots: await listSnapshots(boardId, token) })
    } catch (error) {
      setHistory({ status: 'failed', error })
    }
  }

  function addToHistory(snapshot: SnapshotInfo) {
    setHistory((current) => (current.status === 'ready' ? { status: 'ready', snapshots: withSnapshot(current.snapshots, snapshot) } : current))
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (saving) return
    setSaveError(null)
    const check = checkSnapshotName(name)
    if (!check.ok) {
      setNameError(
        check.problem === 'required' ? t('snapshots.nameRequired') : t('snapshots.nameTooLong', { max: MAX_SNAPSHOT_NAME_LENGTH }),
      )
      nameRef.current?.focus()
      return
    }
    setSaving(true)
    try {
      const snapshot = await saveSnapshot(boardId, token, check.name)
      addToHistory(snapshot)
      setStatus(t('snapshots.saved', { name: snapshot.name }))
      setName(defaultSnapshotName(Date.now(), language, t))
    } catch (error) {
      setSaveError(`${t('snapshots.saveErrorPrefix')} ${errorReason(error)}`)
    } finally {
      setSaving(false)
    }
  }

  async function restore(snapshot: SnapshotInfo): Promise<void> {
    setRestoringId(snapshot.id)
    setStatus(t('snapshots.restoringStatus', { name: snapshotName(snapshot, t) }))
    try {
      const before = await restoreSnapshot(boardId, token, snapshot.id, language)
      addToHistory(before)
      // The state before is named in the list, on top; its name would only nest quotes in here.
      setStatus(t('snapshots.restored', { name: snapshotName(snapshot, t) }))
      // A restore from the snapshot's view ends there: the board now shows what the view showed.
      setViewing(null)
    } catch (error) {
      // The control that asked says what went wrong, right beside its button.
      setStatus('')
      throw error
    } finally {
      setRestoringId(null)
    }
  }

  function errorReason(error: unknown): string {
    return apiErrorMessage(error, t, {
      401: t('snapshots.errorUnauthorized'),
      403: t('snapshots.errorForbidden'),
      404: t('snapshots.errorNotFound'),
    })
  }

  const busy = saving || restoringId !== null
  const nameErrorId = `${id}-name-error`

  return (
    <>
      <ModalDialog
        {...dialogOptions}
        title={t('snapshots.title')}
        intro={t('snapshots.intro')}
        testId="snapshots-dialog"
        className="dialog--wide snapshots-dialog"
        // Saving or restoring cannot be taken back; wait for the answer instead of hiding it.
        onEscape={() => {
          if (!busy) onClose()
        }}
      >
        <p className="snapshots__status" role="status" data-testid="snapshots-status">
          {status}
        </p>

        <form className="snapshot-save" noValidate aria-busy={saving} aria-labelledby={`${id}-save`} onSubmit={save}>
          <h3 id={`${id}-save`} className="snapshots__heading">
            {t('snapshots.saveHeading')}
          </h3>
          <div className="field snapshot-save__field">
            <label htmlFor={`${id}-name`}>{t('snapshots.nameLabel')}</label>
            <div className="snapshot-save__row">
              <input
                ref={nameRef}
                id={`${id}-name`}
                type="text"
                data-testid="snapshot-name-input"
                value={name}
                maxLength={MAX_SNAPSHOT_NAME_LENGTH}
                required
                autoComplete="off"
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${id}-name-hint ${nameErrorId}` : `${id}-name-hint`}
                onChange={(event) => {
                  setName(event.target.value)
                  setNameError(null)
                }}
              />
              <button
                type="submit"
                className="button button--primary"
                data-testid="snapshot-save"
                // Not `disabled`: the button keeps the focus while the request runs, and `save` ignores repeats.
                aria-disabled={saving}
              >
                {saving ? t('snapshots.saving') : t('snapshots.save')}
              </button>
            </div>
            <p id={`${id}-name-hint`} className="field__hint">
              {t('snapshots.nameHint', { max: MAX_SNAPSHOT_NAME_LENGTH })}
            </p>
            {nameError && (
              <p id={nameErrorId} className="field__error">
                {nameError}
              </p>
            )}
          </div>
          <div className="form-error" role="alert" data-testid="snapshot-save-error">
            {saveError}
          </div>
        </form>

        <section className="snapshot-history" aria-labelledby={`${id}-history`}>
          <h3 id={`${id}-history`} className="snapshots__heading">
            {t('snapshots.historyHeading')}
          </h3>
          {history.status === 'loading' && (
            <p className="muted" role="status" data-testid="snapshots-loading">
              {t('snapshots.loading')}
            </p>
          )}
          {history.status === 'failed' && (
            <div className="snapshot-history__failed">
              <p className="form-error" role="alert" data-testid="snapshots-load-error">
                {t('snapshots.loadErrorPrefix')} {errorReason(history.error)}
              </p>
              <button type="button" className="button button--secondary button--small" onClick={() => void reload()}>
                {t('snapshots.reload')}
              </button>
            </div>
          )}
          {history.status === 'ready' && history.snapshots.length === 0 && (
            <p className="muted" data-testid="snapshots-empty">
              {t('snapshots.empty')}
            </p>
          )}
          {history.status === 'ready' && history.snapshots.length > 0 && (
            <ul className="snapshot-list" data-testid="snapshot-list" aria-busy={restoringId !== null}>
              {history.snapshots.map((snapshot) => (
                <li
                  key={snapshot.id}
                  className="snapshot"
                  data-testid="snapshot-item"
                  data-snapshot-id={snapshot.id}
                  data-kind={snapshot.kind}
                  data-restoring={restoringId === snapshot.id || undefined}
                >
                  <SnapshotThumbnail boardId={boardId} token={token} snapshotId={snapshot.id} />
                  <div className="snapshot__text">
                    <h4 className="snapshot__name" data-testid="snapshot-name">
                      {snapshotName(snapshot, t)}
                    </h4>
                    <p className="snapshot__meta">
                      <time dateTime={new Date(snapshot.createdAt).toISOString()}>
                        {formatSnapshotDate(snapshot.createdAt, language)}
                      </time>
                      {' · '}
                      <span data-testid="snapshot-kind">{snapshotKindLabel(snapshot.kind, t)}</span>
                    </p>
                  </div>
                  <div className="snapshot__actions">
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      data-testid="snapshot-view-open"
                      aria-disabled={restoringId !== null}
                      onClick={() => {
                        if (restoringId === null) setViewing(snapshot)
                      }}
                    >
                      {t('snapshots.view')}
                      <span className="visually-hidden"> ({t('snapshots.nameQuoted', { name: snapshotName(snapshot, t) })})</span>
                    </button>
                    <RestoreControl
                      snapshot={snapshot}
                      blocked={restoringId !== null && restoringId !== snapshot.id}
                      onRestore={restore}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <div className="dialog__footer">
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="snapshots-close"
              aria-disabled={busy}
              onClick={() => {
                if (!busy) onClose()
              }}
            >
              {t('snapshots.close')}
            </button>
          </div>
        </div>
      </ModalDialog>
      {viewing && (
        <SnapshotView
          boardId={boardId}
          token={token}
          snapshot={viewing}
          user={user}
          licenseKey={licenseKey}
          ui={viewUi}
          restoreBlocked={restoringId !== null && restoringId !== viewing.id}
          onRestore={restore}
          onClose={() => setViewing(null)}
        />
      )}
    </>
  )
}
