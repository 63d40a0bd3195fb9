import { describe, expect, it } from 'vitest'
import { compareSchema } from './compareSchema.ts'
import { createBoardSchema } from './createBoardSchema.ts'

const current = createBoardSchema().serialize()

function withSequences(sequences: Record<string, number | undefined>) {
  const next: Record<string, number> = { ...current.sequences }
  for (const [id, version] of Object.entries(sequences)) {
    if (version === undefined) delete next[id]
    else next[id] = version
  }
  return { schemaVersion: 2, sequences: next }
}

describe('compareSchema', () => {
  it('finds its own schema the same, also as a copy that went through JSON', () => {
    expect(compareSchema(current, current)).toBe('same')
    expect(compareSchema(current, JSON.parse(JSON.stringify(current)))).toBe('same')
  })

  it('finds a schema with a lower version, or without a sequence, older', () => {
    expect(compareSchema(current, withSequences({ 'com.tldraw.shape.note': 11 }))).toBe('older')
    expect(compareSchema(current, withSequences({ 'com.tldraw.shape.video': undefined }))).toBe('older')
    expect(compareSchema(current, { schemaVersion: 1, storeVersion: 4, recordVersions: {} })).toBe('older')
  })

  it('finds a higher version or an unknown sequence newer, even next to older ones', () => {
    const note = current.sequences['com.tldraw.shape.note'] ?? 0
    expect(compareSchema(current, withSequences({ 'com.tldraw.shape.note': note + 1 }))).toBe('newer')
    expect(compareSchema(current, withSequences({ 'com.example.shape.poll': 1 }))).toBe('newer')
    expect(
      compareSchema(current, withSequences({ 'com.tldraw.shape.geo': 1, 'com.tldraw.shape.note': note + 1 })),
    ).toBe('newer')
  })

  it('treats what it cannot read as newer, so that it never writes into it', () => {
    for (const stored of [null, 'schema', 42, {}, { schemaVersion: 3, sequences: {} }, { schemaVersion: 2 }]) {
      expect(compareSchema(current, stored)).toBe('newer')
    }
    expect(compareSchema(current, withSequences({ 'com.tldraw.shape.note': '13' as unknown as number }))).toBe(
      'newer',
    )
  })
})
