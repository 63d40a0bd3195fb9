/**
 * Build and dev-server setup of the Dorfplatz web client. In development the
 * API, health check and sync socket are proxied to the server on port 8080, so
 * the browser only ever talks to one origin, as it does in production.
 */
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const SERVER_ORIGIN = 'http://localhost:8080'


/** The largest file the service worker keeps for offline use (the board page's script is about 2 MB). */
const MAX_PRECACHED_FILE_BYTES = 8 * 1024 * 1024

export default defineConfig({
  plugins: [
    react(),
    // A service worker keeps the app itself in the browser, so that a board this browser has
    // opened before also opens without a network (the board comes from its IndexedDB copy).
    // See src/serviceWorker.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'serviceWorker.ts',
      injectRegister: 'script',
      manifest: false,
      injectManifest: {
        // Everything of the build, with tldraw's translations for German only (English is built in).
        globPatterns: ['**/*.{html,js,css,svg,png,woff2}', 'assets/de-*.json'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
      },
    }),
  ],
  server: {
    proxy: {
      '/api': SERVER_ORIGIN,
      '/healthz': SERVER_ORIGIN,
      '/sync': { target: SERVER_ORIGIN, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': SERVER_ORIGIN,
      '/healthz': SERVER_ORIGIN,
      '/sync': { target: SERVER_ORIGIN, ws: true },
    },
  },
  // @tldraw/assets imports its fonts, icons and translations with `?url`;
  // pre-bundling it would lose those imports and fall back to tldraw's CDN.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tldraw alone is a large chunk; the board page loads it lazily, so the
    // start page stays small and the warning would only be noise.
    chunkSizeWarningLimit: 4096,
    // tldraw's icons for embedded sites (which boards refuse) would otherwise be inlined into the
    // board page's script as data URLs, a tenth of its size; as files they load only if shown.
    assetsInlineLimit: (file: string) => (file.includes('/embed-icons/') ? false : undefined),
    rolldownOptions: {
      output: {
        // Everything the entry loads at once in one file (React, i18next, the German texts, …):
        // otherwise the page and its lazy parts' shared modules split it into a dozen small
        // files, which compress worse apart (about 2 KiB gzip more per page).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
})
