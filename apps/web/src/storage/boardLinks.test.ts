import { describe, expect, it } from 'vitest'
import { loadBoardLinks, rememberBoardLinks } from './boardLinks.ts'
import { useMemoryLocalStorage } from '../testing/memoryStorage.ts'

const BOARD = 'AbCdEfGhIjKlMnOp'
const OTHER_BOARD = 'qRsTuVwXyZ012345'

function link(board: string, token: string): string {
  return `https://dorfplatz.example/b/${board}#token=${token.padEnd(43, 'x')}`
}

describe('boardLinks', () => {
  const local = useMemoryLocalStorage()

  it('knows nothing of a board it never saw', () => {
    expect(loadBoardLinks(BOARD)).toEqual({})
  })

  it('keeps the links of each board apart and lets a newer link of a role replace the older', () => {
    rememberBoardLinks(BOARD, { facilitator: link(BOARD, 'f1'), participant: link(BOARD, 'p1'), viewer: link(BOARD, 'v1') })
    rememberBoardLinks(OTHER_BOARD, { participant: link(OTHER_BOARD, 'p9') })
    rememberBoardLinks(BOARD, { participant: link(BOARD, 'p2') })

    expect(loadBoardLinks(BOARD)).toEqual({
      facilitator: link(BOARD, 'f1'),
      participant: link(BOARD, 'p2'),
      viewer: link(BOARD, 'v1'),
    })
    expect(loadBoardLinks(OTHER_BOARD)).toEqual({ participant: link(OTHER_BOARD, 'p9') })
  })

  it('ignores stored values that are not links of a known role', () => {
    local().setItem(
      'dorfplatz.boardLinks',
      JSON.stringify([
        { id: BOARD, savedAt: 1, links: { participant: 'javascript:alert(1)', admin: link(BOARD, 'a'), viewer: link(BOARD, 'v') } },
        { id: 'not a board id', savedAt: 1, links: {} },
        'garbage',
      ]),
    )
    expect(loadBoardLinks(BOARD)).toEqual({ viewer: link(BOARD, 'v') })
  })
})
