/**
 * What a participant or viewer link can send over the board's socket, played by hand-made
 * clients: invalid records, parts no board has, deep nesting, crafted delete sets, hostile
 * presence. Each is refused by closing that one socket; the board keeps storing and relaying
 * honest work, and nothing of the attack is stored.
 */
import { describe, expect, it, vi } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { createShapeId, toRichText, type TLRecord } from '@tldraw/tlschema'
import { getRecordsArray, getRecordsMap, readBoardRecords } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { CloseCode, MAX_RECORD_BYTES, MAX_UPDATE_STRUCTS, type CreatedBoard } from '@dorfplatz/protocol'
import { awarenessJsonMessage, connectHostile, syncAnswerMessage, syncUpdateMessage } from './hostileClient.ts'
import {
  connectProvider,
  noteText,
  openRawSocket,
  startTestServer,
  waitForDoc,
  waitForSync,
  writeNote,
  type TestServer,
} from './testServer.ts'

const syncUrl = (server: TestServer, boardId: string, token: string) => `${server.wsUrl}/sync/${boardId}?token=${token}`

/** A board with an honest participant on it, who wrote a note before the attack. */
async function boardUnderAttack() {
  const server = await startTestServer()
  const board = await server.createBoard('Angegriffen')
  const honest = connectProvider(server, board.id, board.tokens.participant)
  await waitForSync(honest)
  writeNote(honest.doc, 'before', 'Vorher')
  const witness = connectProvider(server, board.id, board.tokens.viewer)
  await waitForDoc(witness.doc, (doc) => noteText(doc, 'before') === 'Vorher')
  return { server, board, honest, witness }
}

/**
 * The board still works: the honest participant is still connected, a new note of theirs is
 * relayed to the witness and to a newcomer, and after a restart of the server (from storage
 * alone) everything the witness saw is there and nothing of `attack` is.
 */
async function expectBoardUnharmed(
  server: TestServer,
  board: CreatedBoard,
  { honest, witness }: Awaited<ReturnType<typeof boardUnderAttack>>,
  attackKeys: readonly string[] = [],
) {
  expect(honest.wsconnected).toBe(true)
  writeNote(honest.doc, 'after', 'Nachher')
  await waitForDoc(witness.doc, (doc) => noteText(doc, 'after') === 'Nachher')
  const newcomer = connectProvider(server, board.id, board.tokens.viewer)
  await waitForSync(newcomer)
  expect(noteText(newcomer.doc, 'before')).toBe('Vorher')
  expect(noteText(newcomer.doc, 'after')).toBe('Nachher')
  for (const key of attackKeys) expect(readBoardRecords(newcomer.doc).has(key)).toBe(false)
  // Only what is known to the document layout is there, and every record is one the server accepts.
  expect([...newcomer.doc.share.keys()].every((root) => ['records', 'meta', 'facilitation', 'votingRounds', 'authors', 'comments', 'commentAuthors'].includes(root))).toBe(true)

  const stored = await server.app.storage.loadDocument(board.id)
  const fromStorage = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(fromStorage, update)
  expect(noteText(fromStorage, 'after')).toBe('Nachher')
  for (const key of attackKeys) expect(readBoardRecords(fromStorage).has(key)).toBe(false)
  expect([...readBoardRecords(fromStorage).keys()].sort()).toEqual([...readBoardRecords(witness.doc).keys()].sort())
}

const note = (name: string) => testNote(name, `Notiz ${name}`) as unknown as Record<string, unknown>

/** Records no board may hold, each under the key it is written with. */
const INVALID_RECORDS: Array<[string, () => [string, unknown]]> = [
  ['a shape whose props is null', () => ['shape:nullprops', { ...note('nullprops'), props: null }]],
  ['a record of a type tldraw does not know', () => ['virus:1', { id: 'virus:1', typeName: 'virus', payload: 'x' }]],
  ['an invalid index key', () => ['shape:badindex', { ...note('badindex'), index: '!!' }]],
  [
    'a javascript: link',
    () => ['shape:jslink', { ...note('jslink'), props: { ...(note('jslink').props as object), url: 'javascript:alert(1)' } }],
  ],
  [
    'a javascript: link inside the note text',
    () => {
      const richText = {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Klick', marks: [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }] }] }],
      }
      return ['shape:jsmark', { ...note('jsmark'), props: { ...(note('jsmark').props as object), richText } }]
    },
  ],
  [
    'an embedded page of another site',
    () => {
      const id = createShapeId('embed')
      return [id, { ...note('embed'), id, type: 'embed', props: { w: 300, h: 200, url: 'https://tracker.example/' } }]
    },
  ],
  [
    'a picture loaded from another site',
    () => [
      'asset:remote',
      {
        id: 'asset:remote',
        typeName: 'asset',
        type: 'image',
        meta: {},
        props: { w: 10, h: 10, name: 'x.png', isAnimated: false, mimeType: 'image/png', src: 'https://tracker.example/x.png' },
      },
    ],
  ],
  [
    'a link preview with a picture from another site',
    () => [
      'asset:bookmark',
      {
        id: 'asset:bookmark',
        typeName: 'asset',
        type: 'bookmark',
        meta: {},
        props: { title: 'x', description: '', image: 'https://tracker.example/og.png', favicon: '', src: 'https://example.org/' },
      },
    ],
  ],
  ['a record stored under another id', () => ['shape:one', note('other')]],
  [
    'a record nested deeper than any board needs',
    () => {
      let deep: unknown = 'unten'
      for (let level = 0; level < 200; level++) deep = { level: deep }
      return ['shape:deep', { ...note('deep'), meta: { deep } }]
    },
  ],
  [
    'a record larger than any note',
    () => ['shape:huge', testNote('huge', 'x'.repeat(MAX_RECORD_BYTES + 1))],
  ],
  ['a bigint in a record', () => ['shape:bigint', { ...note('bigint'), x: 10n }]],
]

