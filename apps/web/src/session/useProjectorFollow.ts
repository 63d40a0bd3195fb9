/**
 * The projector view follows a facilitator's view at all times: the one presenting with
 * "Folgen lassen" while that runs, otherwise the facilitator whose window opened it (same browser,
 * same person). Nobody steps out on the wall: when tldraw stops following (the presenter's tab
 * went away, a stray scroll on the projector), the view takes it up again as soon as it can.
 */
import { useEffect } from 'react'
import { useValue, type Editor, type TLUserId } from 'tldraw'

export function useProjectorFollow(editor: Editor, leaderId: TLUserId | null): void {
  const present = useValue(
    'dorfplatz.projectorLeaderPresent',
    () => leaderId !== null && editor.getCollaborators().some((presence) => presence.userId === leaderId),
    [editor, leaderId],
  )
  const following = useValue('dorfplatz.projectorFollowing', () => editor.getInstanceState().followingUserId, [editor])
  useEffect(() => {
    if (leaderId && present && following !== leaderId) editor.startFollowingUser(leaderId)
  }, [editor, leaderId, present, following])
}
