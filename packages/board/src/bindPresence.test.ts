import { atom } from '@tldraw/state'
import { InstancePresenceRecordType, TLPOINTER_ID, type TLStore } from '@tldraw/tlschema'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, PRESENCE_INTERVAL_MS } from './bindPresence.ts'
import { createBoardSchema } from './createBoardSchema.ts'
import { FIRST_PAGE_ID } from './initBoardDoc.ts'
import { listPeers } from './listPeers.ts'
import { connectAwareness } from './testing/connectAwareness.ts'
import { createTestStore } from './testing/createTestStore.ts'

const schema = createBoardSchema()
const awarenesses: Awareness[] = []

function newAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc())
  awarenesses.push(awareness)
  return awareness
}

function presenceOf(store: TLStore, awareness: Awareness) {
  return store.get(InstancePresenceRecordType.createId(String(awareness.clientID)))
}

function movePointer(store: TLStore, x: number, y: number): void {
  store.put([{ ...store.get(TLPOINTER_ID)!, x, y }])
}

afterEach(() => {
  for (const awareness of awarenesses.splice(0)) awareness.destroy()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('bindPresence', () => {
  it("shows each client the others' cursors, names and colours, and lists everyone", () => {
    const [awarenessA, awarenessB] = [newAwareness(), newAwareness()]
    connectAwareness(awarenessA, awarenessB)
    const [storeA, storeB] = [createTestStore(schema), createTestStore(schema)]
    const anna = atom('anna', { id: 'anna', name: 'Anna', color: '#e03131' })
    bindPresence(storeA, awarenessA, { user: anna, role: 'facilitator', intervalMs: 0 })
    bindPresence(storeB, awarenessB, {
      user: () => ({ id: 'ben', name: 'Ben', color: null }),
      role: 'participant',
      intervalMs: 0,
    })

    expect(presenceOf(storeB, awarenessA)).toMatchObject({
      userId: 'user:anna',
      userName: 'Anna',
      color: '#e03131',
      currentPageId: FIRST_PAGE_ID,
    })
    expect(presenceOf(storeA, awarenessB)).toMatchObject({ userId: 'user:ben', userName: 'Ben', color: '#FF0000' })
    // Nobody sees their own cursor as a collaborator's.
    expect(presenceOf(storeA, awarenessA)).toBeUndefined()

    movePointer(storeA, 42, 7)
    expect(presenceOf(storeB, awarenessA)?.cursor).toMatchObject({ x: 42, y: 7 })
    anna.set({ ...anna.get(), name: 'Anna K.' })
    expect(presenceOf(storeB, awarenessA)?.userName).toBe('Anna K.')

    expect(listPeers(awarenessB)).toEqual(
      [
        {
          clientId: awarenessA.clientID,
          userId: 'anna',
          name: 'Anna K.',
          color: '#e03131',
          role: 'facilitator',
          isSelf: false,
        },
        {
          clientId: awarenessB.clientID,
          userId: 'ben',
          name: 'Ben',
          color: '#FF0000',
          role: 'participant',
          isSelf: true,
        },
      ].sort((a, b) => a.clientId - b.clientId),
    )
  })

  it('removes a cursor when its client leaves or its binding is disposed', () => {
    const [awarenessA, awarenessB, awarenessC] = [newAwareness(), newAwareness(), newAwareness()]
    connectAwareness(awarenessA, awarenessB, awarenessC)
    const [storeA, storeB, storeC] = [createTestStore(schema), createTestStore(schema), createTestStore(schema)]
    bindPresence(storeA, awarenessA, { user: () => ({ id: 'a' }), intervalMs: 0 })
    const presenceB = bindPresence(storeB, awarenessB, { user: () => ({ id: 'b' }), intervalMs: 0 })
    const presenceC = bindPresence(storeC, awarenessC, { user: () => ({ id: 'c' }), intervalMs: 0 })
    expect(presenceOf(storeA, awarenessB)).toBeDefined()
    expect(presenceOf(storeA, awarenessC)).toBeDefined()

    presenceB.dispose()
    expect(presenceOf(storeA, awarenessB)).toBeUndefined()
    expect(listPeers(awarenessA).map((peer) => peer.userId).sort()).toEqual(['a', 'c'])
    // Disposing also takes the other clients' cursors out of this store.
    expect(presenceOf(storeB, awarenessA)).toBeUndefined()

    // A client that vanishes (closed tab, awareness timeout) is removed as well.
    removeAwarenessStates(awarenessC, [awarenessC.clientID], 'window closed')
    expect(presenceOf(storeA, awarenessC)).toBeUndefined()
    presenceC.dispose()
  })

  it('lets a watching client (a projector) see everyone without being seen', () => {
    const [presenter, projector] = [newAwareness(), newAwareness()]
    connectAwareness(presenter, projector)
    const [presenterStore, projectorStore] = [createTestStore(schema), createTestStore(schema)]
    bindPresence(presenterStore, presenter, { user: () => ({ id: 'anna', name: 'Anna' }), intervalMs: 0 })
    const watching = bindPresence(projectorStore, projector, { user: () => ({ id: 'wall', name: 'Beamer' }), intervalMs: 0, publish: false })

    expect(presenceOf(projectorStore, presenter)).toMatchObject({ userId: 'user:anna' })
    expect(presenceOf(presenterStore, projector)).toBeUndefined()
    expect(listPeers(presenter).map((peer) => peer.userId)).toEqual(['anna'])
    watching.dispose()
    expect(presenceOf(projectorStore, presenter)).toBeUndefined()
  })

  it('skips malformed presence without throwing and never lets a peer choose its record id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const [awarenessA, rogue] = [newAwareness(), newAwareness()]
    connectAwareness(awarenessA, rogue)
    const storeA = createTestStore(schema)
    bindPresence(storeA, awarenessA, { user: () => ({ id: 'a' }), intervalMs: 0 })
    const storeR = createTestStore(schema)
    const rogueBinding = bindPresence(storeR, rogue, { user: () => ({ id: 'r' }), intervalMs: 0 })
    const valid = rogue.getLocalState()?.presence as Record<string, unknown>
    rogueBinding.dispose()

    expect(() => rogue.setLocalStateField('presence', { ...valid, cursor: { x: 'left' } })).not.toThrow()
    expect(presenceOf(storeA, rogue)).toBeUndefined()
    expect(() => rogue.setLocalStateField('presence', 'here')).not.toThrow()
    expect(warn).toHaveBeenCalledTimes(1)

    rogue.setLocalStateField('presence', { ...valid, id: InstancePresenceRecordType.createId('someone-else') })
    expect(presenceOf(storeA, rogue)).toMatchObject({ userId: 'user:r' })
    expect(storeA.get(InstancePresenceRecordType.createId('someone-else'))).toBeUndefined()
  })

  it('publishes at most once per interval, always the latest presence', () => {
    vi.useFakeTimers()
    const [awarenessA, awarenessB] = [newAwareness(), newAwareness()]
    connectAwareness(awarenessA, awarenessB)
    const [storeA, storeB] = [createTestStore(schema), createTestStore(schema)]
    bindPresence(storeA, awarenessA, { user: () => ({ id: 'a' }) })
    bindPresence(storeB, awarenessB, { user: () => ({ id: 'b' }) })
    let published = 0
    awarenessA.on('update', (_change: unknown, origin: unknown) => {
      if (origin === 'local') published++
    })

    for (let x = 1; x <= 10; x++) movePointer(storeA, x, 0)
    expect(published).toBe(0)
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS)
    expect(published).toBe(1)
    expect(presenceOf(storeB, awarenessA)?.cursor).toMatchObject({ x: 10 })
  })
})
