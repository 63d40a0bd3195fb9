/**
 * tldraw's collaborator cursor, left out where it should not show: everyone's, when this person
 * hides the others' cursors; a participant's, while the facilitator hides participants' cursors
 * for everyone. The server stops relaying those then; hiding them here too takes away at once
 * the last position each browser still holds.
 */
import { createUserId, DefaultCursor, useValue, type TLCursorProps } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { usePeers } from '../kernel/useBoardSession.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { othersCursorsHidden } from './othersCursors.ts'

export function HidableCursor(props: TLCursorProps) {
  const { session } = useBoardContext()
  const hiddenHere = useValue(othersCursorsHidden)
  const { cursorsHidden } = useFacilitation(session)
  const peers = usePeers(session)
  if (hiddenHere) return null
  if (cursorsHidden && peers.some((peer) => peer.role === 'participant' && createUserId(peer.userId) === props.userId)) return null
  return <DefaultCursor {...props} />
}
