import { describe, expect, it } from 'vitest'
import { measureDocGrowth } from './docGrowth.ts'

describe('measureDocGrowth', () => {
  it('keeps a key-value document bounded when one record is overwritten 1000 times', () => {
    const once = measureDocGrowth({ records: 1, overwrites: 1 })
    const often = measureDocGrowth({ records: 1, overwrites: 1000 })
    expect(often.keyValueBytes).toBeLessThan(2 * once.keyValueBytes)
  })

  it('keeps the key-value layout bounded, but not a Y.Map, when one client overwrites several records in turn', () => {
    const once = measureDocGrowth({ records: 10, overwrites: 1 })
    const often = measureDocGrowth({ records: 10, overwrites: 1000 })
    expect(often.keyValueBytes).toBeLessThan(2 * once.keyValueBytes)
    // About 9 bytes of tombstone per overwrite: 10,000 overwrites add some 90 kB to 4 kB.
    expect(often.mapBytes).toBeGreaterThan(10 * once.mapBytes)
  })
})
