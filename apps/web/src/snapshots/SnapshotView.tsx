/**
 * One snapshot, full screen and read-only: its own tldraw editor on a separate store, loaded
 * from the snapshot's `.tldr` file, so nothing done here can reach the live board. The header
 * names the version and when it was saved, and offers "Wiederherstellen" and "Schließen"
 * (also Escape). A native modal <dialog> keeps focus inside and hands it back on close.
 */
import { createBoardSchema } from '@dorfplatz/board'
import type { SnapshotInfo } from '@dorfplatz/protocol'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseTldrawJsonFile, Tldraw, type Editor, type TLComponents, type TLStore, type TLUiOverrides } from 'tldraw'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { fetchFile, snapshotFilePath } from '../api/snapshotApi.ts'
import { tldrawAssetUrls } from '../kernel/tldrawAssetUrls.ts'
import { useLanguage } from '../i18n/i18n.ts'
import type { CurrentUser } from '../user/currentUser.ts'
import { RestoreControl } from './RestoreControl.tsx'
import { formatSnapshotDate, snapshotKindLabel, snapshotName } from './snapshotText.ts'

/**
 * tldraw's surface as the live board shows it (its tools, menus and words); nothing of the
 * board's own panels (presence, voting, moderation) belongs to an old state.
 */
export interface SnapshotViewUi {
  components: TLComponents
  overrides: TLUiOverrides
}

type ViewState =
  | { status: 'loading' }
  | { status: 'ready'; store: TLStore }
  | { status: 'failed'; problem: { kind: 'request'; error: unknown } | { kind: 'file'; newer: boolean } }

interface SnapshotViewProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  snapshot: SnapshotInfo
  user: CurrentUser
  /** The tldraw licence key from the server's runtime config, as the live board gets it. */
  licenseKey: string | undefined
  ui: SnapshotViewUi
  /** Another restore runs. */
  restoreBlocked: boolean
  onRestore: (snapshot: SnapshotInfo) => Promise<void>
  onClose: () => void
}

export function SnapshotView({ boardId, token, snapshot, user, licenseKey, ui, restoreBlocked, onRestore, onClose }: SnapshotViewProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [state, setState] = useState<ViewState>({ status: 'loading' })
  const [restoring, setRestoring] = useState(false)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const previousFocus = document.activeElement
    if (!dialog.open) dialog.showModal()
    closeRef.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) previousFocus.focus()
    }
  }, [])

  useEffect(() => {
    let cancelled = false
    fetchFile(snapshotFilePath(boardId, snapshot.id), token)
      .then((blob) => blob.text())
      .then(
        (json) => {
          if (cancelled) return
          // Migrates a file of an older schema and validates every record, as opening a `.tldr` in tldraw does.
          const parsed = parseTldrawJsonFile({ json, schema: createBoardSchema() })
          if (parsed.ok) {
            setState({ status: 'ready', store: parsed.value })
            return
          }
          // Snapshots come from this server: a file that does not migrate was most likely written
          // by a newer Dorfplatz than the one this tab loaded before an update.
          const newer = parsed.error.type === 'fileFormatVersionTooNew' || parsed.error.type === 'migrationFailed'
          setState({ status: 'failed', problem: { kind: 'file', newer } })
        },
        (error: unknown) => {
          if (!cancelled) setState({ status: 'failed', problem: { kind: 'request', error } })
        },
      )
    return () => {
      cancelled = true
    }
  }, [boardId, token, snapshot.id])

  function onMount(editor: Editor) {
    editor.updateInstanceState({ isReadonly: true })
    // The whole page at a glance, never zoomed in past 100 %, as the live board opens.
    const bounds = editor.getCurrentPageBounds()
    if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1 })
  }

  const date = formatSnapshotDate(snapshot.createdAt, language)

  return (
    <dialog
      ref={dialogRef}
      className="snapshot-view"
      data-testid="snapshot-view"
      data-snapshot-id={snapshot.id}
      data-status={state.status}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
      onCancel={(event) => {
        event.preventDefault()
        // A restore under way closes this view when it is done; until then it stays.
        if (!restoring) onClose()
      }}
    >
      <header className="snapshot-view__header">
        <div className="snapshot-view__heading">
          <h2 id={`${id}-title`} className="snapshot-view__title">
            {t('snapshotView.title', { name: snapshotName(snapshot, t) })}
          </h2>
          <p className="snapshot-view__meta">
            <span className="snapshot-view__badge" data-testid="snapshot-view-readonly">
              {t('snapshotView.readonly')}
            </span>{' '}
            <time dateTime={new Date(snapshot.createdAt).toISOString()}>{date}</time>
            {' · '}
            {snapshotKindLabel(snapshot.kind, t)}
          </p>
          <p id={`${id}-hint`} className="visually-hidden">
            {t('snapshotView.readonlyHint')}
          </p>
        </div>
        <div className="snapshot-view__actions">
          <RestoreControl
            snapshot={snapshot}
            blocked={restoreBlocked}
            onRestore={onRestore}
            onBusy={setRestoring}
            confirmClassName="restore-confirm--popover"
          />
          <button
            ref={closeRef}
            type="button"
            className="button button--primary button--small"
            data-testid="snapshot-view-close"
            disabled={restoring}
            onClick={onClose}
          >
            {t('snapshotView.close')}
          </button>
        </div>
      </header>
      <div className="snapshot-view__canvas">
        {state.status === 'ready' ? (
          <Tldraw
            store={state.store}
            user={user.tldrawUser}
            assetUrls={tldrawAssetUrls}
            components={ui.components}
            overrides={ui.overrides}
            licenseKey={licenseKey || undefined}
            onMount={onMount}
          />
        ) : (
          <div className="snapshot-view__message" role={state.status === 'failed' ? 'alert' : 'status'} data-testid="snapshot-view-message">
            {state.status === 'loading' ? (
              <p>{t('snapshotView.loading')}</p>
            ) : (
              <p className="field__error">
                {t('snapshotView.errorPrefix')}{' '}
                {state.problem.kind === 'file'
                  ? state.problem.newer
                    ? t('snapshotView.errorNewer')
                    : t('snapshotView.errorDamaged')
                  : apiErrorMessage(state.problem.error, t, {
                      401: t('snapshots.errorUnauthorized'),
                      403: t('snapshots.errorForbidden'),
                      404: t('snapshots.errorNotFound'),
                    })}
              </p>
            )}
          </div>
        )}
      </div>
    </dialog>
  )
}
