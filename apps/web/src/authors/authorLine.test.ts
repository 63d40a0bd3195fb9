import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RecordAuthors } from '@dorfplatz/board'
import { de } from '../i18n/de.ts'
import { en } from '../i18n/en.ts'
import { authorLine, relativeTime } from './authorLine.ts'

const NOW = Date.UTC(2026, 11, 6, 12, 0)
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const weber = { name: 'Bürgermeisterin Weber', color: '#2f6db5', role: 'participant' } as const
const klein = { name: 'Herrn Klein', color: '#b52f4a', role: 'facilitator' } as const

let t: TFunction<'translation'>

beforeAll(async () => {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
  })
  t = i18n.t
})

describe('authorLine', () => {
  it('names the creator and the one who changed it last, with how long ago', () => {
    const authors: RecordAuthors = { createdBy: weber, changedBy: klein, changedAt: NOW - 2 * DAY }
    expect(authorLine(authors, 'note', NOW, 'de', t)).toBe('Notiz von Bürgermeisterin Weber · geändert von Herrn Klein, vor 2 Tagen')
    expect(authorLine(authors, 'note', NOW, 'en', t)).toBe('Note by Bürgermeisterin Weber · changed by Herrn Klein, 2 days ago')
  })

  it('says only who wrote it when nobody else changed it', () => {
    const authors: RecordAuthors = { createdBy: weber, changedBy: weber, changedAt: NOW - 5 * MINUTE }
    expect(authorLine(authors, 'geo', NOW, 'de', t)).toBe('Form von Bürgermeisterin Weber, vor 5 Minuten')
  })

  it('says who changed it when its creator is not known, and names people without a name by their role', () => {
    const authors: RecordAuthors = { changedBy: { name: '', color: '', role: 'facilitator' }, changedAt: NOW }
    expect(authorLine(authors, 'text', NOW, 'de', t)).toBe('Text · geändert von der Moderation, gerade eben')
  })
})

describe('relativeTime', () => {
  it('takes the coarsest unit and reads a clock that is ahead as just now', () => {
    expect(relativeTime(NOW - DAY - MINUTE, NOW, 'de', t)).toBe('vor 1 Tag')
    expect(relativeTime(NOW - 3 * 60 * MINUTE, NOW, 'de', t)).toBe('vor 3 Stunden')
    expect(relativeTime(NOW + 10_000, NOW, 'de', t)).toBe('gerade eben')
  })
})
