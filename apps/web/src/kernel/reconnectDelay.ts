/**
 * How long a board waits before it tries to reconnect. Exponential backoff, so an unreachable
 * server is not asked many times a second, with jitter: when a server restarts, every browser of
 * a workshop loses its socket in the same instant, and without jitter they would all come back
 * in the same instant too, attempt after attempt.
 */

/** The first retry waits around this long; a short network hiccup heals almost unnoticed. */
export const FIRST_RECONNECT_DELAY_MS = 250

/** The longest wait: a live workshop cannot sit out more than a few seconds. */
export const MAX_RECONNECT_DELAY_MS = 8000

/** Spread for the reconnect after the browser reports that the network is back (all devices of a town hall at once). */
export const BACK_ONLINE_SPREAD_MS = 1000

/**
 * The wait before reconnect attempt `attempt` (1 for the first after a loss): "equal jitter", half
 * of the exponential step fixed and half random, so that waits still grow with every failure while
 * two browsers that failed together draw different ones. `random` is in [0, 1).
 */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const step = Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_RECONNECT_DELAY_MS)
  return Math.round(step / 2 + (step / 2) * random)
}
