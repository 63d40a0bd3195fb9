/**
 * Build and dev-server setup of the Dorfplatz web client. In development the
 * API, health check and sync socket are proxied to the server on port 8080, so
 * the browser only ever talks to one origin, as it does in production.
 */
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const SERVER_ORIGIN = 'http://localhost:8080'


export default defineConfig({
  plugins: [react()],
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
  },
})
