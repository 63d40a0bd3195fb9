/**
 * React access to how the session is run (timer, follow-me, summon, freeze, voting rounds),
 * read from the board document where only the server writes it.
 */
import { observeFacilitation, readFacilitation, type FacilitationState } from '@dorfplatz/board'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { BoardSession } from './BoardSession.ts'

export function useFacilitation(session: BoardSession): FacilitationState {
  const cache = useRef<FacilitationState | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) =>
      observeFacilitation(session.doc, () => {
        cache.current = null
        onChange()
      }),
    [session],
  )
  const getSnapshot = useCallback(() => {
    cache.current ??= readFacilitation(session.doc)
    return cache.current
  }, [session])
  return useSyncExternalStore(subscribe, getSnapshot)
}
