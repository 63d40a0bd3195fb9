import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { applyAwarenessEntries, encodeAwarenessStates, readAwarenessUpdate } from './syncMessages.ts'

/** An awareness update with the given entries, each state written as the JSON text given. */
function update(entries: Array<[clientId: number, clock: number, json: string]>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}

function watched(awareness: awarenessProtocol.Awareness): unknown[] {
  const events: unknown[] = []
  awareness.on('change', (change: unknown, origin: unknown) => events.push(['change', change, origin]))
  awareness.on('update', (change: unknown, origin: unknown) => events.push(['update', change, origin]))
  return events
}

/** A deterministic sequence of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
}

describe('presence entries', () => {
  it('apply as y-protocols applies the encoded update: the same states, clocks and events', () => {
    const next = random(7)
    const ours = new awarenessProtocol.Awareness(new Y.Doc())
    const theirs = new awarenessProtocol.Awareness(new Y.Doc())
    for (const awareness of [ours, theirs]) awareness.setLocalState(null)
    const oursEvents = watched(ours)
    const theirsEvents = watched(theirs)
    for (let step = 0; step < 400; step++) {
      const entries = Array.from({ length: 1 + Math.floor(next() * 3) }, (): [number, number, string] => {
        const clientId = 1 + Math.floor(next() * 4)
        // Mostly newer, sometimes the same or older.
        const clock = Math.floor(step / 4) + Math.floor(next() * 3)
        const json = next() < 0.2 ? 'null' : JSON.stringify({ cursor: { x: Math.floor(next() * 3) }, name: 'A' })
        return [clientId, clock, json]
      })
      const bytes = update(entries)
      applyAwarenessEntries(ours, readAwarenessUpdate(bytes), 'origin')
      awarenessProtocol.applyAwarenessUpdate(theirs, bytes, 'origin')
      expect(ours.getStates()).toEqual(theirs.getStates())
      // Each side's own (empty) presence has an id of its own.
      const clocks = (awareness: awarenessProtocol.Awareness) =>
        [...awareness.meta].filter(([id]) => id !== awareness.clientID).map(([id, meta]) => [id, meta.clock])
      expect(clocks(ours)).toEqual(clocks(theirs))
    }
    expect(oursEvents).toEqual(theirsEvents)
    expect(oursEvents.length).toBeGreaterThan(200)
  })

  it('are relayed as the server reads them, not as their client wrote them', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState(null)
    // A key twice: JSON.parse keeps the last, a parser that keeps the first would see the other role.
    const sent = '{"user":{"name":"Anna","role":"facilitator"},  "user":{"name":"Anna","role":"participant"},"x":1.50}'
    applyAwarenessEntries(awareness, readAwarenessUpdate(update([[5, 1, sent]])), null)
    const decoder = decoding.createDecoder(encodeAwarenessStates(awareness, [5]))
    expect(decoding.readVarUint(decoder)).toBe(1)
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder), decoding.readVarString(decoder)]).toEqual([
      5,
      1,
      '{"user":{"name":"Anna","role":"participant"},"x":1.5}',
    ])
  })
})
