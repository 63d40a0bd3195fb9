/**
 * Copies text to the clipboard. The Clipboard API exists only on secure
 * origins; a server on the town hall's local network may be plain http, so
 * the old selection-based copy is the fallback there.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // Permission denied or document not focused: try the fallback.
    }
  }
  const field = document.createElement('textarea')
  field.value = text
  field.setAttribute('readonly', '')
  field.style.position = 'fixed'
  field.style.opacity = '0'
  const previousFocus = document.activeElement
  // Outside an open modal dialog everything is inert and cannot be selected, so the field goes into the dialog.
  const host = (previousFocus instanceof HTMLElement && previousFocus.closest('dialog[open]')) || document.body
  host.append(field)
  field.select()
  let copied: boolean
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  field.remove()
  if (previousFocus instanceof HTMLElement) previousFocus.focus()
  return copied
}
