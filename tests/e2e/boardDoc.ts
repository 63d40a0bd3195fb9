/**
 * Reads a board as any Yjs client does (a stock y-websocket provider in
 * Node), so end-to-end tests can check what the browser wrote.
 */
import { expect } from '@playwright/test'
import WebSocket from 'ws'
import { getRecordsMap, readBoardRecords } from '@dorfplatz/board'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

/** A stock y-websocket client on a board, resolved once it is in sync with the server. */
export async function connectBoardClient(
  serverUrl: string,
  boardId: string,
  token: string,
): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { doc, provider }
}

/** The board's document as the server has it now; the provider is closed again. */
export async function readBoardDoc(serverUrl: string, boardId: string, token: string): Promise<Y.Doc> {
  const { doc, provider } = await connectBoardClient(serverUrl, boardId, token)
  provider.destroy()
  return doc
}

/** Board id and token of a board link (`…/b/<id>#token=<token>`). */
export function parseBoardLink(link: string): { boardId: string; token: string } {
  const url = new URL(link)
  return { boardId: url.pathname.split('/').pop()!, token: new URLSearchParams(url.hash.slice(1)).get('token')! }
}

/** Writes `records` into a board as any Yjs client would, and resolves once another reader sees them. */
export async function writeBoardRecords(
  serverUrl: string,
  boardId: string,
  token: string,
  records: ReadonlyArray<{ id: string }>,
): Promise<void> {
  const { doc, provider } = await connectBoardClient(serverUrl, boardId, token)
  const map = getRecordsMap(doc)
  doc.transact(() => {
    for (const record of records) map.set(record.id, record as never)
  })
  await expect
    .poll(async () => {
      const seen = readBoardRecords(await readBoardDoc(serverUrl, boardId, token))
      return records.every((record) => seen.has(record.id))
    })
    .toBe(true)
  provider.destroy()
  doc.destroy()
}
