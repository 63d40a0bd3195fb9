import { getRecordsMap } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { toRichText, type TLRecord } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { CopyValues } from '../kernel/LocalBoardCopy.ts'
import { NO_VISIT_CHANGES } from './visitChanges.ts'
import { AWAY_MS, VisitTracker, type VisitSession } from './VisitTracker.ts'

const LAST_VISIT = Date.UTC(2026, 10, 24, 18, 0)
const NOW = Date.UTC(2026, 10, 25, 9, 0)

const note = (name: string, text = 'Dorf-App') => testNote(name, text) as TLRecord
const shapeId = (name: string) => note(name).id

/** The values kept with the browser's copy, in memory. */
class MemoryCopyValues implements CopyValues {
  readonly values = new Map<string, unknown>()
  async read(key: string): Promise<unknown> {
    return this.values.get(key)
  }
  write(key: string, value: unknown): void {
    this.values.set(key, value)
  }
}

/** A browser's session beside the server's document; `sync()` brings the server's changes as the provider does. */
function setup({ lastSeenAt, visitChanges }: { lastSeenAt?: number; visitChanges?: unknown } = {}) {
  const server = new Y.Doc()
  const doc = new Y.Doc()
  const provider = { name: 'sync provider' }
  const copyValues = new MemoryCopyValues()
  if (lastSeenAt !== undefined) copyValues.write('lastSeenAt', lastSeenAt)
  if (visitChanges !== undefined) copyValues.write('visitChanges', visitChanges)
  const session: VisitSession & { inSync: boolean } = { doc, provider, copyValues, inSync: false }
  const tracker = new VisitTracker(session)
  const serverRecords = getRecordsMap(server)
  const sync = () => {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), provider)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)))
  }
  return { server: serverRecords, local: getRecordsMap(doc), copyValues, session, tracker, sync }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('VisitTracker', () => {
  it('marks what others added and changed while this browser was away, never its own edits', async () => {
    const { server, local, copyValues, tracker, sync } = setup({ lastSeenAt: LAST_VISIT })
    const edited = testNote('edited', 'vorher')
    server.set(edited.id, edited as TLRecord)
    sync()

    await tracker.copyLoaded()
    server.set(shapeId('new'), note('new'))
    server.set(edited.id, { ...edited, props: { ...edited.props, richText: toRichText('nachher') } } as TLRecord)
    local.set(shapeId('mine'), note('mine'))
    sync()
    tracker.synced()

    const expected = { since: LAST_VISIT, shapes: { [shapeId('new')]: 'added', [edited.id]: 'changed' }, removed: 0 }
    expect(tracker.getChanges()).toEqual(expected)
    expect(copyValues.values.get('visitChanges')).toEqual(expected)
    expect(copyValues.values.get('lastSeenAt')).toBe(NOW)
  })

  it('keeps the changes not yet dismissed from earlier visits and adds the new ones', async () => {
    const earlier = { since: LAST_VISIT - 86_400_000, shapes: { [shapeId('earlier')]: 'added' }, removed: 1 }
    const { server, tracker, sync } = setup({ lastSeenAt: LAST_VISIT, visitChanges: earlier })
    await tracker.copyLoaded()
    expect(tracker.getChanges()).toEqual(earlier)

    server.set(shapeId('new'), note('new'))
    sync()
    tracker.synced()

    expect(tracker.getChanges()).toEqual({
      since: earlier.since,
      shapes: { [shapeId('earlier')]: 'added', [shapeId('new')]: 'added' },
      removed: 1,
    })
  })

  it('leaves a short loss of connection to show its changes live, and marks a long one', async () => {
    const { server, tracker, sync } = setup({ lastSeenAt: LAST_VISIT })
    await tracker.copyLoaded()
    sync()
    tracker.synced()
    expect(tracker.getChanges()).toBe(NO_VISIT_CHANGES)

    tracker.connectionLost()
    server.set(shapeId('during-a-blip'), note('during-a-blip'))
    vi.setSystemTime(NOW + AWAY_MS - 1000)
    sync()
    tracker.synced()
    expect(tracker.getChanges().shapes).toEqual({})

    const lostAt = Date.now()
    tracker.connectionLost()
    server.set(shapeId('overnight'), note('overnight'))
    vi.setSystemTime(lostAt + AWAY_MS + 1000)
    sync()
    tracker.synced()
    expect(tracker.getChanges()).toEqual({ since: lostAt, shapes: { [shapeId('overnight')]: 'added' }, removed: 0 })
  })

  it('forgets the changes once dismissed, here and in the copy, and tells its listeners', async () => {
    const earlier = { since: LAST_VISIT, shapes: { [shapeId('earlier')]: 'changed' }, removed: 0 }
    const { copyValues, tracker } = setup({ lastSeenAt: LAST_VISIT, visitChanges: earlier })
    await tracker.copyLoaded()
    const listener = vi.fn()
    tracker.subscribe(listener)

    tracker.dismiss()

    expect(tracker.getChanges()).toBe(NO_VISIT_CHANGES)
    expect(copyValues.values.get('visitChanges')).toBeNull()
    expect(listener).toHaveBeenCalledOnce()
  })

  it('remembers the last sight of the board when leaving only while in sync', () => {
    const { copyValues, session, tracker } = setup()
    tracker.leaving()
    expect(copyValues.values.has('lastSeenAt')).toBe(false)

    session.inSync = true
    tracker.leaving()
    expect(copyValues.values.get('lastSeenAt')).toBe(NOW)
  })
})
