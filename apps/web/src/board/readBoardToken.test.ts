import { describe, expect, it } from 'vitest'
import { readBoardToken } from './readBoardToken.ts'

describe('readBoardToken', () => {
  const token = 'a'.repeat(43)

  it('reads the token from the fragment, with or without the leading #', () => {
    expect(readBoardToken(`#token=${token}`)).toBe(token)
    expect(readBoardToken(`token=${token}`)).toBe(token)
  })

  it('finds the token among other fragment parameters', () => {
    expect(readBoardToken(`#view=1&token=${token}`)).toBe(token)
  })

  it('returns null without a token', () => {
    expect(readBoardToken('')).toBeNull()
    expect(readBoardToken('#')).toBeNull()
    expect(readBoardToken('#token=')).toBeNull()
  })
})
