/**
 * "Board löschen": the facilitator confirms, naming the board, and the server deletes it with
 * everything of it. The server then closes every socket on the board with 4404, this page's
 * too, upon which every browser drops its copy and shows that the board is gone (BoardSession).
 */
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteBoard } from '../api/apiClient.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'

interface DeleteBoardDialogProps {
  boardId: string
  boardTitle: string
  /** The facilitator token of the open link. */
  token: string
  onClose: () => void
}

export function DeleteBoardDialog({ boardId, boardTitle, token, onClose }: DeleteBoardDialogProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const formRef = useRef<HTMLDivElement>(null)

  const dialogOptions: ModalDialogOptions = {
    // The safe choice has the focus: Enter alone deletes nothing.
    onOpen: () => formRef.current?.querySelector<HTMLButtonElement>('button[type="button"]')?.focus(),
    fallbackFocus: focusMainMenuButton,
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await deleteBoard(boardId, token)
      // The socket's 4404 takes over the page from here.
    } catch (failed) {
      setError(`${t('deleteBoard.errorPrefix')} ${apiErrorMessage(failed, t, { 403: t('deleteBoard.forbidden') })}`)
      setBusy(false)
    }
  }

  return (
    <ModalDialog
      {...dialogOptions}
      title={t('deleteBoard.title')}
      intro={t('deleteBoard.intro', { title: boardTitle })}
      testId="delete-board-dialog"
      onSubmit={submit}
      onEscape={onClose}
      busy={busy}
    >
      <div ref={formRef}>
        <p className="field__hint">{t('deleteBoard.hint')}</p>
        <div className="form-error" role="alert" data-testid="delete-board-error">
          {error}
        </div>
        <SubmitActions
          busy={busy}
          cancelLabel={t('deleteBoard.cancel')}
          submitLabel={t('deleteBoard.submit', { title: boardTitle })}
          busyLabel={t('deleteBoard.busy')}
          submitTestId="delete-board-submit"
          onCancel={onClose}
        />
      </div>
    </ModalDialog>
  )
}
