/** What the browser keeps of a board in IndexedDB (its copy for offline work), read from the page. */
import { expect, type Page } from '@playwright/test'

/**
 * Resolves once the browser's copy of board `boardId` holds `text`: a typed note reaches the copy
 * a moment after it shows on screen (tldraw hands changes on once per frame), and a tab closed in
 * that moment would take the last keystrokes with it.
 */
export async function expectInBrowserCopy(page: Page, boardId: string, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        async ({ name, text }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name)
            request.onsuccess = () => resolve(request.result)
            request.onerror = () => reject(request.error)
          })
          try {
            const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
              const request = db.transaction('updates', 'readonly').objectStore('updates').getAll()
              request.onsuccess = () => resolve(request.result as Uint8Array[])
              request.onerror = () => reject(request.error)
            })
            // Yjs stores strings as UTF-8, so the note's text shows up as bytes in some update.
            const needle = new TextEncoder().encode(text)
            return updates.some((update) => {
              outer: for (let start = 0; start <= update.length - needle.length; start++) {
                for (let i = 0; i < needle.length; i++) if (update[start + i] !== needle[i]) continue outer
                return true
              }
              return false
            })
          } finally {
            db.close()
          }
        },
        { name: `dorfplatz-board-${boardId}`, text },
      ),
    )
    .toBe(true)
}

/** Closes the tab as a person does (its pagehide runs), once the browser's copy holds `text`. */
export async function closeTabOnceStored(page: Page, boardId: string, text: string): Promise<void> {
  await expectInBrowserCopy(page, boardId, text)
  const closed = page.waitForEvent('close')
  await page.close({ runBeforeUnload: true })
  await closed
}
