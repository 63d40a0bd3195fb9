/**
 * The shell every Dorfplatz dialog shares: a native modal `<dialog>` (see useModalDialog) with a
 * title and an intro that name and describe it, its content in a form when it has one, and Escape
 * handed to the owner, which decides (close, wait for work under way, stop it first …): the
 * dialog never closes itself.
 */
import { useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react'
import { useModalDialog, type ModalDialogOptions } from './useModalDialog.ts'
import './ModalDialog.css'

interface ModalDialogProps extends ModalDialogOptions {
  title: ReactNode
  intro: ReactNode
  testId: string
  /** Extra classes beside `dialog` (`dialog--wide`, the dialog's own). */
  className?: string
  /** For owners that need the element itself (a download anchored in the dialog, say). */
  dialogRef?: RefObject<HTMLDialogElement | null>
  onEscape: () => void
  /** With it, the content is a form that submits here. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  busy?: boolean
  children: ReactNode
}

export function ModalDialog(props: ModalDialogProps) {
  const { title, intro, testId, className, onEscape, onSubmit, busy, children } = props
  const id = useId()
  const ownRef = useRef<HTMLDialogElement>(null)
  const dialogRef = props.dialogRef ?? ownRef
  useModalDialog(dialogRef, props)
  const content = (
    <>
      <h2 id={`${id}-title`} className="dialog__title">
        {title}
      </h2>
      <p id={`${id}-intro`} className="muted">
        {intro}
      </p>
      {children}
    </>
  )
  return (
    <dialog
      ref={dialogRef}
      className={className ? `dialog ${className}` : 'dialog'}
      data-testid={testId}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(event) => {
        event.preventDefault()
        onEscape()
      }}
    >
      {onSubmit ? (
        <form className="dialog__form" noValidate aria-busy={busy} onSubmit={onSubmit}>
          {content}
        </form>
      ) : (
        <div className="dialog__form" aria-busy={busy}>
          {content}
        </div>
      )}
    </dialog>
  )
}
