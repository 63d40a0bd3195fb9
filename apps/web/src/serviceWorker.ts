/**
 * Dorfplatz's service worker: keeps the app itself (its HTML, scripts, styles, fonts and icons)
 * in the browser, so that a board this browser has opened before also opens without a network;
 * the board's content comes from the browser's IndexedDB copy (see board/LocalBoardCopy.ts).
 *
 * - Built files are precached at install, under their content-hashed names.
 * - Pages go to the network first, always: an online visit gets the current app. Only when the
 *   network fails, hangs for 4 s or a proxy answers with a server error is the precached
 *   index.html answered, from the same build as the precached scripts, so the two always fit.
 * - The API, the sync socket and the health check never go through it.
 * - A new version takes over at once; its precache replaces the old one.
 */
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] }

/** How long a page may take before the stored one is shown (a network that hangs rather than fails). */
const PAGE_TIMEOUT_MS = 4000

// Only the hashed files are answered from the precache; "/" is a page like any other.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false })
cleanupOutdatedCaches()
void self.skipWaiting()
clientsClaim()

async function storedPage(): Promise<Response | undefined> {
  return matchPrecache('/index.html')
}

registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      const controller = new AbortController()
      const timeout = setTimeout(() => controller.abort(), PAGE_TIMEOUT_MS)
      try {
        const response = await fetch(request, { signal: controller.signal })
        // A reverse proxy answers 502–504 while the server restarts: the stored app is more use.
        if (response.status >= 500) return (await storedPage()) ?? response
        return response
      } catch (error) {
        const page = await storedPage()
        if (page) return page
        throw error
      } finally {
        clearTimeout(timeout)
      }
    },
    { denylist: [/^\/api\//, /^\/sync\//, /^\/healthz/, /^\/metrics/] },
  ),
)
