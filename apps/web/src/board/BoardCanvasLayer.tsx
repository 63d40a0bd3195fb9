/**
 * Everything Dorfplatz draws in front of tldraw's canvas (its one `InFrontOfTheCanvas` slot):
 * dot voting, what changed since this browser's last visit, who wrote the shape under the
 * pointer, where notes carried over from an earlier board came from, the count of open comments on
 * notes, the agenda and the retention warning. While the list view shows, dot voting happens there instead.
 * Dot voting's code loads with the board's first round: most boards are opened without one.
 */
import { Suspense } from 'react'
import { lazyComponent } from '../components/lazyComponent.ts'
import { AuthorsLine } from '../authors/AuthorsLine.tsx'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { CommentBadges } from '../comments/CommentBadges.tsx'
import { CarriedNoteLabels } from '../carriedFrom/CarriedNoteLabels.tsx'
import { RetentionNotice } from './RetentionNotice.tsx'
import { AgendaPanel } from '../runSheet/AgendaPanel.tsx'
import { SinceLastVisitLayer } from '../sinceLastVisit/SinceLastVisitLayer.tsx'
import { useFacilitation } from '../kernel/useFacilitation.ts'

const VotingCanvasLayer = lazyComponent(() => import('../voting/VotingCanvasLayer.tsx'), 'VotingCanvasLayer')

export function BoardCanvasLayer() {
  const { listView, session } = useBoardContext()
  // An open round or the results of one: nothing of dot voting shows before the first round.
  const { activeRound, rounds } = useFacilitation(session)
  const voting = activeRound !== null || rounds.length > 0
  // Only the list or the canvas votes, never both: each holds a ballot of its own.
  return (
    <>
      <SinceLastVisitLayer />
      <CarriedNoteLabels />
      <AuthorsLine />
      <CommentBadges />
      {!listView && voting && (
        <Suspense fallback={null}>
          <VotingCanvasLayer />
        </Suspense>
      )}
      {!listView && <AgendaPanel />}
      <RetentionNotice />
    </>
  )
}
