/**
 * "Importieren": the facilitator picks a `.tldr` file and the server adds its pages to the live
 * board, where everyone receives them through sync. The dialog checks type, size and outer shape
 * before sending; the server checks every record and answers 422 with a reason for a file it
 * will not take, in which case the board stays untouched. On success the dialog says what was
 * added, and the editor turns to the first new page once it has arrived.
 */
import { MAX_IMPORT_BYTES, type ImportResult } from '@dorfplatz/protocol'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLPageId } from 'tldraw'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { importTldrFile } from '../api/snapshotApi.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { checkImportFile, formatFileSize, IMPORT_ACCEPT, looksLikeTldrawFile, type ImportFileProblem } from './checkImportFile.ts'
import { showPageWhenPresent } from './showPageWhenPresent.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'
import './snapshots.css'

interface ImportDialogProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  /** The live board's editor: it turns to the first imported page. */
  editor: Editor | null
  onClose: () => void
}

export function ImportDialog({ boardId, token, editor, onClose }: ImportDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLButtonElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  /** What went wrong with the last attempt, and the server's own words for it (English, for support). */
  const [submitError, setSubmitError] = useState<{ text: string; detail?: string } | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [result, setResult] = useState<ImportResult | null>(null)
  usePausedEditor(editor)

  const dialogOptions: ModalDialogOptions = {
    onOpen: () => inputRef.current?.focus(),
    // Opened from the main menu, whose item is gone by now: the menu's button takes the focus.
    fallbackFocus: focusMainMenuButton,
  }

  /** Set by "Weitere Datei importieren": the form comes back, and the focus goes to its file input. */
  const focusInputNext = useRef(false)

  // The form gives way to the result and back: the focus moves with it.
  useEffect(() => {
    if (result) doneRef.current?.focus()
    else if (focusInputNext.current) inputRef.current?.focus()
    focusInputNext.current = false
  }, [result])

  const maxSize = formatFileSize(MAX_IMPORT_BYTES, language)

  function problemText(problem: ImportFileProblem): string {
    if (problem.kind === 'wrongType') return t('importFile.wrongType')
    return t('importFile.tooLarge', { size: formatFileSize(problem.bytes, language), max: maxSize })
  }

  function cannotOpen(reason: string): string {
    return t('importFile.cannotOpen', { reason })
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setSubmitError(null)
    if (!file) {
      setFileError(t('importFile.fileRequired'))
      inputRef.current?.focus()
      return
    }
    const problem = checkImportFile(file)
    if (problem) {
      setFileError(problemText(problem))
      inputRef.current?.focus()
      return
    }
    setSubmitting(true)
    try {
      let text: string
      try {
        text = await file.text()
      } catch {
        setSubmitError({ text: cannotOpen(t('importFile.unreadable')) })
        return
      }
      if (!looksLikeTldrawFile(text)) {
        setSubmitError({ text: cannotOpen(t('importFile.notTldraw')) })
        return
      }
      const imported = await importTldrFile(boardId, token, text, language)
      setResult(imported)
      if (imported.firstPageId && editor) {
        // Not stopped when the dialog closes: the page should still come into view, and the
        // wait ends on its own after REVEAL_TIMEOUT_MS.
        showPageWhenPresent(editor, imported.firstPageId as TLPageId)
      }
    } catch (error) {
      setSubmitError(importError(error))
    } finally {
      setSubmitting(false)
    }
  }

  function importError(error: unknown): { text: string; detail?: string } {
    // The server refuses a file it cannot take (422) and says why, in English; the board has not changed.
    if (error instanceof ApiRequestError && (error.status === 422 || error.status === 400)) {
      const message = error.message.trim()
      return { text: cannotOpen(t('importFile.rejected')), detail: message ? t('importFile.serverDetail', { message }) : undefined }
    }
    if (error instanceof ApiRequestError && error.status === 413) {
      return { text: t('importFile.tooLarge', { size: formatFileSize(file?.size ?? 0, language), max: maxSize }) }
    }
    return {
      text: `${t('importFile.errorPrefix')} ${apiErrorMessage(error, t, {
        401: t('importFile.errorUnauthorized'),
        403: t('importFile.errorForbidden'),
        404: t('importFile.errorNotFound'),
      })}`,
    }
  }

  function startOver() {
    focusInputNext.current = true
    setResult(null)
    setFile(null)
    setFileError(null)
    setSubmitError(null)
  }

  const fileErrorId = `${id}-file-error`
  const doneText = result
    ? result.pages > 0
      ? t('importFile.done', {
          pages: t('importFile.pages', { count: result.pages }),
          shapes: t('importFile.shapes', { count: result.shapes }),
        })
      : t('importFile.doneEmpty')
    : ''

  return (
    <ModalDialog
      {...dialogOptions}
      title={t('importFile.title')}
      intro={t('importFile.intro')}
      testId="import-dialog"
      className="import-dialog"
      // The upload cannot be taken back; wait for its answer instead of hiding it.
      onEscape={() => {
        if (!submitting) onClose()
      }}
    >
      {/* Present from the start, so that the result is read out when it appears. */}
      <p className="import-dialog__done" role="status" data-testid="import-result">
        {doneText}
      </p>

      {result ? (
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" data-testid="import-another" onClick={startOver}>
            {t('importFile.another')}
          </button>
          <button ref={doneRef} type="button" className="button button--primary" data-testid="import-close" onClick={onClose}>
            {t('importFile.close')}
          </button>
        </div>
      ) : (
        <form noValidate aria-busy={submitting} onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('importFile.fileLabel')}</label>
            <input
              ref={inputRef}
              id={`${id}-file`}
              className="import-dialog__file"
              type="file"
              accept={IMPORT_ACCEPT}
              data-testid="import-file-input"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${id}-file-hint ${fileErrorId}` : `${id}-file-hint`}
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null
                setFile(chosen)
                setSubmitError(null)
                // Say at once what is wrong with the file, not only after "Importieren".
                const problem = chosen ? checkImportFile(chosen) : null
                setFileError(problem ? problemText(problem) : null)
              }}
            />
            <p id={`${id}-file-hint`} className="field__hint">
              {t('importFile.fileHint', { max: maxSize })}
            </p>
            {fileError && (
              <p id={fileErrorId} className="field__error" role="alert" data-testid="import-file-error">
                {fileError}
              </p>
            )}
          </div>
          <div className="form-error" role="alert" data-testid="import-error">
            {submitError && (
              <>
                {submitError.text}
                {submitError.detail && <span className="import-dialog__detail">{submitError.detail}</span>}
              </>
            )}
          </div>
          <SubmitActions
            busy={submitting}
            cancelLabel={t('importFile.cancel')}
            submitLabel={t('importFile.submit')}
            busyLabel={t('importFile.submitting')}
            submitTestId="import-submit"
            onCancel={onClose}
          />
        </form>
      )}
    </ModalDialog>
  )
}
