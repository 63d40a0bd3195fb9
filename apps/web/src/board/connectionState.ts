/**
 * The connection state a board shows, derived from three sources: the
 * browser's own online flag, the sync provider's socket status, and a close
 * code after which reconnecting cannot help.
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline' | 'closed'

export type ProviderStatus = 'connected' | 'connecting' | 'disconnected'

export function deriveConnectionState(input: {
  online: boolean
  providerStatus: ProviderStatus
  fatalCloseCode: number | null
}): ConnectionState {
  if (input.fatalCloseCode !== null) return 'closed'
  // The browser knows it has no network before the socket notices (that can take 30 s).
  if (!input.online) return 'offline'
  return input.providerStatus === 'connected' ? 'connected' : 'reconnecting'
}
