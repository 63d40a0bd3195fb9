/**
 * Dorfplatz's service worker: keeps the app itself (its HTML, scripts, styles, fonts and icons)
 * in the browser, so that a board this browser has opened before also opens without a network;
 * the board's content comes from the browser's IndexedDB copy (see board/LocalBoardCopy.ts).
 *
 * - Built files are precached at install, under their content-hashed names.
 * - Pages go to the network first, always: an online visit gets the current app. Only when the
 *   network fails is the precached index.html answered, from the same build as the precached
 *   scripts, so the two always fit together.
 * - The API, the sync socket and the health check never go through it.
 * - A new version takes over at once; its precache replaces the old one.
 */
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] }

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
void self.skipWaiting()
clientsClaim()

registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request)
      } catch (error) {
        const page = await matchPrecache('/index.html')
        if (page) return page
        throw error
      }
    },
    { denylist: [/^\/api\//, /^\/sync\//, /^\/healthz/] },
  ),
)
