import { describe, expect, it } from 'vitest'
import { parseRoute, projectorPath } from './route.ts'

describe('parseRoute', () => {
  it('knows the start page', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' })
    expect(parseRoute('/index.html')).toEqual({ page: 'start' })
  })

  it('reads the board id of a board path', () => {
    expect(parseRoute('/b/AbCdEfGhIjKlMnOp')).toEqual({ page: 'board', boardId: 'AbCdEfGhIjKlMnOp' })
    expect(parseRoute('/b/AbCdEfGhIjKlMnOp/')).toEqual({ page: 'board', boardId: 'AbCdEfGhIjKlMnOp' })
  })

  it('reads the board id of a projector path, and builds that path', () => {
    expect(parseRoute('/b/AbCdEfGhIjKlMnOp/projektor')).toEqual({ page: 'projector', boardId: 'AbCdEfGhIjKlMnOp' })
    expect(parseRoute('/barrierefreiheit')).toEqual({ page: 'accessibility' })
    expect(parseRoute('/barrierefreiheit/')).toEqual({ page: 'accessibility' })
    expect(parseRoute(projectorPath('AbCdEfGhIjKlMnOp'))).toEqual({ page: 'projector', boardId: 'AbCdEfGhIjKlMnOp' })
  })

  it('sends everything else to the not-found page', () => {
    expect(parseRoute('/b/')).toEqual({ page: 'not-found' })
    expect(parseRoute('/b/x/y')).toEqual({ page: 'not-found' })
    expect(parseRoute('/admin')).toEqual({ page: 'not-found' })
  })
})
