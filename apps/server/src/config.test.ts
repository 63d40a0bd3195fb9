import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
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
