import { describe, expect, it } from 'vitest'
import { deriveConnectionState } from './connectionState.ts'

describe('deriveConnectionState', () => {
  it('is connected while online with an open socket', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connected', synced: true, fatalCloseCode: null })).toBe('connected')
  })

  it('is syncing between opening the socket and completing the first exchange', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connected', synced: false, fatalCloseCode: null })).toBe(
      'syncing',
    )
  })

  it('is reconnecting while the socket is down but the browser is online', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connecting', synced: false, fatalCloseCode: null })).toBe('reconnecting')
    expect(deriveConnectionState({ online: true, providerStatus: 'disconnected', synced: false, fatalCloseCode: null })).toBe(
      'reconnecting',
    )
  })

  it('says offline as soon as the browser knows, even before the socket notices', () => {
    expect(deriveConnectionState({ online: false, providerStatus: 'connected', synced: true, fatalCloseCode: null })).toBe('offline')
  })

  it('stays closed after a fatal close code, whatever the network does', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connected', synced: true, fatalCloseCode: 4401 })).toBe('closed')
    expect(deriveConnectionState({ online: false, providerStatus: 'disconnected', synced: false, fatalCloseCode: 4404 })).toBe('closed')
  })
})
