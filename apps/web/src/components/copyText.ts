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
  document.body.append(field)
  const previousFocus = document.activeElement
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
