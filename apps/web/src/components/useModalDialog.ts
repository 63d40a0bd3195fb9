/**
 * Shows a native `<dialog>` as modal while the component is mounted, and on unmount closes it
 * and gives the focus back to where it was before. A dialog opened from tldraw's main menu
 * passes `fallbackFocus`: the menu item that had the focus is gone by then.
 */
import { useEffect, type RefObject } from 'react'

export interface ModalDialogOptions {
  /** Runs once the dialog is open: puts the focus on its first field. */
  onOpen?: () => void
  /** Runs before the dialog closes (e.g. to stop work under way); may read refs. */
  onClose?: () => void
  /** Where the focus goes when the element that had it is gone or was the page itself. */
  fallbackFocus?: () => void
}

export function useModalDialog(dialogRef: RefObject<HTMLDialogElement | null>, options: ModalDialogOptions = {}): void {
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    // Read once, as the effect runs once per mount: the options of the first render count.
    const { onOpen, onClose, fallbackFocus } = options
    const previousFocus = document.activeElement
    if (!dialog.open) dialog.showModal()
    onOpen?.()
    return () => {
      onClose?.()
      if (dialog.open) dialog.close()
      const returnable =
        previousFocus instanceof HTMLElement && previousFocus.isConnected && !(fallbackFocus && previousFocus === document.body)
      if (returnable) previousFocus.focus()
      else fallbackFocus?.()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
