/**
 * The footer of a dialog that sends a request: "Abbrechen" and the submit button, which says that
 * the request is under way and stays focusable meanwhile (not `disabled`: the focus would be lost;
 * the form's submit handler ignores repeats).
 */
interface SubmitActionsProps {
  busy: boolean
  cancelLabel: string
  submitLabel: string
  busyLabel: string
  submitTestId: string
  onCancel: () => void
}

export function SubmitActions({ busy, cancelLabel, submitLabel, busyLabel, submitTestId, onCancel }: SubmitActionsProps) {
  return (
    <div className="dialog__actions">
      <button type="button" className="button button--quiet" disabled={busy} onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="button button--primary" data-testid={submitTestId} aria-disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </div>
  )
}
