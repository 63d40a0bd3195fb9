/**
 * Hostile messages for the board socket, drawn from a seeded PRNG so that a failing run can be
 * replayed: garbage, truncated and unknown messages, crafted Yjs updates (deep nesting, huge
 * clocks, missing references, parts no board has, invalid records, abusive delete sets, too many
 * structs), hostile presence and oversized frames, each with the link it is sent over.
 */
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { getRecordsArray, getRecordsMap, readBoardRecords } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { MAX_MESSAGE_BYTES, MAX_UPDATE_STRUCTS, MessageType, type Role } from '@dorfplatz/protocol'
import type { TLRecord } from '@tldraw/tlschema'

export interface HostileMessage {
  kind: string
  role: Role
  bytes: Uint8Array | string
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

const updateMessage = (update: Uint8Array) => syncMessage(syncProtocol.messageYjsUpdate, update)

function awarenessMessage(entries: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, json)
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

function randomBytes(random: prng.PRNG, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = prng.uint32(random, 0, 255)
  return bytes
}

/** Items of made-up clients at the start of the records, hand-encoded (as no Yjs client would write them). */
function handEncodedItems(count: number, clock: (client: number) => number, value: (client: number) => unknown, origin?: { client: number; clock: number }): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, count)
  for (let client = count; client >= 1; client--) {
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, client + 1_000_000)
    encoding.writeVarUint(encoder, clock(client))
    if (origin) {
      encoding.writeUint8(encoder, 8 | 0x80)
      encoding.writeVarUint(encoder, origin.client)
      encoding.writeVarUint(encoder, origin.clock)
    } else {
      encoding.writeUint8(encoder, 8)
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, 'records')
    }
    encoding.writeVarUint(encoder, 1)
    encoding.writeAny(encoder, value(client) as never)
  }
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** An attacker's view of the board at one moment, to craft updates against without encoding it for each. */
export class BoardView {
  readonly state: Uint8Array
  readonly stateVector: Uint8Array
  readonly clients: number[]
  readonly records: ReadonlyMap<string, unknown>

  constructor(doc: Y.Doc) {
    this.state = Y.encodeStateAsUpdate(doc)
    this.stateVector = Y.encodeStateVector(doc)
    this.clients = [...doc.store.clients.keys()]
    this.records = readBoardRecords(doc)
  }
}

/**
 * The update `change` makes on a copy of the board as `view` saw it, or on an empty document
 * when no view is given: most attacks need nothing of the board (an entry pushed into an empty
 * records array lands at its start), and copying the board for each would slow the run down.
 */
function craft(view: BoardView | null, change: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  if (view) Y.applyUpdate(copy, view.state)
  change(copy)
  const update = Y.encodeStateAsUpdate(copy, view?.stateVector)
  copy.destroy()
  return update
}

function deepValue(levels: number): unknown {
  let value: unknown = 'unten'
  for (let level = 0; level < levels; level++) value = [value]
  return value
}

/** Ways of spoiling a valid note, each something the server must refuse. */
const RECORD_SPOILERS: Array<(note: Record<string, unknown>, random: prng.PRNG) => [string, unknown]> = [
  (note) => [note.id as string, { ...note, props: null }],
  (note) => [note.id as string, { ...note, typeName: 'virus' }],
  (note, random) => [`virus:${prng.uint32(random, 0, 1e6)}`, { id: 'virus:1', typeName: prng.word(random) }],
  (note) => [note.id as string, { ...note, index: '!!' }],
  (note) => [note.id as string, { ...note, props: { ...(note.props as object), url: 'javascript:alert(1)' } }],
  (note) => [
    note.id as string,
    {
      ...note,
      props: {
        ...(note.props as object),
        richText: { type: 'doc', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'JAVASCRIPT:alert(1)' } }] }] },
      },
    },
  ],
  (note) => [note.id as string, { ...note, type: 'embed', props: { w: 100, h: 100, url: 'https://tracker.example/' } }],
  (note) => [note.id as string, { ...note, x: 'links' }],
  (note) => [`shape:other`, note],
  (note, random) => [note.id as string, { ...note, meta: { deep: deepValue(prng.uint32(random, 60, 3000)) } }],
  (note) => [note.id as string, { ...note, props: { ...(note.props as object), richText: { type: 'doc', content: ['x'.repeat(300_000)] } } }],
  (note) => [note.id as string, { ...note, x: 1n }],
  () => [
    'asset:remote',
    { id: 'asset:remote', typeName: 'asset', type: 'image', meta: {}, props: { w: 1, h: 1, name: 'x', isAnimated: false, mimeType: 'image/png', src: 'https://tracker.example/p.png' } },
  ],
  () => [
    'asset:bm',
    { id: 'asset:bm', typeName: 'asset', type: 'bookmark', meta: {}, props: { title: '', description: '', image: 'https://tracker.example/i.png', favicon: '', src: null } },
  ],
]

