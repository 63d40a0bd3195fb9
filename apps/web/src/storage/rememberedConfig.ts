/**
 * The server's client configuration as last fetched, so that a board this browser knows opens
 * offline with the same settings (the tldraw licence key above all).
 */
import { DEFAULT_TIME_ZONE, isTimeZone, type ClientConfig } from '@dorfplatz/protocol'
import { readLocal, writeLocal } from './localStore.ts'

const STORAGE_KEY = 'clientConfig'

export function rememberClientConfig(config: ClientConfig): void {
  writeLocal(STORAGE_KEY, config)
}

export function loadRememberedClientConfig(): ClientConfig | null {
  const stored = readLocal(STORAGE_KEY)
  if (typeof stored !== 'object' || stored === null) return null
  const { tldrawLicenseKey, adminTokenRequired, timeZone, accessibilityContact } = stored as Record<string, unknown>
  if (typeof tldrawLicenseKey !== 'string' || typeof adminTokenRequired !== 'boolean') return null
  // Remembered by an earlier version of Dorfplatz, before the server named its time zone.
  return {
    tldrawLicenseKey,
    adminTokenRequired,
    timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
    accessibilityContact: typeof accessibilityContact === 'string' ? accessibilityContact : '',
  }
}
