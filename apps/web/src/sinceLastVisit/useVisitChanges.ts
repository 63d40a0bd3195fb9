/** React access to what changed on the board since this browser's last visit. */
import { useSyncExternalStore } from 'react'
import type { BoardSession } from '../board/BoardSession.ts'
import type { VisitChanges } from './visitChanges.ts'

export function useVisitChanges(session: BoardSession): VisitChanges {
  return useSyncExternalStore(session.subscribeVisitChanges, session.getVisitChanges)
}
