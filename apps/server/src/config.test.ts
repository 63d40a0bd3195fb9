import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('takes the accessibility contact as given, empty when unset, and refuses one too long to show', () => {
    expect(loadConfig({}).accessibilityContact).toBe('')
    expect(loadConfig({ DORFPLATZ_ACCESSIBILITY_CONTACT: ' barrierefreiheit@vg-musterhausen.de ' }).accessibilityContact).toBe('barrierefreiheit@vg-musterhausen.de')
    expect(() => loadConfig({ DORFPLATZ_ACCESSIBILITY_CONTACT: 'x'.repeat(301) })).toThrow(/DORFPLATZ_ACCESSIBILITY_CONTACT/)
  })

  it('dates exports in Europe/Berlin unless DORFPLATZ_TIME_ZONE names another zone', () => {
    expect(loadConfig({}).timeZone).toBe('Europe/Berlin')
    expect(loadConfig({ DORFPLATZ_TIME_ZONE: '' }).timeZone).toBe('Europe/Berlin')
    expect(loadConfig({ DORFPLATZ_TIME_ZONE: 'Europe/Vienna' }).timeZone).toBe('Europe/Vienna')
  })

  it('refuses a time zone it does not know, and says which setting is wrong', () => {
    expect(() => loadConfig({ DORFPLATZ_TIME_ZONE: 'Europe/Mainz' })).toThrow(ConfigError)
    expect(() => loadConfig({ DORFPLATZ_TIME_ZONE: 'MEZ' })).toThrow(/DORFPLATZ_TIME_ZONE: must be an IANA time zone/)
  })
})

describe('operations settings', () => {
  it('trusts no proxy by default, any with true, or only the listed addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ DORFPLATZ_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ DORFPLATZ_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1'])
    expect(() => loadConfig({ DORFPLATZ_TRUST_PROXY: 'yes' })).toThrow(/DORFPLATZ_TRUST_PROXY: yes is not an IP address/)
  })

  it('keeps metrics off unless a token or an address is set, and reads host:port', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined()
    expect(loadConfig({}).metricsAddress).toBeUndefined()
    expect(loadConfig({ DORFPLATZ_METRICS_ADDRESS: '127.0.0.1:9464' }).metricsAddress).toEqual({ host: '127.0.0.1', port: 9464 })
    expect(loadConfig({ DORFPLATZ_METRICS_ADDRESS: '[::1]:9464' }).metricsAddress).toEqual({ host: '::1', port: 9464 })
    expect(() => loadConfig({ DORFPLATZ_METRICS_ADDRESS: '9464' })).toThrow(/DORFPLATZ_METRICS_ADDRESS: must be host:port/)
    expect(() => loadConfig({ DORFPLATZ_METRICS_ADDRESS: 'localhost:70000' })).toThrow(/at most 65535/)
    expect(() => loadConfig({ DORFPLATZ_METRICS_TOKEN: 'short' })).toThrow(/DORFPLATZ_METRICS_TOKEN/)
  })
})
