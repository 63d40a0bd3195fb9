/**
 * What a pasted or dropped web address becomes on the board: a text with the address as its
 * link, nothing fetched. tldraw would otherwise load the page for a preview picture and a
 * favicon (a request to another site from every browser that shows the board) or embed it as
 * a frame of that site; Dorfplatz sends nothing to anyone else, and the server refuses embeds
 * and bookmarks with remote pictures. Bookmarks that arrive any other way (an imported file)
 * are given the address as their title, again without fetching anything.
 */
import { AssetRecordType, createShapeId, getHashForString, T, toRichText, type Editor, type TLBookmarkAsset, type TLRichText } from 'tldraw'

/** The address as a paragraph whose text is a link to it, opening in a new tab as tldraw's links do. */
export function linkRichText(url: string): TLRichText {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' } }] }],
      },
    ],
  }
}

/** Registers Dorfplatz's handlers for web addresses; they replace tldraw's defaults. */
export function handlePastedLinks(editor: Editor): void {
  editor.registerExternalContentHandler('url', ({ point, url }) => {
    const center =
      point ?? (editor.inputs.getShiftKey() ? editor.inputs.getCurrentPagePoint() : editor.getViewportPageBounds().center)
    // Not a web address tldraw can link to (e.g. "about:blank#blocked"): it stays plain text.
    const richText = T.linkUrl.isValid(url) ? linkRichText(url) : toRichText(url)
    const id = createShapeId()
    editor.markHistoryStoppingPoint('paste link')
    editor.createShape({ id, type: 'text', x: center.x, y: center.y, props: { richText, autoSize: true } })
    const bounds = editor.getShapePageBounds(id)
    if (bounds) editor.updateShape({ id, type: 'text', x: center.x - bounds.w / 2, y: center.y - bounds.h / 2 })
    editor.select(id)
  })

  editor.registerExternalAssetHandler('url', async ({ url }): Promise<TLBookmarkAsset> => ({
    id: AssetRecordType.createId(getHashForString(url)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: url, title: url, description: '', image: '', favicon: '' },
    meta: {},
  }))
}
