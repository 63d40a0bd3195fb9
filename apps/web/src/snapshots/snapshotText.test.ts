import { MAX_SNAPSHOT_NAME_LENGTH } from '@dorfplatz/protocol'
import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de } from '../i18n/de.ts'
import { en } from '../i18n/en.ts'
import { checkSnapshotName, defaultSnapshotName, formatSnapshotDate, snapshotKindLabel, snapshotName } from './snapshotText.ts'

// Local time, as the browser shows it: 25 November 2026, 14:30.
const AFTERNOON = new Date(2026, 10, 25, 14, 30)

let t: TFunction<'translation'>
let tEn: TFunction<'translation'>

beforeAll(async () => {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
  })
  t = i18n.getFixedT('de')
  tEn = i18n.getFixedT('en')
})

describe('formatSnapshotDate', () => {
  it('writes date and time as people of the language read them', () => {
    expect(formatSnapshotDate(AFTERNOON, 'de')).toBe('25.11.2026, 14:30')
    expect(formatSnapshotDate(AFTERNOON.getTime(), 'en')).toBe('Nov 25, 2026, 2:30 PM')
  })
})

describe('defaultSnapshotName', () => {
  it('names a new snapshot after the moment it is saved', () => {
    expect(defaultSnapshotName(AFTERNOON, 'de', t)).toBe('Stand 25.11.2026, 14:30')
    expect(defaultSnapshotName(AFTERNOON, 'en', tEn)).toBe('State of Nov 25, 2026, 2:30 PM')
  })

  it('is a name the server takes', () => {
    expect(checkSnapshotName(defaultSnapshotName(AFTERNOON, 'de', t))).toEqual({ ok: true, name: 'Stand 25.11.2026, 14:30' })
  })
})

describe('checkSnapshotName', () => {
  it('trims the name', () => {
    expect(checkSnapshotName('  Ende Workshop 1 \n')).toEqual({ ok: true, name: 'Ende Workshop 1' })
  })

  it('wants a name', () => {
    expect(checkSnapshotName('')).toEqual({ ok: false, problem: 'required' })
    expect(checkSnapshotName('   ')).toEqual({ ok: false, problem: 'required' })
  })

  it('takes names up to the limit and no longer ones', () => {
    expect(checkSnapshotName('ä'.repeat(MAX_SNAPSHOT_NAME_LENGTH)).ok).toBe(true)
    expect(checkSnapshotName('ä'.repeat(MAX_SNAPSHOT_NAME_LENGTH + 1))).toEqual({ ok: false, problem: 'tooLong' })
  })
})

describe('snapshotKindLabel', () => {
  it('says who or what saved a snapshot, in German', () => {
    expect(snapshotKindLabel('manual', t)).toBe('Moderation')
    expect(snapshotKindLabel('last-left', t)).toBe('automatisch, als alle gegangen waren')
    expect(snapshotKindLabel('before-restore', t)).toBe('automatisch vor einer Wiederherstellung')
  })

  it('and in English', () => {
    expect(snapshotKindLabel('manual', tEn)).toBe('Facilitator')
    expect(snapshotKindLabel('last-left', tEn)).toBe('automatically, when everyone had left')
    expect(snapshotKindLabel('before-restore', tEn)).toBe('automatically before a restore')
  })
})

describe('snapshotName', () => {
  it('keeps the names people and restores gave', () => {
    expect(snapshotName({ kind: 'manual', name: 'Ende Workshop 1' }, tEn)).toBe('Ende Workshop 1')
    expect(snapshotName({ kind: 'before-restore', name: 'Before restoring “Ende Workshop 1”' }, t)).toBe(
      'Before restoring “Ende Workshop 1”',
    )
  })

  it('names the snapshot saved when everyone had left in the language of the page', () => {
    expect(snapshotName({ kind: 'last-left', name: 'Automatisch gesichert' }, t)).toBe('Automatisch gesichert')
    expect(snapshotName({ kind: 'last-left', name: 'Automatisch gesichert' }, tEn)).toBe('Saved automatically')
  })
})
