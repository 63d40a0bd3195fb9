/**
 * tldraw's fonts, icons and translations as files of this server, never from tldraw's CDN:
 * the one set every tldraw editor of the app (the live board, a snapshot's view) is given.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

const assetUrls = getAssetUrlsByImport()

export const tldrawAssetUrls = {
  ...assetUrls,
  // Boards embed no sites (see BoardEditor's shapeUtils), so nothing shows these icons; tldraw
  // would otherwise fetch all twenty of them on opening a board. It skips an empty address.
  embedIcons: Object.fromEntries(Object.keys(assetUrls.embedIcons).map((type) => [type, ''])),
}
