/**
 * "Folgen lassen" on the receiving side: while a facilitator presents, this client follows
 * their view with tldraw's own following, as soon as their presence is there (also after a
 * reload or a late join). A person may step out, with the banner's button or simply by
 * panning or zooming (tldraw stops following then); they stay out until they rejoin or the
 * next presentation begins. When the presentation ends, following ends.
 */
import type { FollowState } from '@dorfplatz/board'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useValue, type Editor, type TLUserId } from 'tldraw'
import { followStatus, type FollowStatus } from './followStatus.ts'

export interface FollowPresenter {
  /** Null when nobody presents, or when this person is the presenter. */
  presenter: FollowState | null
  status: FollowStatus
  leave: () => void
  rejoin: () => void
}

function isPresent(editor: Editor, userId: TLUserId): boolean {
  return editor.getCollaborators().some((presence) => presence.userId === userId)
}

export function useFollowPresenter(editor: Editor, follow: FollowState | null, selfUserId: TLUserId): FollowPresenter {
  const presenter = follow && follow.userId !== selfUserId ? follow : null
  const presenterId = presenter ? (presenter.userId as TLUserId) : null
  // Each presentation is its own: stepping out of one says nothing about the next.
  const presentationKey = presenter ? `${presenter.userId}@${presenter.since}` : null
  const [steppedOutOf, setSteppedOutOf] = useState<string | null>(null)
  const steppedOut = presentationKey !== null && steppedOutOf === presentationKey
  // The same, at once: tldraw's own stop re-renders through a store subscription, which React
  // may commit before this state, and the effect below must not follow again in between.
  const steppedOutNow = useRef<string | null>(null)
  const stepOut = useCallback((key: string | null) => {
    steppedOutNow.current = key
    setSteppedOutOf(key)
  }, [])

  const presenterPresent = useValue(
    'dorfplatz.presenterPresent',
    () => presenterId !== null && isPresent(editor, presenterId),
    [editor, presenterId],
  )
  const followingUserId = useValue('dorfplatz.followingUserId', () => editor.getInstanceState().followingUserId, [editor])

  /** True while this hook itself calls tldraw's follow methods, whose stops are no stepping out. */
  const ownCall = useRef(false)
  /** The presenter this hook started following, so that it stops only what it started. */
  const startedFor = useRef<TLUserId | null>(null)
  const call = useCallback((action: () => void) => {
    ownCall.current = true
    try {
      action()
    } finally {
      ownCall.current = false
    }
  }, [])

  // tldraw stops following when the person pans, zooms or follows someone else: stepping out.
  // It also stops when the presenter's presence goes away; then this client waits for it instead.
  useEffect(() => {
    if (!presentationKey || !presenterId) return
    const onStop = () => {
      if (ownCall.current || !isPresent(editor, presenterId)) return
      stepOut(presentationKey)
    }
    editor.on('stop-following', onStop)
    return () => {
      editor.off('stop-following', onStop)
    }
  }, [editor, stepOut, presentationKey, presenterId])

  useEffect(() => {
    const out = steppedOut || (presentationKey !== null && steppedOutNow.current === presentationKey)
    if (presenterId && !out && presenterPresent && followingUserId !== presenterId) {
      call(() => editor.startFollowingUser(presenterId))
      startedFor.current = presenterId
    } else if (!presenterId && startedFor.current) {
      if (editor.getInstanceState().followingUserId === startedFor.current) call(() => editor.stopFollowingUser())
      startedFor.current = null
    }
  }, [editor, call, presenterId, presentationKey, steppedOut, presenterPresent, followingUserId])

  const leave = useCallback(() => {
    if (!presentationKey) return
    stepOut(presentationKey)
    if (editor.getInstanceState().followingUserId === presenterId) call(() => editor.stopFollowingUser())
  }, [editor, call, stepOut, presentationKey, presenterId])

  const rejoin = useCallback(() => stepOut(null), [stepOut])

  const status: FollowStatus = presenterId
    ? followStatus({ presenterId, followingUserId, steppedOut, presenterPresent })
    : 'waiting'
  return { presenter, status, leave, rejoin }
}
