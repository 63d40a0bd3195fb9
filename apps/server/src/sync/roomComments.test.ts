import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import {
  getCommentAuthorsMap,
  getCommentsMap,
  getRecordsMap,
  MAX_COMMENT_ENTRIES,
  MAX_COMMENT_LENGTH,
  readCommentThreads,
} from '@dorfplatz/board'
import { testNote, writeTestComment } from '@dorfplatz/board/testing'
import { CloseCode } from '@dorfplatz/protocol'
import { awarenessMessage, openTestRoom, type TestClient, type TestRoom } from './testing/roomHarness.ts'

let open: TestRoom | undefined
afterEach(async () => {
  await open?.close()
  open = undefined
})

const NOTE = 'shape:a'

let nextClientId = 300
/** Clients whose socket the server closed. */
const closedClients = new Set<TestClient>()
async function joinAs(test: TestRoom, role: 'facilitator' | 'participant' | 'viewer', name: string, color: string): Promise<TestClient> {
  const client = await test.join(role)
  void client.socket.closed.then(() => closedClients.add(client))
  client.send(awarenessMessage(nextClientId++, { user: { id: `u-${name}`, name, color, role } }))
  await test.settle()
  return client
}

const anna = { name: 'Anna Weber', color: '#2f6db5', role: 'participant' } as const
const bernd = { name: 'Bernd Klein', color: '#b52f4a', role: 'participant' } as const

/** Makes `change` in `client`'s own document, as a browser does, and sends it. */
async function write(test: TestRoom, client: TestClient, change: (doc: Y.Doc) => void): Promise<void> {
  Y.applyUpdate(client.doc, client.sendChange(change))
  await test.settle()
}

async function boardWithNote(): Promise<{ test: TestRoom; a: TestClient; b: TestClient }> {
  const test = (open = await openTestRoom())
  const a = await joinAs(test, 'participant', anna.name, anna.color)
  const b = await joinAs(test, 'participant', bernd.name, bernd.color)
  await write(test, a, (doc) => getRecordsMap(doc).set(NOTE, testNote('a', 'Dorfladen')))
  return { test, a, b }
}

const question = { noteId: NOTE, thread: 't1', id: 'm1', text: 'Wer betreibt den Laden?', at: 1000 }

async function expectClosed(client: TestClient, code: number): Promise<void> {
  expect((await client.socket.closed).code).toBe(code)
}

