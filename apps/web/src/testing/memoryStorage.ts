import { afterEach, beforeEach, vi } from 'vitest'
/** A Web Storage kept in memory, for unit tests of what the client remembers in localStorage or sessionStorage. */
export function memoryStorage(): Storage {
  const values = new Map<string, string>()
  return {
    get length() {
      return values.size
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  }
}

/**
 * For a `describe` block: a fresh in-memory localStorage as `window.localStorage` before each test,
 * and the real globals back after it. Returns the current test's storage.
 */
export function useMemoryLocalStorage(): () => Storage {
  let local = memoryStorage()
  beforeEach(() => {
    local = memoryStorage()
    vi.stubGlobal('window', { localStorage: local })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })
  return () => local
}
