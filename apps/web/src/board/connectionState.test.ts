import { describe, expect, it } from 'vitest'
import { deriveConnectionState } from './connectionState.ts'

describe('deriveConnectionState', () => {
  it('is connected while online with an open socket', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connected', fatalCloseCode: null })).toBe('connected')
  })

  it('is reconnecting while the socket is down but the browser is online', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connecting', fatalCloseCode: null })).toBe('reconnecting')
    expect(deriveConnectionState({ online: true, providerStatus: 'disconnected', fatalCloseCode: null })).toBe(
      'reconnecting',
    )
  })

  it('says offline as soon as the browser knows, even before the socket notices', () => {
    expect(deriveConnectionState({ online: false, providerStatus: 'connected', fatalCloseCode: null })).toBe('offline')
  })

  it('stays closed after a fatal close code, whatever the network does', () => {
    expect(deriveConnectionState({ online: true, providerStatus: 'connected', fatalCloseCode: 4401 })).toBe('closed')
    expect(deriveConnectionState({ online: false, providerStatus: 'disconnected', fatalCloseCode: 4404 })).toBe('closed')
  })
})
