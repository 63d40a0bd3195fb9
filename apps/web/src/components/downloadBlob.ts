/** Saves a Blob under a file name through the browser's own download. */

/** Some browsers read the object URL a moment after the click; revoking it at once can empty the file. */
const REVOKE_DELAY_MS = 60_000

/**
 * `container` should be inside the open modal dialog: everything outside it is inert, and an
 * inert link may not start a download in every browser.
 */
export function downloadBlob(blob: Blob, fileName: string, container: HTMLElement = document.body): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  container.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS)
  }
}
