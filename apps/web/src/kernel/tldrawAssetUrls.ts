/**
 * tldraw's fonts, icons and translations as files of this server, never from tldraw's CDN:
 * the one set every tldraw editor of the app (the live board, a snapshot's view) is given.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

export const tldrawAssetUrls = getAssetUrlsByImport()
