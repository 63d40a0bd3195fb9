import { TLINSTANCE_ID, type TLNoteShape, type TLRecord, type TLShape, type TLStore } from '@tldraw/tlschema'
import * as prng from 'lib0/prng'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { getMeta, getRecordsMap, MetaKey, readBoardRecords } from './boardDocument.ts'
import { bindStoreToDoc, type BoardBinding, type BoardStatus } from './bindStoreToDoc.ts'
import { createBoardSchema } from './createBoardSchema.ts'
import { FIRST_PAGE_ID, initBoardDoc } from './initBoardDoc.ts'
import { boardRecordsOf, createTestStore } from './testing/createTestStore.ts'
import { installManualFrames } from './testing/manualFrames.ts'
import { applyRandomEdit } from './testing/randomBoardOps.ts'
import { TestNetwork } from './testing/TestNetwork.ts'
import { testNote } from './testing/testNote.ts'

const schema = createBoardSchema()
const currentSchema = schema.serialize()

/** Origin of updates a test delivers to a doc, as a provider would. */
const NETWORK = 'network'

/** Counts the updates a doc's own client makes: what its provider would send to the server. */
function countOwnUpdates(doc: Y.Doc): () => number {
  let count = 0
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK) count++
  })
  return () => count
}

function deliver(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), NETWORK)
}

/** The state a client receives on its first sync with a freshly created board. */
function seededBoardState(): Uint8Array {
  const doc = new Y.Doc()
  initBoardDoc(doc, { title: 'Zukunftswerkstatt Dorfmitte', pageName: 'Seite 1' })
  return Y.encodeStateAsUpdate(doc)
}

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state, NETWORK)
  return doc
}

function recordsIn(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries(readBoardRecords(doc))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('bindStoreToDoc with random edits on several peers', () => {
  interface Peer {
    doc: Y.Doc
    store: TLStore
    binding: BoardBinding
  }

  const STEPS = 300

  function runConvergence(seed: number, historyOnFrames: boolean): void {
    const warn = vi.spyOn(console, 'warn')
    const frames = historyOnFrames ? installManualFrames() : null
    try {
      const random = prng.create(seed)
      const network = new TestNetwork(random)
      const server = docFrom(seededBoardState())
      const peers: Peer[] = []
      const join = (): void => {
        const doc = new Y.Doc()
        // The first sync brings everything written so far (the server has seen all of it).
        const everything = [server, ...peers.map((peer) => peer.doc)].map((d) => Y.encodeStateAsUpdate(d))
        network.connect(doc, Y.mergeUpdates(everything))
        const store = createTestStore(schema)
        peers.push({ doc, store, binding: bindStoreToDoc(store, doc) })
      }
      const initialPeers = prng.int32(random, 3, 5)
      for (let i = 0; i < initialPeers; i++) join()

      let edits = 0
      for (let step = 0; step < STEPS; step++) {
        if (step === STEPS / 2) join()
        const roll = prng.int32(random, 0, 9)
        if (roll < 5) {
          const index = prng.int32(random, 0, peers.length - 1)
          const peer = peers[index]
          if (peer) applyRandomEdit(random, peer.store, index, step)
          edits++
        } else if (roll < 9) {
          network.deliverSome(prng.int32(random, 1, 8))
        } else {
          frames?.flush()
        }
      }
      do {
        frames?.flush()
        network.deliverAll()
        frames?.flush()
      } while (network.waiting() > 0)

      const expected = boardRecordsOf(peers[0]!.store)
      expect(edits).toBeGreaterThan(100)
      expect(Object.keys(expected).filter((id) => id.startsWith('shape:')).length).toBeGreaterThan(0)
      for (const peer of peers) {
        expect(peer.binding.status).toBe('synced')
        expect(boardRecordsOf(peer.store)).toEqual(expected)
        expect(recordsIn(peer.doc)).toEqual(expected)
        expect(Object.fromEntries([...getRecordsMap(peer.doc).map].map(([id, entry]) => [id, entry.val]))).toEqual(
          expected,
        )
        // Writers clean up superseded entries: one entry per record once everything is delivered.
        expect(peer.doc.getArray('records').length).toBe(Object.keys(expected).length)
        peer.binding.dispose()
      }
      expect(warn).not.toHaveBeenCalled()
    } finally {
      frames?.uninstall()
    }
  }

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`converges, seed ${seed}, store history delivered at once`, () => runConvergence(seed, false))
    it(`converges, seed ${seed}, store history delivered on animation frames`, () => runConvergence(seed, true))
  }
})

