import { describe, expect, it } from 'vitest'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { ballotProblem } from './ballotProblem.ts'

describe('ballotProblem', () => {
  it('tells the server’s answers apart', () => {
    expect(ballotProblem(new ApiRequestError(0, 'Failed to fetch'))).toBe('network')
    expect(ballotProblem(new ApiRequestError(401, ''))).toBe('link-invalid')
    expect(ballotProblem(new ApiRequestError(403, ''))).toBe('not-allowed')
    expect(ballotProblem(new ApiRequestError(404, ''))).toBe('round-over')
    expect(ballotProblem(new ApiRequestError(409, ''))).toBe('conflict')
    expect(ballotProblem(new ApiRequestError(422, ''))).toBe('not-in-round')
    expect(ballotProblem(new ApiRequestError(500, ''))).toBe('unexpected')
  })

  it('calls anything that is not an API error unexpected', () => {
    expect(ballotProblem(new TypeError('boom'))).toBe('unexpected')
  })
})
