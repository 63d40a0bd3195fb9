/**
 * The admin key of this tab. It lives in sessionStorage only: it opens every
 * board on the server, so it must not outlive the tab or reach the next person
 * at a shared town-hall computer the way localStorage would.
 */

const STORAGE_KEY = 'dorfplatz.adminToken'

export function loadAdminToken(): string | null {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY)
    return stored ? stored : null
  } catch {
    return null
  }
}

export function saveAdminToken(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token)
  } catch {
    // Storage disabled: the key still works until the page is reloaded.
  }
}

export function clearAdminToken(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing stored, nothing to clear.
  }
}
