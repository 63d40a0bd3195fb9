import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiRequestError } from './ApiRequestError.ts'
import { apiErrorMessage } from './apiErrorMessage.ts'

/** Answers with the key and its options, so the test sees which text was chosen. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction<'translation'>

describe('apiErrorMessage', () => {
  it('names a network failure as such', () => {
    expect(apiErrorMessage(new ApiRequestError(0, 'Failed to fetch'), t)).toBe('errors.network')
  })

  it('uses the caller’s own text for a status it knows, never the server’s English message', () => {
    const error = new ApiRequestError(403, 'Only the facilitator link may add templates.')
    expect(apiErrorMessage(error, t, { 403: 'addTemplate.errorForbidden' })).toBe('addTemplate.errorForbidden')
  })

  it('falls back to the status for anything else', () => {
    expect(apiErrorMessage(new ApiRequestError(500, 'boom'), t, { 403: 'x' })).toBe('errors.unexpected {"status":500}')
    expect(apiErrorMessage(new Error('odd'), t)).toBe('errors.unexpected {"status":"?"}')
  })
})
