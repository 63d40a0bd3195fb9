/**
 * The connection state a board shows, derived from the browser's own online
 * flag, the sync provider's socket and sync status, and a close code after
 * which reconnecting cannot help.
 */
export type ConnectionState = 'connected' | 'syncing' | 'reconnecting' | 'offline' | 'closed'

export type ProviderStatus = 'connected' | 'connecting' | 'disconnected'

export function deriveConnectionState(input: {
  online: boolean
  providerStatus: ProviderStatus
  /** Whether the first exchange after connecting is complete (both sides have what the other had). */
  synced: boolean
  fatalCloseCode: number | null
}): ConnectionState {
  if (input.fatalCloseCode !== null) return 'closed'
  // The browser knows it has no network before the socket notices (that can take 30 s).
  if (!input.online) return 'offline'
  if (input.providerStatus !== 'connected') return 'reconnecting'
  // Back after a while away: edits made offline and others' edits are being exchanged.
  return input.synced ? 'connected' : 'syncing'
}
