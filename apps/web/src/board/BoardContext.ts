/**
 * What the panels inside tldraw need to know about the open board. tldraw
 * takes its component overrides once, as stable components, so they read the
 * board from this context instead of from props.
 */
import type { BoardInfo } from '@dorfplatz/protocol'
import { createContext, useContext } from 'react'
import type { CurrentUser } from '../user/currentUser.ts'
import type { BoardSession } from './BoardSession.ts'

export interface BoardContextValue {
  info: BoardInfo
  session: BoardSession
  user: CurrentUser
  /** Opens the dialog in which the user changes their name and colour. */
  editName: () => void
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoardContext outside of a board')
  return value
}
