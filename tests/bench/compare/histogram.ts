/**
 * Delays in milliseconds as a histogram: 0.05 ms steps up to one second, 1 ms steps up to a
 * minute. Small enough to send between processes, fine enough for a p99 of a few milliseconds.
 */
const FINE_STEP_MS = 0.05
const FINE_LIMIT_MS = 1000
const COARSE_LIMIT_MS = 60_000
const FINE_BUCKETS = FINE_LIMIT_MS / FINE_STEP_MS
const BUCKETS = FINE_BUCKETS + (COARSE_LIMIT_MS - FINE_LIMIT_MS) + 1

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS)
  count = 0

  add(ms: number): void {
    const bucket =
      ms < FINE_LIMIT_MS
        ? Math.max(0, Math.floor(ms / FINE_STEP_MS))
        : Math.min(BUCKETS - 1, FINE_BUCKETS + Math.floor(ms - FINE_LIMIT_MS))
    this.counts[bucket]!++
    this.count++
  }

  clear(): void {
    this.counts.fill(0)
    this.count = 0
  }

  /** The non-empty buckets as [bucket, count] pairs, to send to another process. */
  toPairs(): Array<[number, number]> {
    const pairs: Array<[number, number]> = []
    for (let bucket = 0; bucket < BUCKETS; bucket++) if (this.counts[bucket]! > 0) pairs.push([bucket, this.counts[bucket]!])
    return pairs
  }

  addPairs(pairs: ReadonlyArray<[number, number]>): void {
    for (const [bucket, count] of pairs) {
      this.counts[bucket]! += count
      this.count += count
    }
  }

  /** The delay below which `p` per cent of the samples lie (the upper edge of its bucket), or NaN without samples. */
  percentile(p: number): number {
    if (this.count === 0) return NaN
    const rank = Math.ceil((p / 100) * this.count)
    let seen = 0
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.counts[bucket]!
      if (seen >= rank) return bucket < FINE_BUCKETS ? (bucket + 1) * FINE_STEP_MS : FINE_LIMIT_MS + (bucket - FINE_BUCKETS) + 1
    }
    return COARSE_LIMIT_MS
  }
}
