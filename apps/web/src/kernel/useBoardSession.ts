/**
 * React access to a BoardSession: the hook opens one for the given link and
 * disposes of it on unmount or when the link changes; the other hooks read its
 * state and the people present.
 */
import type { Peer } from '@dorfplatz/board'
import type { Role } from '@dorfplatz/protocol'
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { CurrentUser } from '../user/currentUser.ts'
import { BoardSession, type BoardSessionExtensionFactory, type BoardSessionSnapshot } from './BoardSession.ts'

const NO_EXTENSIONS: readonly BoardSessionExtensionFactory[] = []

/** `extensions` must keep its identity across renders (a constant of the page): a new list opens a new session. */
export function useBoardSession(
  boardId: string,
  token: string,
  role: Role,
  user: CurrentUser,
  {
    watchOnly = false,
    extensions = NO_EXTENSIONS,
  }: { watchOnly?: boolean; extensions?: readonly BoardSessionExtensionFactory[] } = {},
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const next = new BoardSession({ boardId, token, role, user, watchOnly, extensions })
    // The session holds a socket and timers, so it may only exist between mount and
    // unmount (twice over in StrictMode); rendering it needs this one extra pass.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(next)
    return () => {
      setSession(null)
      next.dispose()
    }
  }, [boardId, token, role, user, watchOnly, extensions])
  return session
}

export function useBoardSnapshot(session: BoardSession): BoardSessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}

export function usePeers(session: BoardSession): readonly Peer[] {
  return useSyncExternalStore(session.subscribePeers, session.getPeers)
}
