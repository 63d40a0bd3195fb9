/**
 * Two instances behind nginx on one PostgreSQL and one Redis (see cluster.ts): one instance is
 * killed with SIGKILL while clients write through the balancer; its clients reconnect to the
 * other one by themselves, and nothing any client saw is lost.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { getRecordsArray, getRecordsMap, readBoardRecords, type RecordEntry } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { startCluster, type Cluster } from './cluster.ts'

let cluster: Cluster
beforeAll(async () => {
  cluster = await startCluster()
}, 120_000)
afterAll(async () => {
  await cluster?.stop()
})

const providers: WebsocketProvider[] = []
function connect(boardId: string, token: string): WebsocketProvider {
  const provider = new WebsocketProvider(`${cluster.wsUrl}/sync`, boardId, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // Reconnect quickly after the instance died, as the web client does.
    maxBackoffTime: 500,
  })
  providers.push(provider)
  return provider
}

const synced = (provider: WebsocketProvider) =>
  new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))

/** Resolves once `check` holds, tested after every update of `doc`. */
function whenDoc(doc: Y.Doc, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check()) return
      doc.off('update', test)
      resolve()
    }
    doc.on('update', test)
    test()
  })
}

it('loses nothing anyone saw when one of two instances is killed mid-write; its clients carry on through the other', async () => {
  const response = await fetch(`${cluster.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Ausfallprobe' }),
  })
  expect(response.status).toBe(201)
  const board = (await response.json()) as CreatedBoard
  const writers = [connect(board.id, board.tokens.participant), connect(board.id, board.tokens.facilitator), connect(board.id, board.tokens.participant)]
  const observer = connect(board.id, board.tokens.viewer)
  await Promise.all([...writers, observer].map(synced))

  // The observer only receives what an instance relayed, and instances relay only what they stored.
  const seen = new Set<string>()
  getRecordsArray(observer.doc).observe((event: Y.YArrayEvent<RecordEntry>) => {
    for (const item of event.changes.added) for (const value of item.content.getContent() as RecordEntry[]) if (value?.key) seen.add(value.key)
  })

  let writing = true
  const written: string[][] = writers.map(() => [])
  const loops = writers.map(async (writer, w) => {
    const records = getRecordsMap(writer.doc)
    for (let n = 0; writing; n++) {
      const name = `w${w}-${n}`
      records.set(`shape:${name}`, testNote(name, `Notiz ${n}`))
      written[w]!.push(`shape:${name}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })

  await whenDoc(observer.doc, () => seen.size >= 120)
  await cluster.kill(0, 'SIGKILL')
  const seenAtKill = new Set(seen)
  // Every writer goes on writing, reconnected where needed, until the observer has seen each one's work after the kill.
  const writtenAtKill = written.map((keys) => keys.length)
  await whenDoc(observer.doc, () => written.every((keys, w) => keys.slice(writtenAtKill[w]! + 20).some((key) => seen.has(key))))
  writing = false
  await Promise.all(loops)

  // Everyone converges on the same board, and it holds everything that was seen and written.
  const everything = written.flat()
  for (const client of [...writers, observer]) {
    await whenDoc(client.doc, () => everything.every((key) => readBoardRecords(client.doc).has(key)))
  }
  const fresh = connect(board.id, board.tokens.viewer)
  await synced(fresh)
  const stored = readBoardRecords(fresh.doc)
  expect([...seenAtKill].filter((key) => !stored.has(key))).toEqual([])
  expect(everything.filter((key) => !stored.has(key))).toEqual([])
  for (const provider of providers) provider.destroy()
}, 120_000)
