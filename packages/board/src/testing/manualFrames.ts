/**
 * Makes tldraw deliver store history on animation frames that the test runs by hand, as a
 * browser would, instead of synchronously (tldraw's default under NODE_ENV=test). Remote
 * changes can then land between a user's edit and the binding seeing it.
 */
import { vi } from 'vitest'

export interface ManualFrames {
  /** Runs frames until no callback is waiting. */
  flush(): void
  uninstall(): void
}

/** A frame's length; more than tldraw's minimum time between flushes. */
const FRAME_MS = 20

export function installManualFrames(): ManualFrames {
  let queue: Array<() => void> = []
  const global = globalThis as Record<string, unknown>
  vi.useFakeTimers({ toFake: ['Date'] })
  global.__FORCE_RAF_IN_TESTS__ = true
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    queue.push(callback)
    return queue.length
  })
  vi.stubGlobal('cancelAnimationFrame', () => {})
  const flush = (): void => {
    while (queue.length > 0) {
      vi.advanceTimersByTime(FRAME_MS)
      const due = queue
      queue = []
      for (const callback of due) callback()
    }
  }
  return {
    flush,
    uninstall() {
      flush()
      delete global.__FORCE_RAF_IN_TESTS__
      vi.unstubAllGlobals()
      vi.useRealTimers()
    },
  }
}