describe('Room: comments on notes', () => {
  it('stamps each comment with its writer as the server knows them; replies, even at the same moment, all stay', async () => {
    const { test, a, b } = await boardWithNote()
    await write(test, a, (doc) => writeTestComment(doc, question))
    expect(readCommentThreads(b.doc)).toEqual([['t1', { noteId: NOTE, resolved: false, messages: [{ id: 'm1', text: question.text, at: 1000, author: anna }] }]])

    // Both answer before either has seen the other's answer.
    const fromA = a.sendChange((doc) => writeTestComment(doc, { thread: 't1', id: 'm2', text: 'Die Gemeinde.', at: 2000 }))
    const fromB = b.sendChange((doc) => writeTestComment(doc, { thread: 't1', id: 'm3', text: 'Eine Genossenschaft.', at: 2000 }))
    Y.applyUpdate(a.doc, fromA)
    Y.applyUpdate(b.doc, fromB)
    await test.settle()
    const thread = readCommentThreads(a.doc)[0]![1]
    expect(thread.messages.map((message) => [message.text, message.author])).toEqual([
      [question.text, anna],
      ['Die Gemeinde.', anna],
      ['Eine Genossenschaft.', bernd],
    ])
    expect(readCommentThreads(b.doc)).toEqual(readCommentThreads(a.doc))
    expect(closedClients.has(a) || closedClients.has(b)).toBe(false)
  })

  it('lets either participant resolve and reopen a thread; everyone sees it', async () => {
    const { test, a, b } = await boardWithNote()
    await write(test, a, (doc) => writeTestComment(doc, question))
    await write(test, b, (doc) => getCommentsMap(doc).set('thread_t1', { noteId: NOTE, resolved: true }))
    expect(readCommentThreads(a.doc)[0]![1].resolved).toBe(true)
    await write(test, a, (doc) => getCommentsMap(doc).set('thread_t1', { noteId: NOTE, resolved: false }))
    expect(readCommentThreads(b.doc)[0]![1].resolved).toBe(false)
    expect(readCommentThreads(test.room.doc)[0]![1].messages).toHaveLength(1)
    expect(closedClients.has(a) || closedClients.has(b)).toBe(false)
  })

  it('takes a comment written offline under an older name, and stamps it with the name shown when it arrives', async () => {
    const { test, a } = await boardWithNote()
    // Anna's browser wrote the comment offline; she since calls herself differently and reconnects.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a.doc))
    writeTestComment(offline, question)
    const back = await joinAs(test, 'participant', 'Bürgermeisterin Weber', '#2f6db5')
    back.sendChange((doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline)), syncProtocol.messageYjsSyncStep2)
    await test.settle()
    expect(closedClients.has(back)).toBe(false)
    expect(readCommentThreads(a.doc)[0]![1].messages[0]!.author).toEqual({ name: 'Bürgermeisterin Weber', color: '#2f6db5', role: 'participant' })
  })

  it('refuses a hand-made stamp in someone else’s name (4403), and a name inside the comment (4400)', async () => {
    const { test, a, b } = await boardWithNote()
    await write(test, a, (doc) => writeTestComment(doc, question))
    b.sendChange((doc) => getCommentAuthorsMap(doc).set('comment_m1', { ...bernd, at: 1 }))
    await expectClosed(b, CloseCode.FORBIDDEN)
    await test.settle()
    expect(readCommentThreads(test.room.doc)[0]![1].messages[0]!.author).toEqual(anna)

    const c = await joinAs(test, 'participant', 'Carla', '#00aa00')
    c.sendChange((doc) => getCommentsMap(doc).set('comment_m9', { thread: 't1', text: 'Ich bin Anna', at: 1, author: anna }))
    await expectClosed(c, CloseCode.BAD_MESSAGE)
    await test.settle()
    expect(getCommentsMap(test.room.doc).has('comment_m9')).toBe(false)
  })

  it('refuses a viewer’s comment (4403) and stores nothing of it', async () => {
    const { test } = await boardWithNote()
    const viewer = await joinAs(test, 'viewer', 'Presse', '#123456')
    viewer.sendChange((doc) => writeTestComment(doc, question))
    await expectClosed(viewer, CloseCode.FORBIDDEN)
    await test.settle()
    expect(getCommentsMap(test.room.doc).size).toBe(0)
  })

  it('refuses a changed comment and a thread moved to another note (4403)', async () => {
    const changes: Array<(doc: Y.Doc) => void> = [
      (doc) => getCommentsMap(doc).set('comment_m1', { thread: 't1', text: 'Umgeschrieben', at: 1000 }),
      (doc) => getCommentsMap(doc).set('comment_m1', { thread: 't2', text: question.text, at: 1000 }),
      (doc) => getCommentsMap(doc).set('thread_t1', { noteId: 'shape:b', resolved: false }),
    ]
    for (const change of changes) {
      const { test, a, b } = await boardWithNote()
      await write(test, a, (doc) => writeTestComment(doc, question))
      b.sendChange(change)
      await expectClosed(b, CloseCode.FORBIDDEN)
      await test.settle()
      expect(readCommentThreads(test.room.doc)).toEqual([['t1', { noteId: NOTE, resolved: false, messages: [{ id: 'm1', text: question.text, at: 1000, author: anna }] }]])
      await test.close()
      open = undefined
    }
  })

  it('lets only a facilitator remove a comment or a thread; the stamp goes with the comment', async () => {
    for (const key of ['comment_m1', 'thread_t1']) {
      const { test, a, b } = await boardWithNote()
      await write(test, a, (doc) => writeTestComment(doc, question))
      b.sendChange((doc) => getCommentsMap(doc).delete(key))
      await expectClosed(b, CloseCode.FORBIDDEN)
      await test.settle()
      expect(getCommentsMap(test.room.doc).has(key)).toBe(true)
      await test.close()
      open = undefined
    }
    const { test, a } = await boardWithNote()
    await write(test, a, (doc) => writeTestComment(doc, question))
    const facilitator = await joinAs(test, 'facilitator', 'Moderation', '#000000')
    await write(test, facilitator, (doc) => getCommentsMap(doc).delete('comment_m1'))
    expect(closedClients.has(facilitator)).toBe(false)
    expect(getCommentsMap(a.doc).has('comment_m1')).toBe(false)
    expect(getCommentAuthorsMap(a.doc).has('comment_m1')).toBe(false)
    expect(readCommentThreads(a.doc)).toEqual([])
  })

  it('refuses a comment beyond MAX_COMMENT_ENTRIES on a board (4403)', async () => {
    const { test, a, b } = await boardWithNote()
    await write(test, a, (doc) => {
      for (let n = 0; n < MAX_COMMENT_ENTRIES; n++) getCommentsMap(doc).set(`comment_n${n}`, { thread: 't1', text: 'x', at: n })
    })
    expect(getCommentsMap(test.room.doc).size).toBe(MAX_COMMENT_ENTRIES)
    b.sendChange((doc) => writeTestComment(doc, { thread: 't1', id: 'more', text: 'Noch eins', at: 1 }))
    await expectClosed(b, CloseCode.FORBIDDEN)
    await test.settle()
    expect(getCommentsMap(test.room.doc).has('comment_more')).toBe(false)
  })

  it('refuses junk in the comments root (4400) and stores nothing of it', async () => {
    const comment = { thread: 't1', text: 'Frage', at: 1 }
    const junk: Array<[string, unknown]> = [
      ['comment_m1', 'nur Text'],
      ['comment_m1', { ...comment, extra: 1 }],
      ['comment_m1', { ...comment, text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }],
      ['comment_m1', { ...comment, text: '   ' }],
      ['comment_m1', { ...comment, at: -1 }],
      ['comment_m1', { ...comment, thread: 't/1' }],
      ['thread_t1', { noteId: 'page:page', resolved: false }],
      ['thread_t1', { noteId: NOTE, resolved: 'ja' }],
      ['thread_t1', comment],
      ['comment_m/1', comment],
      ['m1', comment],
      ['comment_', comment],
    ]
    for (const [key, value] of junk) {
      const { test, a } = await boardWithNote()
      a.sendChange((doc) => getCommentsMap(doc).set(key, value))
      await expectClosed(a, CloseCode.BAD_MESSAGE)
      await test.settle()
      expect(getCommentsMap(test.room.doc).size).toBe(0)
      await test.close()
      open = undefined
    }
  })

  it('refuses nested types in the comments root (4400)', async () => {
    const { test, a } = await boardWithNote()
    a.sendChange((doc) => getCommentsMap(doc).set('thread_t1', new Y.Map()))
    await expectClosed(a, CloseCode.BAD_MESSAGE)
    await test.settle()
    expect(getCommentsMap(test.room.doc).size).toBe(0)
  })
})