describe('records', () => {
  for (const [name, make] of INVALID_RECORDS) {
    it(`refuses ${name} (4400), stores and relays nothing of it, and the board goes on`, async () => {
      const context = await boardUnderAttack()
      const { server, board } = context
      const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
      const [key, value] = make()
      attacker.send(syncUpdateMessage(attacker.craft((doc) => getRecordsArray(doc).push([{ key, val: value as TLRecord }]))))
      expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
      await expectBoardUnharmed(server, board, context, [key])
    })
  }

  it('refuses entries that are not { key, val } and Yjs types in the records', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    for (const entry of [() => 'nur ein Text', () => null, () => new Y.Map(), () => new Y.Text('x')]) {
      const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
      attacker.send(syncUpdateMessage(attacker.craft((doc) => (getRecordsArray(doc) as Y.Array<unknown>).push([entry()]))))
      expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    }
    await expectBoardUnharmed(server, board, context)
  })

  it('refuses a whole offline answer (sync step 2) that holds one invalid record among valid ones', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
    const update = attacker.craft((doc) => {
      const records = getRecordsMap(doc)
      for (let n = 0; n < 5; n++) records.set(`shape:offline${n}`, testNote(`offline${n}`, `Offline ${n}`))
      getRecordsArray(doc).push([{ key: 'shape:nullprops', val: { ...note('nullprops'), props: null } as unknown as TLRecord }])
    })
    attacker.send(syncAnswerMessage(update))
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, context, ['shape:nullprops', 'shape:offline0', 'shape:offline4'])
  })

  it('holds a facilitator to the same record rules', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.facilitator))
    attacker.send(
      syncUpdateMessage(attacker.craft((doc) => getRecordsArray(doc).push([{ key: 'shape:x', val: { ...note('x'), props: null } as unknown as TLRecord }]))),
    )
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, context, ['shape:x'])
  })

  it('takes valid records of every kind a workshop makes, pictures included', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const writer = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(writer)
    const link = testNote('link', 'Siehe Website')
    const linked = { ...link, props: { ...link.props, url: 'https://www.rlp.de/', richText: toRichText('https://www.rlp.de/') } }
    const picture = {
      id: 'asset:inline',
      typeName: 'asset',
      type: 'image',
      meta: {},
      props: { w: 1, h: 1, name: 'p.png', isAnimated: false, mimeType: 'image/png', src: 'data:image/png;base64,iVBORw0KGgo=' },
    } as unknown as TLRecord
    getRecordsMap(writer.doc).write(
      [
        [linked.id, linked],
        [picture.id, picture],
      ],
      [],
    )
    await waitForDoc(context.witness.doc, (doc) => readBoardRecords(doc).has('asset:inline') && readBoardRecords(doc).has(linked.id))
    expect(writer.wsconnected).toBe(true)
    await expectBoardUnharmed(server, board, context)
  })
})

