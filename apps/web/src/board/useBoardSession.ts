/**
 * React access to a BoardSession: the hook opens one for the given link and
 * disposes of it on unmount or when the link changes; the other hooks read its
 * state and the people present.
 */
import type { Peer } from '@dorfplatz/board'
import type { Role } from '@dorfplatz/protocol'
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { CurrentUser } from '../user/currentUser.ts'
import { BoardSession, type BoardSessionSnapshot } from './BoardSession.ts'

export function useBoardSession(
  boardId: string,
  token: string,
  role: Role,
  user: CurrentUser,
  { watchOnly = false }: { watchOnly?: boolean } = {},
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const next = new BoardSession({ boardId, token, role, user, watchOnly })
    // The session holds a socket and timers, so it may only exist between mount and
    // unmount (twice over in StrictMode); rendering it needs this one extra pass.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(next)
    return () => {
      setSession(null)
      next.dispose()
    }
  }, [boardId, token, role, user, watchOnly])
  return session
}

export function useBoardSnapshot(session: BoardSession): BoardSessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}

export function usePeers(session: BoardSession): readonly Peer[] {
  return useSyncExternalStore(session.subscribePeers, session.getPeers)
}
