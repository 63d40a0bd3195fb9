/**
 * Everything Dorfplatz draws in front of tldraw's canvas (its one `InFrontOfTheCanvas` slot):
 * dot voting and what changed since this browser's last visit.
 */
import { SinceLastVisitLayer } from '../sinceLastVisit/SinceLastVisitLayer.tsx'
import { VotingCanvasLayer } from '../voting/VotingCanvasLayer.tsx'

export function BoardCanvasLayer() {
  return (
    <>
      <SinceLastVisitLayer />
      <VotingCanvasLayer />
    </>
  )
}