describe('document structure', () => {
  it('refuses parts of the document no board has (4400)', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const writes: Array<(doc: Y.Doc) => void> = [
      (doc) => doc.getMap('anything').set('x', 1),
      (doc) => doc.getArray('log').push(['x']),
      (doc) => doc.getText('text').insert(0, 'x'),
      (doc) => doc.getXmlFragment('xml').insert(0, [new Y.XmlText('x')]),
    ]
    for (const write of writes) {
      const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
      attacker.send(syncUpdateMessage(attacker.craft(write)))
      expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    }
    await expectBoardUnharmed(server, board, context)
  })

  it('refuses 2,000 nested maps (under a part no board has, under meta, as a record); honest work is stored and relayed all along', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const chain = (doc: Y.Doc, root: Y.Map<unknown>) => {
      let map = root
      for (let level = 0; level < 2000; level++) {
        const next = new Y.Map<unknown>()
        map.set('k', next)
        map = next
      }
      void doc
    }
    for (const build of [(doc: Y.Doc) => chain(doc, doc.getMap('unused')), (doc: Y.Doc) => chain(doc, doc.getMap('meta'))]) {
      const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
      const first = attacker.craft(build)
      attacker.send(syncUpdateMessage(first))
      const { code } = await attacker.closed
      expect([CloseCode.BAD_MESSAGE, CloseCode.FORBIDDEN]).toContain(code)
    }
    // The same chain as a record's value.
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
    attacker.send(
      syncUpdateMessage(
        attacker.craft((doc) => {
          const top = new Y.Map<unknown>()
          getRecordsArray(doc).push([top as unknown as { key: string; val: TLRecord }])
          chain(doc, top)
        }),
      ),
    )
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, context)
  })

  it('refuses 20,000 levels of nesting at once, and keeps answering meanwhile', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
    const update = attacker.craft((doc) => {
      let map = doc.getMap<unknown>('unused')
      doc.transact(() => {
        for (let level = 0; level < 20_000; level++) {
          const next = new Y.Map<unknown>()
          map.set('k', next)
          map = next
        }
      })
    })
    attacker.send(syncUpdateMessage(update))
    const health = fetch(`${server.url}/healthz`)
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    expect((await health).status).toBe(200)
    await expectBoardUnharmed(server, board, context)
  })

  it('refuses an update with more structs than any browser makes, before applying any of it', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    // One item per made-up client, each at the start of the records, hand-encoded.
    const encoder = encoding.createEncoder()
    const clients = MAX_UPDATE_STRUCTS + 1
    encoding.writeVarUint(encoder, clients)
    for (let client = clients; client >= 1; client--) {
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, 0)
      encoding.writeUint8(encoder, 8) // ContentAny, parent named
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, 'records')
      encoding.writeVarUint(encoder, 1)
      encoding.writeAny(encoder, { key: `shape:c${client}`, val: null })
    }
    encoding.writeVarUint(encoder, 0)
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
    attacker.send(syncUpdateMessage(encoding.toUint8Array(encoder)))
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, context)
  })

  it('refuses delete sets whose ranges overlap, which Yjs would walk again and again', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const victim = context.honest.doc.clientID
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // no structs
    encoding.writeVarUint(encoder, 1) // one client in the delete set
    encoding.writeVarUint(encoder, victim)
    encoding.writeVarUint(encoder, 10_000)
    for (let range = 0; range < 10_000; range++) {
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, 1_000_000)
    }
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
    attacker.send(syncUpdateMessage(encoding.toUint8Array(encoder)))
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, context)
  })

  it('refuses records inserted as map entries of the records root', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    const attacker = await connectHostile(syncUrl(server, board.id, board.tokens.participant))
    // Another client's view of the same root as a map: Yjs would file the entry under `_map`.
    const other = new Y.Doc()
    other.getMap('records').set('shape:x', { key: 'shape:x', val: testNote('x') })
    attacker.send(syncUpdateMessage(Y.encodeStateAsUpdate(other)))
    expect((await attacker.closed).code).toBe(CloseCode.BAD_MESSAGE)
    await expectBoardUnharmed(server, board, context, ['shape:x'])
  })
})

describe('presence', () => {
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)

  for (const role of ['participant', 'viewer'] as const) {
    it(`closes a ${role} socket whose presence nests 8,000 arrays (4400), and the board and everyone on it go on`, async () => {
      const context = await boardUnderAttack()
      const { server, board, honest, witness } = context
      honest.awareness.setLocalStateField('user', { name: 'Frau Weber' })
      const raw = openRawSocket(syncUrl(server, board.id, board.tokens[role]))
      await raw.opened
      // Without a `user` field, so that nothing re-encodes it on arrival: the danger is in the next flush.
      raw.socket.send(awarenessJsonMessage(777_777, `{"cursor":${nested(8000)}}`))
      expect((await raw.closed).code).toBe(CloseCode.BAD_MESSAGE)
      // Presence still flows: the witness sees the honest participant's name.
      await vi.waitFor(() => expect(witness.awareness.getStates().get(honest.doc.clientID)?.user?.name).toBe('Frau Weber'))
      expect(witness.wsconnected && honest.wsconnected).toBe(true)
      expect(server.app.rooms.peek(board.id)!.awareness.getStates().has(777_777)).toBe(false)
      await expectBoardUnharmed(server, board, context)
    })
  }

  it('refuses presence that is not an object', async () => {
    const context = await boardUnderAttack()
    const { server, board } = context
    for (const json of ['[1,2,3]', '"Text"', '42']) {
      const raw = openRawSocket(syncUrl(server, board.id, board.tokens.participant))
      await raw.opened
      raw.socket.send(awarenessJsonMessage(888_888, json))
      expect((await raw.closed).code).toBe(CloseCode.BAD_MESSAGE)
    }
    await expectBoardUnharmed(server, board, context)
  })
})