describe('bindStoreToDoc', () => {
  it("replaces the store's board records with the doc's and leaves its session records alone", () => {
    const state = seededBoardState()
    const doc = docFrom(state)
    const ownUpdates = countOwnUpdates(doc)
    const store = createTestStore(schema, { pageName: 'Page 1' })
    store.put([testNote('only-local')])
    const instanceBefore = store.get(TLINSTANCE_ID)

    const binding = bindStoreToDoc(store, doc)

    expect(binding.status).toBe('synced')
    expect(boardRecordsOf(store)).toEqual(recordsIn(doc))
    expect(store.get(FIRST_PAGE_ID)?.name).toBe('Seite 1')
    expect(store.get(TLINSTANCE_ID)).toBe(instanceBefore)
    // Loading the board is not an edit: nothing goes back to the doc.
    expect(ownUpdates()).toBe(0)
  })

  it('seeds a doc nobody seeded from the store', () => {
    const doc = new Y.Doc()
    const store = createTestStore(schema)
    bindStoreToDoc(store, doc)
    expect(recordsIn(doc)).toEqual(boardRecordsOf(store))
    expect(getMeta(doc).get(MetaKey.SCHEMA)).toEqual(currentSchema)
  })

  it('sends each local edit to the doc and applies each remote one to the store', () => {
    const state = seededBoardState()
    const [docA, docB] = [docFrom(state), docFrom(state)]
    const [storeA, storeB] = [createTestStore(schema), createTestStore(schema)]
    bindStoreToDoc(storeA, docA)
    bindStoreToDoc(storeB, docB)
    const updates: Uint8Array[] = []
    docA.on('update', (update: Uint8Array) => updates.push(update))

    const note = testNote('a')
    storeA.put([note])
    storeA.put([{ ...note, x: 300 }])
    storeA.remove([note.id])
    storeA.put([testNote('b')])
    // One transaction per edit (plus the cleanup of the superseded entry).
    expect(updates.length).toBeGreaterThanOrEqual(4)
    for (const update of updates) Y.applyUpdate(docB, update, NETWORK)

    expect(storeB.get(note.id)).toBeUndefined()
    expect(storeB.get(testNote('b').id)).toEqual(testNote('b'))
    expect(boardRecordsOf(storeB)).toEqual(boardRecordsOf(storeA))
  })

  it('skips invalid and foreign records from a peer, keeps the valid ones of the same change, and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const state = seededBoardState()
    const doc = docFrom(state)
    const store = createTestStore(schema)
    bindStoreToDoc(store, doc)
    const before = testNote('edited-later')
    store.put([before])

    const rogue = docFrom(Y.encodeStateAsUpdate(doc))
    const rogueRecords = getRecordsMap(rogue)
    const valid = testNote('valid')
    const badColour = { ...testNote('bad-colour'), props: { ...valid.props, color: 'neon' } }
    const instance = { ...store.get(TLINSTANCE_ID)!, isReadonly: true }
    rogue.transact(() => {
      rogueRecords.write(
        [
          [valid.id, valid],
          [badColour.id, badColour as unknown as TLRecord],
          ['poll:1', { id: 'poll:1', typeName: 'poll' } as unknown as TLRecord],
          [TLINSTANCE_ID, instance],
          ['shape:impostor', testNote('someone-else')],
          ['shape:junk', 'junk' as unknown as TLRecord],
          // An invalid new version of a record the store has: the store keeps the old one.
          [before.id, { ...before, x: 'far away' } as unknown as TLRecord],
        ],
        [],
      )
    })

    expect(() => deliver(rogue, doc)).not.toThrow()
    expect(store.get(valid.id)).toEqual(valid)
    for (const id of [badColour.id, 'poll:1', 'shape:impostor', testNote('someone-else').id, 'shape:junk']) {
      expect(store.has(id as TLRecord['id'])).toBe(false)
    }
    expect(store.get(TLINSTANCE_ID)?.isReadonly).toBe(false)
    expect(store.get(before.id)).toEqual(before)
    expect(warn).toHaveBeenCalledTimes(1)

    // Later bad records are skipped quietly; good ones keep arriving.
    const next = testNote('next')
    rogueRecords.write(
      [
        [next.id, next],
        ['shape:junk-2', null as unknown as TLRecord],
      ],
      [],
    )
    deliver(rogue, doc)
    expect(store.get(next.id)).toEqual(next)
    expect(warn).toHaveBeenCalledTimes(1)

    // A client that joins later loads the same board, skipping the same records.
    const lateStore = createTestStore(schema)
    bindStoreToDoc(lateStore, docFrom(Y.encodeStateAsUpdate(rogue)))
    expect(lateStore.get(valid.id)).toEqual(valid)
    expect(lateStore.has(badColour.id)).toBe(false)
    expect(lateStore.get(TLINSTANCE_ID)?.isReadonly).toBe(false)
  })

  it('never writes when read-only, and still shows what others write', () => {
    const state = seededBoardState()
    const viewerDoc = docFrom(state)
    const viewerUpdates = countOwnUpdates(viewerDoc)
    const viewerStore = createTestStore(schema)
    const binding = bindStoreToDoc(viewerStore, viewerDoc, { readonly: true })
    expect(binding.status).toBe('synced')

    const local = testNote('local-only')
    viewerStore.put([local])
    viewerStore.put([{ ...local, x: 500 }])
    viewerStore.remove([FIRST_PAGE_ID])
    expect(viewerUpdates()).toBe(0)

    // Two participants edit the same note at once; a writer would clean up the loser's entry.
    const shared = testNote('shared')
    const [docA, docB] = [docFrom(state), docFrom(state)]
    const [storeA, storeB] = [createTestStore(schema), createTestStore(schema)]
    bindStoreToDoc(storeA, docA)
    bindStoreToDoc(storeB, docB)
    storeA.put([shared])
    deliver(docA, docB)
    storeA.put([{ ...shared, x: 1 }])
    storeB.put([{ ...shared, x: 2 }])

    deliver(docA, viewerDoc)
    deliver(docB, viewerDoc)
    expect(viewerDoc.getArray('records').length).toBeGreaterThan(Object.keys(recordsIn(viewerDoc)).length)
    expect(viewerUpdates()).toBe(0)
    expect([1, 2]).toContain((viewerStore.get(shared.id) as TLNoteShape | undefined)?.x)
  })

  it('does not write into a board with a newer schema, reports it, and shows what it can read', () => {
    const note = currentSchema.sequences['com.tldraw.shape.note'] ?? 0
    const newer = { ...currentSchema, sequences: { ...currentSchema.sequences, 'com.tldraw.shape.note': note + 1 } }
    const seeded = docFrom(seededBoardState())
    getMeta(seeded).set(MetaKey.SCHEMA, newer)
    const state = Y.encodeStateAsUpdate(seeded)
    const doc = docFrom(state)
    const ownUpdates = countOwnUpdates(doc)
    const store = createTestStore(schema)
    const statuses: BoardStatus[] = []

    const binding = bindStoreToDoc(store, doc, { onStatus: (status) => statuses.push(status) })

    expect(binding.status).toBe('newer-schema')
    expect(statuses).toEqual(['newer-schema'])
    expect(store.get(FIRST_PAGE_ID)?.name).toBe('Seite 1')
    store.put([testNote('attempt')])
    expect(ownUpdates()).toBe(0)
    expect(getMeta(doc).get(MetaKey.SCHEMA)).toEqual(newer)
  })

  for (const [name, malformed] of [
    ['a bare version-1 schema', { schemaVersion: 1 }],
    ['a version-1 schema with broken record versions', { schemaVersion: 1, storeVersion: 4, recordVersions: { shape: 'x' } }],
    ['a version-2 schema with a broken sequence', { schemaVersion: 2, sequences: { 'com.tldraw.shape.note': 'x' } }],
  ] as const) {
    it(`opens a board whose stored schema is ${name} without throwing`, () => {
      const seeded = docFrom(seededBoardState())
      getMeta(seeded).set(MetaKey.SCHEMA, malformed)
      const doc = docFrom(Y.encodeStateAsUpdate(seeded))
      const store = createTestStore(schema)
      const binding = bindStoreToDoc(store, doc)
      expect(['newer-schema', 'synced']).toContain(binding.status)
      // A live change that sets such a schema must not break the observer either.
      const live = docFrom(seededBoardState())
      const liveStore = createTestStore(schema)
      bindStoreToDoc(liveStore, live)
      const writer = docFrom(Y.encodeStateAsUpdate(live))
      getMeta(writer).set(MetaKey.SCHEMA, malformed)
      getRecordsMap(writer).set('shape:after', testNote('after'))
      expect(() => deliver(writer, live)).not.toThrow()
    })
  }

  it('stops writing when a newer client upgrades the board during the session', () => {
    const state = seededBoardState()
    const doc = docFrom(state)
    const store = createTestStore(schema)
    const statuses: BoardStatus[] = []
    const binding = bindStoreToDoc(store, doc, { onStatus: (status) => statuses.push(status) })
    expect(statuses).toEqual(['synced'])

    const newerClient = docFrom(state)
    getMeta(newerClient).set(MetaKey.SCHEMA, {
      ...currentSchema,
      sequences: { ...currentSchema.sequences, 'com.tldraw.shape.poll': 1 },
    })
    const ownUpdates = countOwnUpdates(doc)
    deliver(newerClient, doc)

    expect(binding.status).toBe('newer-schema')
    expect(statuses).toEqual(['synced', 'newer-schema'])
    store.put([testNote('too-late')])
    expect(ownUpdates()).toBe(0)
  })

  describe('a board written with an older schema', () => {
    /** The schema before notes' `textFirstEditedBy` became `textLastEditedBy` (note version 12). */
    const olderSchema = {
      ...currentSchema,
      sequences: { ...currentSchema.sequences, 'com.tldraw.shape.note': 11 },
    }
    const current = testNote('from-an-older-client')
    const old = schema.migratePersistedRecord(
      { ...current, props: { ...current.props, fontSizeAdjustment: 1 } },
      olderSchema,
      'down',
    )
    if (old.type !== 'success') throw new Error('could not build the older note')
    const oldNote = old.value as TLShape
    const migratedNote = { ...current, props: { ...current.props, fontSizeAdjustment: 1, textLastEditedBy: null } }

    function olderBoardState(): Uint8Array {
      const doc = docFrom(seededBoardState())
      getMeta(doc).set(MetaKey.SCHEMA, olderSchema)
      getRecordsMap(doc).set(oldNote.id, oldNote)
      return Y.encodeStateAsUpdate(doc)
    }

    it('is what the test means by older', () => {
      expect(oldNote.props).toHaveProperty('textFirstEditedBy', null)
      expect(oldNote.props).not.toHaveProperty('textLastEditedBy')
      expect(oldNote.props).toHaveProperty('fontSizeAdjustment', 0)
    })

    it('is migrated into the store and upgraded in the doc', () => {
      const doc = docFrom(olderBoardState())
      const store = createTestStore(schema)
      const binding = bindStoreToDoc(store, doc)

      expect(binding.status).toBe('synced')
      expect(store.get(oldNote.id)).toEqual(migratedNote)
      expect(getMeta(doc).get(MetaKey.SCHEMA)).toEqual(currentSchema)
      expect(recordsIn(doc)[oldNote.id]).toEqual(migratedNote)

      // Another client of this version reads the upgraded doc as current.
      const otherStore = createTestStore(schema)
      bindStoreToDoc(otherStore, docFrom(Y.encodeStateAsUpdate(doc)))
      expect(otherStore.get(oldNote.id)).toEqual(migratedNote)
    })

    it('is migrated for a read-only client without writing, also for records arriving later', () => {
      const state = olderBoardState()
      const doc = docFrom(state)
      const ownUpdates = countOwnUpdates(doc)
      const store = createTestStore(schema)
      bindStoreToDoc(store, doc, { readonly: true })

      expect(store.get(oldNote.id)).toEqual(migratedNote)

      const olderClient = docFrom(state)
      const laterOld = { ...oldNote, id: testNote('later').id }
      getRecordsMap(olderClient).set(laterOld.id, laterOld)
      deliver(olderClient, doc)
      expect(store.get(laterOld.id)).toEqual({ ...migratedNote, id: laterOld.id })
      expect(ownUpdates()).toBe(0)
    })
  })

  it('stops syncing in both directions once disposed', () => {
    const state = seededBoardState()
    const doc = docFrom(state)
    const ownUpdates = countOwnUpdates(doc)
    const store = createTestStore(schema)
    bindStoreToDoc(store, doc).dispose()

    store.put([testNote('after-dispose')])
    expect(ownUpdates()).toBe(0)

    const other = docFrom(state)
    getRecordsMap(other).set(testNote('remote').id, testNote('remote'))
    deliver(other, doc)
    expect(store.has(testNote('remote').id)).toBe(false)
  })
})

