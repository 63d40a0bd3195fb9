import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de } from '../i18n/de.ts'
import { en } from '../i18n/en.ts'
import { carriedFromLine } from './carriedFromLine.ts'

let t: TFunction<'translation'>
let tEn: TFunction<'translation'>

beforeAll(async () => {
  const i18n = i18next.createInstance()
  await i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng: 'de', fallbackLng: 'de', interpolation: { escapeValue: false } })
  t = i18n.t
  tEn = i18n.getFixedT('en')
})

const mark = { boardId: 'AAAAAAAAAAAAAAAA', boardTitle: 'Workshop 1', shapeId: 'shape:a' }

describe('carriedFromLine', () => {
  it('says where a note came from, with its rank and votes when it has them', () => {
    expect(carriedFromLine({ ...mark, rank: 2, votes: 5 }, t)).toBe('aus Workshop 1, Rang 2 (5 Punkte)')
    expect(carriedFromLine({ ...mark, rank: 1, votes: 1 }, t)).toBe('aus Workshop 1, Rang 1 (1 Punkt)')
    expect(carriedFromLine({ ...mark, votes: 3 }, t)).toBe('aus Workshop 1 (3 Punkte)')
    expect(carriedFromLine(mark, t)).toBe('aus Workshop 1')
    expect(carriedFromLine({ ...mark, rank: 2, votes: 5 }, tEn)).toBe('from Workshop 1, rank 2 (5 dots)')
  })

  it('keeps rank and votes in the short form, and the origin where there are none', () => {
    expect(carriedFromLine({ ...mark, rank: 2, votes: 5 }, t, { compact: true })).toBe('Rang 2 · 5 Punkte')
    expect(carriedFromLine({ ...mark, votes: 1 }, t, { compact: true })).toBe('1 Punkt')
    expect(carriedFromLine(mark, t, { compact: true })).toBe('aus Workshop 1')
  })
})