type Generator = (random: prng.PRNG, board: BoardView) => HostileMessage

/** Each kind of hostile message, with how often it is drawn. */
const GENERATORS: Array<[number, Generator]> = [
  [8, (random) => ({ kind: 'garbage', role: prng.oneOf(random, ['participant', 'viewer']), bytes: randomBytes(random, prng.uint32(random, 0, 300)) })],
  [
    6,
    (random) => {
      const message = updateMessage(craft(null, (doc) => getRecordsMap(doc).set('shape:t', testNote('t', prng.word(random)))))
      return { kind: 'truncated', role: 'participant', bytes: message.slice(0, prng.uint32(random, 1, message.length - 1)) }
    },
  ],
  [4, (random) => ({ kind: 'unknown message type', role: prng.oneOf(random, ['participant', 'viewer']), bytes: new Uint8Array([prng.uint32(random, 4, 250), ...randomBytes(random, 8)]) })],
  [3, (random) => ({ kind: 'unknown sync type', role: 'participant', bytes: new Uint8Array([0, prng.uint32(random, 3, 120), ...randomBytes(random, 8)]) })],
  [2, (random) => ({ kind: 'text frame', role: prng.oneOf(random, ['participant', 'viewer']), bytes: prng.word(random, 1, 40) })],
  [
    6,
    (random) => {
      const depth = prng.uint32(random, 10, 4000)
      const root = prng.oneOf(random, ['unused', 'meta', 'facilitation', 'records'])
      const update = craft(null, (doc) => {
        let map: Y.Map<unknown>
        if (root === 'records') {
          map = new Y.Map()
          getRecordsArray(doc).push([map as never])
        } else map = doc.getMap(root)
        doc.transact(() => {
          for (let level = 0; level < depth; level++) {
            const next = new Y.Map<unknown>()
            map.set('k', next)
            map = next
          }
        })
      })
      return { kind: 'deep nesting', role: 'participant', bytes: updateMessage(update) }
    },
  ],
  [
    4,
    (random) => ({
      kind: 'huge clocks',
      role: 'participant',
      bytes: updateMessage(handEncodedItems(prng.uint32(random, 1, 20), () => 2 ** prng.uint32(random, 20, 50), (n) => ({ key: `shape:h${n}`, val: testNote(`h${n}`) }))),
    }),
  ],
  [
    4,
    (random) => ({
      kind: 'missing references',
      role: 'participant',
      bytes: updateMessage(handEncodedItems(prng.uint32(random, 1, 20), () => 0, (n) => ({ key: `shape:m${n}`, val: testNote(`m${n}`) }), { client: prng.uint32(random, 1, 2 ** 30), clock: 7 })),
    }),
  ],
  [
    6,
    (random) => {
      const write = prng.oneOf<(doc: Y.Doc) => void>(random, [
        (doc) => doc.getMap('facilitation').set('freeze', { since: 1, name: 'ich' }),
        (doc) => doc.getMap('votingRounds').set('r', { id: 'r' }),
        (doc) => doc.getMap('authors').set('shape:x', { changedBy: { name: 'ich', color: '#000000', role: 'facilitator' }, changedAt: 1 }),
        (doc) => doc.getMap('meta').set('title', 'Gekapert'),
        (doc) => doc.getMap('meta').set('schema', { schemaVersion: 99 }),
        (doc) => doc.getMap(prng.word(random, 1, 12)).set('x', 1),
        (doc) => doc.getText('text').insert(0, 'x'),
        (doc) => doc.getMap('records').set('shape:x', { key: 'shape:x', val: testNote('x') }),
      ])
      return { kind: 'parts no board has', role: prng.oneOf(random, ['participant', 'facilitator']), bytes: updateMessage(craft(null, write)) }
    },
  ],
  [
    12,
    (random) => {
      const name = `spoiled-${prng.uint32(random, 0, 1e6)}`
      const [key, value] = prng.oneOf(random, RECORD_SPOILERS)(testNote(name, prng.word(random)) as unknown as Record<string, unknown>, random)
      const asAnswer = prng.bool(random)
      const update = craft(null, (doc) => getRecordsArray(doc).push([{ key, val: value as TLRecord }]))
      return {
        kind: 'invalid record',
        role: prng.oneOf(random, ['participant', 'facilitator']),
        bytes: asAnswer ? syncMessage(syncProtocol.messageYjsSyncStep2, update) : updateMessage(update),
      }
    },
  ],
  [
    4,
    (random) => {
      // Junk in the comments root (4400), or a comment stamped with someone else's name (4403).
      const author = { name: prng.word(random, 1, 12), color: '#000000', role: 'facilitator', at: 1 }
      const key = prng.oneOf(random, ['thread_', 'comment_', '', 'x_']) + prng.word(random, 1, 20)
      const value = prng.oneOf<unknown>(random, [
        prng.word(random, 1, 40),
        { noteId: 'shape:x', resolved: 'ja' },
        { noteId: 'page:x', resolved: false },
        { thread: 't', text: 'x'.repeat(prng.uint32(random, 2001, 5000)), at: 1 },
        { thread: 't', text: '   ', at: 1 },
        { thread: 't', text: 'x', at: 1, author },
      ])
      const forged = prng.uint32(random, 0, 3) === 0
      const update = craft(null, (doc) => (forged ? doc.getMap('commentAuthors').set(key, author) : doc.getMap('comments').set(key, value)))
      return { kind: 'invalid or forged comment', role: prng.oneOf(random, ['participant', 'facilitator']), bytes: updateMessage(update) }
    },
  ],
  [
    4,
    (random, board) => {
      const structure = [...board.records].find(([, value]) => (value as { meta?: { dorfplatz?: unknown } }).meta?.dorfplatz)
      const update = craft(board, (doc) => {
        if (structure) getRecordsMap(doc).set(structure[0], { ...(structure[1] as TLRecord), x: prng.int32(random, -99, 99) } as TLRecord)
      })
      return { kind: 'template structure by a participant', role: 'participant', bytes: updateMessage(update) }
    },
  ],
  [
    10,
    (random) => {
      const json = prng.oneOf<() => string>(random, [
        () => `{"user":{"name":"x"},"c":${'['.repeat(8000)}${']'.repeat(8000)}}`,
        () => `{"a":${'{"a":'.repeat(30)}1${'}'.repeat(30)}}`,
        () => '[1,2,3]',
        () => '"Text"',
        () => '{"user":',
        () => JSON.stringify({ user: { name: 'x'.repeat(20_000) } }),
        () => JSON.stringify({ user: { name: prng.word(random), color: '#123456' }, cursor: { x: 1, y: 2 } }),
      ])()
      const entries = Array.from({ length: prng.uint32(random, 1, 30) }, () => ({ clientId: prng.uint32(random, 0, 2 ** 31), clock: prng.uint32(random, 0, 2 ** 31), json }))
      return { kind: 'hostile presence', role: prng.oneOf(random, ['participant', 'viewer']), bytes: awarenessMessage(entries) }
    },
  ],
  [
    3,
    (random, board) => {
      const clients = board.clients
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, clients.length > 0 ? prng.oneOf(random, clients) : 1)
      const ranges = prng.uint32(random, 2, 5000)
      encoding.writeVarUint(encoder, ranges)
      for (let range = 0; range < ranges; range++) {
        encoding.writeVarUint(encoder, prng.uint32(random, 0, 50))
        encoding.writeVarUint(encoder, prng.uint32(random, 0, 2 ** 30))
      }
      return { kind: 'abusive delete set', role: 'participant', bytes: updateMessage(encoding.toUint8Array(encoder)) }
    },
  ],
  [
    0.05,
    () => ({ kind: 'too many structs', role: 'participant', bytes: updateMessage(handEncodedItems(MAX_UPDATE_STRUCTS + 1, () => 0, () => 1)) }),
  ],
  [0.05, () => ({ kind: 'oversized', role: 'participant', bytes: new Uint8Array(MAX_MESSAGE_BYTES + 1) })],
  [
    3,
    (random) => ({
      kind: 'a viewer writing',
      role: 'viewer',
      bytes: updateMessage(craft(null, (doc) => getRecordsMap(doc).set('shape:v', testNote('v', prng.word(random))))),
    }),
  ],
  [
    2,
    (random) => {
      const name = `attacker-${prng.uint32(random, 0, 1e9)}`
      return {
        kind: 'a valid note from the attacker',
        role: 'participant',
        bytes: updateMessage(craft(null, (doc) => getRecordsMap(doc).set(`shape:${name}`, testNote(name, prng.word(random))))),
      }
    },
  ],
]

const TOTAL_WEIGHT = GENERATORS.reduce((sum, [weight]) => sum + weight, 0)

/** One hostile message, crafted against `board` (the attacker's last view of it). */
export function hostileMessage(random: prng.PRNG, board: BoardView): HostileMessage {
  let roll = prng.real53(random) * TOTAL_WEIGHT
  for (const [weight, generate] of GENERATORS) {
    roll -= weight
    if (roll <= 0) return generate(random, board)
  }
  return GENERATORS[0]![1](random, board)
}
