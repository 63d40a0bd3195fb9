/**
 * The server's clock as this page sees it: timers and summons carry server times, and a
 * laptop's clock may be minutes off, so everyone's countdown would disagree. The offset is
 * measured against `GET /api/time` the NTP way (the answer was made halfway through the
 * round trip), keeping the sample with the shortest round trip, where that guess errs least.
 */
import { fetchServerTime } from '../api/facilitationApi.ts'

export interface ClockSample {
  /** Local clock when the request left, and when the answer arrived. */
  sentAt: number
  receivedAt: number
  /** The server's clock in its answer. */
  serverNow: number
}

/** Samples per measurement; a few, so that one slow round trip does not decide. */
const SAMPLES_PER_MEASUREMENT = 3
/** Clocks drift slowly; a workshop day needs only an occasional correction. */
const REMEASURE_INTERVAL_MS = 10 * 60 * 1000
/** After a laptop slept or a tab was hidden, measure again once it is back, unless this recent. */
const MIN_REMEASURE_GAP_MS = 60 * 1000

/** How far the server's clock is ahead of the local one, according to one sample. */
export function offsetFromSample({ sentAt, receivedAt, serverNow }: ClockSample): number {
  return serverNow - (sentAt + receivedAt) / 2
}

/** The offset from the sample with the shortest round trip, or null without usable samples. */
export function bestOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null
  for (const sample of samples) {
    const roundTrip = sample.receivedAt - sample.sentAt
    if (!Number.isFinite(roundTrip) || roundTrip < 0 || !Number.isFinite(sample.serverNow)) continue
    if (!best || roundTrip < best.receivedAt - best.sentAt) best = sample
  }
  return best ? offsetFromSample(best) : null
}

export class ServerClock {
  /** Until the first measurement succeeds, the local clock is the best guess. */
  private offsetMs = 0
  private lastMeasuredAt = -Infinity
  private measuring: Promise<void> | null = null

  constructor(
    private readonly fetchNow: () => Promise<{ now: number }> = fetchServerTime,
    private readonly localNow: () => number = Date.now,
  ) {}

  /** The server's time now, in milliseconds since the epoch. */
  now(): number {
    return this.localNow() + this.offsetMs
  }

  /** Takes a few samples one after another and keeps the best; failures keep the old offset. */
  measure(): Promise<void> {
    this.measuring ??= this.takeSamples().finally(() => {
      this.measuring = null
    })
    return this.measuring
  }

  private async takeSamples(): Promise<void> {
    const samples: ClockSample[] = []
    for (let i = 0; i < SAMPLES_PER_MEASUREMENT; i++) {
      const sentAt = this.localNow()
      try {
        const { now } = await this.fetchNow()
        samples.push({ sentAt, receivedAt: this.localNow(), serverNow: now })
      } catch {
        // Offline or the server is restarting: the next measurement tries again.
      }
    }
    const offset = bestOffset(samples)
    if (offset !== null) {
      this.offsetMs = offset
      this.lastMeasuredAt = this.localNow()
    }
  }

  /** Measures now, then now and then, and when the page comes back; returns the function that stops. */
  start(): () => void {
    void this.measure()
    const interval = window.setInterval(() => void this.measure(), REMEASURE_INTERVAL_MS)
    const onBack = () => {
      if (document.visibilityState === 'visible' && this.localNow() - this.lastMeasuredAt > MIN_REMEASURE_GAP_MS) {
        void this.measure()
      }
    }
    document.addEventListener('visibilitychange', onBack)
    window.addEventListener('online', onBack)
    return () => {
      window.clearInterval(interval)
      document.removeEventListener('visibilitychange', onBack)
      window.removeEventListener('online', onBack)
    }
  }
}

let instance: ServerClock | undefined

/** The one server clock of this page, measuring from its first use on. */
export function getServerClock(): ServerClock {
  if (!instance) {
    instance = new ServerClock()
    instance.start()
  }
  return instance
}
