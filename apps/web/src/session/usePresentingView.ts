/**
 * "Präsentieren" on every screen: while a facilitator presents, this view shows the current
 * slide (its frame, zoomed to fit), also right after a reload or a late join, and moves along
 * with each step. A person may step out (the banner's button, or scrolling or pinching the board)
 * and look around on their own, and come back; stepping out holds for this presentation only. The facilitator's own view and the projector's follow
 * the same way (they just never step out).
 */
import type { PresentingState } from '@dorfplatz/board'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useValue, type Editor, type TLEventInfo, type TLPageId, type TLShapeId } from 'tldraw'
import { coveredEdges } from '../kernel/coveredEdges.ts'
import { slideCamera, slidePosition, type SlidePosition } from './slides.ts'

/** The camera glides from slide to slide, so that people see where the presentation went. */
const SLIDE_ANIMATION_MS = 400

export interface PresentingView {
  presenting: PresentingState | null
  /** Where the presentation stands, counting the slides whose frame is still there. */
  position: SlidePosition | null
  steppedOut: boolean
  leave: () => void
  rejoin: () => void
}

export function usePresentingView(
  editor: Editor,
  presenting: PresentingState | null,
  { stepOutOnMove = false }: { stepOutOnMove?: boolean } = {},
): PresentingView {
  // Each presentation is its own: stepping out of one says nothing about the next.
  const presentationKey = presenting ? `${presenting.startedAt}:${presenting.by}` : null
  const [steppedOutOf, setSteppedOutOf] = useState<string | null>(null)
  const steppedOut = presentationKey !== null && steppedOutOf === presentationKey
  const frameId = presenting ? (presenting.slides[presenting.index] ?? null) : null
  const slidePageId = presenting?.pageId ?? null

  // Strings, so that a view re-renders only when what it shows changes.
  const frameBounds = useValue(
    'dorfplatz.slideBounds',
    () => {
      const bounds = frameId ? editor.getShapePageBounds(frameId as TLShapeId) : undefined
      return bounds ? `${bounds.x} ${bounds.y} ${bounds.w} ${bounds.h}` : null
    },
    [editor, frameId],
  )
  const viewportSize = useValue(
    'dorfplatz.viewportSize',
    () => {
      const { w, h } = editor.getViewportScreenBounds()
      return `${w} ${h}`
    },
    [editor],
  )
  const positionKey = useValue(
    'dorfplatz.slidePosition',
    () => (presenting ? JSON.stringify(slidePosition(presenting, (id) => editor.getShape(id as TLShapeId) !== undefined)) : null),
    [editor, presenting],
  )
  const position = useMemo(() => (positionKey ? (JSON.parse(positionKey) as SlidePosition) : null), [positionKey])

  /** The presentation this view has shown a slide of: the first slide appears at once, the next ones glide in. */
  const shownOf = useRef<string | null>(null)
  // Only what the view shows is a reason to move it, not every change of the session state (a
  // vote cast, a timer): someone who looked around a little is not pulled back for nothing.
  useEffect(() => {
    if (!presentationKey || !slidePageId || !frameId || !frameBounds || steppedOut) return
    const pageId = slidePageId as TLPageId
    if (editor.getCurrentPageId() !== pageId) {
      if (!editor.getPage(pageId)) return
      editor.setCurrentPage(pageId)
    }
    // Following someone's view and showing slides exclude each other: the slide wins.
    if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
    const [x, y, w, h] = frameBounds.split(' ').map(Number) as [number, number, number, number]
    const viewport = editor.getViewportScreenBounds()
    const camera = slideCamera({ x, y, w, h }, { w: viewport.w, h: viewport.h }, coveredEdges(editor))
    const first = shownOf.current !== presentationKey
    shownOf.current = presentationKey
    // tldraw shortens or drops the animation where the person prefers reduced motion.
    editor.setCamera(camera, first ? { immediate: true } : { animation: { duration: SLIDE_ANIMATION_MS } })
  }, [editor, presentationKey, slidePageId, frameId, frameBounds, viewportSize, steppedOut])

  // As with follow-me, scrolling or pinching the board is stepping out too: the person wants to look elsewhere.
  useEffect(() => {
    if (!stepOutOnMove || !presentationKey || steppedOut) return
    const onEvent = (info: TLEventInfo) => {
      if (info.type === 'wheel' || info.type === 'pinch') setSteppedOutOf(presentationKey)
    }
    editor.on('event', onEvent)
    return () => {
      editor.off('event', onEvent)
    }
  }, [editor, stepOutOnMove, presentationKey, steppedOut])

  const leave = useCallback(() => setSteppedOutOf(presentationKey), [presentationKey])
  const rejoin = useCallback(() => setSteppedOutOf(null), [])

  return { presenting, position, steppedOut, leave, rejoin }
}
