import { describe, expect, it } from 'vitest'
import { createBoardSchema } from './createBoardSchema.ts'
import { municipalityOf, sameMunicipality, taskOf } from './strategyMeta.ts'
import { testNote } from './testing/testNote.ts'
import { validateBoardRecord } from './validateBoardRecord.ts'

const schema = createBoardSchema()
const withMeta = (meta: Record<string, unknown>) => ({ ...testNote('n', 'Glasfaser'), meta })

describe('a note’s municipality and task', () => {
  it('are read from the note when well-formed', () => {
    expect(municipalityOf(withMeta({ municipality: '  VG   Musterhausen ' }))).toBe('VG Musterhausen')
    expect(municipalityOf(withMeta({}))).toBeNull()
    expect(sameMunicipality('VG Musterhausen', 'vg  musterhausen')).toBe(true)
    expect(taskOf(withMeta({ task: { owner: 'Frau Jung', due: '2027-03-31', done: false } }))).toEqual({ owner: 'Frau Jung', due: '2027-03-31', done: false })
    expect(taskOf(withMeta({ task: { owner: 'x', due: '31.03.2027', done: false } }))).toBeNull()
  })

  it('are checked with the record, so no client can store a malformed one', () => {
    const accepted = [{ municipality: 'VG Musterhausen' }, { task: { owner: '', due: '', done: true } }, { task: { owner: 'Bauamt', due: '2027-12-01', done: false } }]
    for (const meta of accepted) expect(validateBoardRecord(schema, withMeta(meta), 'shape:n').ok).toBe(true)
    const refused = [
      { municipality: 'x'.repeat(81) },
      { municipality: 42 },
      { municipality: 'VG\u0000Muster' },
      { task: { owner: 'a', due: '2027-13-01', done: false } },
      { task: { owner: 'a', due: '', done: 'ja' } },
      { task: { owner: 'a', due: '', done: false, extra: 1 } },
      { task: ['a'] },
      { task: null },
    ]
    for (const meta of refused) expect({ meta, ok: validateBoardRecord(schema, withMeta(meta), 'shape:n').ok }).toEqual({ meta, ok: false })
  })
})