describe('bindStoreToDoc with two documents on one store (a private space beside the board)', () => {
  const isPrivate = (record: TLRecord) => (record.meta as Record<string, unknown>).privateRound === 'r1'

  it('writes each record into the document that owns it, and takes remote changes of each into the one store', () => {
    const board = docFrom(seededBoardState())
    const space = new Y.Doc()
    const store = createTestStore(schema)
    const boardBinding = bindStoreToDoc(store, board, { owns: (record) => !isPrivate(record) })
    const spaceBinding = bindStoreToDoc(store, space, { owns: isPrivate })

    const shared = testNote('shared', 'Für alle')
    const secret = { ...testNote('secret', 'Nur für mich'), meta: { privateRound: 'r1' } } as TLNoteShape
    store.put([shared, secret])
    expect(readBoardRecords(board).has(shared.id)).toBe(true)
    expect(readBoardRecords(board).has(secret.id)).toBe(false)
    expect(readBoardRecords(space).has(secret.id)).toBe(true)
    expect(readBoardRecords(space).has(shared.id)).toBe(false)

    // Editing and deleting go to the owner alone.
    store.update(secret.id, (record) => ({ ...record, x: 400 }))
    expect((readBoardRecords(space).get(secret.id) as TLShape).x).toBe(400)
    store.remove([secret.id])
    expect(readBoardRecords(space).has(secret.id)).toBe(false)
    expect(readBoardRecords(board).has(shared.id)).toBe(true)

    // A remote note arriving in the space appears in the store; the board's binding does not take it.
    const otherTab = docFrom(Y.encodeStateAsUpdate(space))
    getRecordsMap(otherTab).set('shape:fromTab', { ...testNote('fromTab', 'Vom Tablet'), meta: { privateRound: 'r1' } })
    deliver(otherTab, space)
    expect(store.has('shape:fromTab' as TLShape['id'])).toBe(true)
    expect(readBoardRecords(board).has('shape:fromTab')).toBe(false)

    // Binding the board again (a reload) replaces what the board owns and leaves private notes alone.
    boardBinding.dispose()
    const rebound = bindStoreToDoc(store, board, { owns: (record) => !isPrivate(record) })
    expect(store.has('shape:fromTab' as TLShape['id'])).toBe(true)
    expect(store.has(shared.id)).toBe(true)
    rebound.dispose()
    spaceBinding.dispose()
  })
})
