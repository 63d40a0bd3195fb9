/**
 * Everything Dorfplatz draws in front of tldraw's canvas (its one `InFrontOfTheCanvas` slot):
 * dot voting, what changed since this browser's last visit, and the retention warning.
 */
import { RetentionNotice } from './RetentionNotice.tsx'
import { SinceLastVisitLayer } from '../sinceLastVisit/SinceLastVisitLayer.tsx'
import { VotingCanvasLayer } from '../voting/VotingCanvasLayer.tsx'

export function BoardCanvasLayer() {
  return (
    <>
      <SinceLastVisitLayer />
      <VotingCanvasLayer />
      <RetentionNotice />
    </>
  )
}
