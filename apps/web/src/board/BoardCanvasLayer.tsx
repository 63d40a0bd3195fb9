/**
 * Everything Dorfplatz draws in front of tldraw's canvas (its one `InFrontOfTheCanvas` slot):
 * dot voting, what changed since this browser's last visit, who wrote the shape under the
 * pointer, the count of open comments on notes, and the retention warning.
 */
import { AuthorsLine } from '../authors/AuthorsLine.tsx'
import { CommentBadges } from '../comments/CommentBadges.tsx'
import { RetentionNotice } from './RetentionNotice.tsx'
import { SinceLastVisitLayer } from '../sinceLastVisit/SinceLastVisitLayer.tsx'
import { VotingCanvasLayer } from '../voting/VotingCanvasLayer.tsx'

export function BoardCanvasLayer() {
  return (
    <>
      <SinceLastVisitLayer />
      <AuthorsLine />
      <CommentBadges />
      <VotingCanvasLayer />
      <RetentionNotice />
    </>
  )
}
