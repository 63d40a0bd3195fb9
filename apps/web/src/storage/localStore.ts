/**
 * Small JSON access to localStorage that never throws: private windows, full
 * quotas and disabled storage must not break a workshop, they only lose what
 * this browser would have remembered.
 */

const PREFIX = 'dorfplatz.'

export function readLocal(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(PREFIX + key)
    return raw === null ? undefined : (JSON.parse(raw) as unknown)
  } catch {
    return undefined
  }
}

export function writeLocal(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // Nothing to do: the value simply is not remembered.
  }
}
