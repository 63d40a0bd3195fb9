/** React access to what changed on the board since this browser's last visit. */
import { useSyncExternalStore } from 'react'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { NO_VISIT_CHANGES, type VisitChanges } from './visitChanges.ts'
import { trackVisitChanges } from './VisitTracker.ts'

const noChanges = () => NO_VISIT_CHANGES
const noSubscription = () => () => {}

/** The changes the session's visit tracker keeps; none when the page opened the session without one. */
export function useVisitChanges(session: BoardSession): VisitChanges {
  const tracker = session.extension(trackVisitChanges)
  return useSyncExternalStore(tracker?.subscribe ?? noSubscription, tracker?.getChanges ?? noChanges)
}
