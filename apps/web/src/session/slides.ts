/**
 * "Präsentieren": which frames become slides, where a presentation stands, and the camera that
 * shows a slide. The frames of the page that are not inside another frame (templates' and
 * hand-drawn ones alike) are the slides, in reading order: rows from top to bottom, each from
 * left to right, as the PDF and "Zu Vorlage springen" order templates.
 */
import type { PresentingState } from '@dorfplatz/board'
import type { Editor } from 'tldraw'
import type { Insets } from '../kernel/coveredEdges.ts'
import { pageSlides } from '../kernel/templateFrames.ts'

/** Room between a slide and the free part of the screen, in screen pixels. */
const SLIDE_MARGIN_PX = 24

/** tldraw writes a frame's name above it, at a fixed size on screen: room for it. */
const FRAME_HEADING_PX = 24

/** A small frame is not blown up beyond this, so a sketch does not turn into a blur. */
const MAX_SLIDE_ZOOM = 4

/** The frame ids of the current page that a presentation shows, in reading order. */
export function currentPageSlides(editor: Editor): string[] {
  return pageSlides(editor, editor.getCurrentPageId())
}

export interface SlidePosition {
  /** 1 for the first slide still on the board; 0 when the current slide's frame is gone. */
  number: number
  /** Slides whose frame is still on the board. */
  total: number
  hasPrevious: boolean
  hasNext: boolean
}

/** Where `presenting` stands, counting only the slides whose frame still `exists`, as the server steps over the others. */
export function slidePosition(presenting: PresentingState, exists: (frameId: string) => boolean): SlidePosition {
  const present = presenting.slides.map((id, index) => ({ id, index })).filter(({ id }) => exists(id))
  const at = present.findIndex(({ index }) => index === presenting.index)
  return {
    number: at + 1,
    total: present.length,
    hasPrevious: present.some(({ index }) => index < presenting.index),
    hasNext: present.some(({ index }) => index > presenting.index),
  }
}

/** The camera that shows the whole `frame` (page space), centred in the screen of `viewport` size less `insets`. */
export function slideCamera(
  frame: { x: number; y: number; w: number; h: number },
  viewport: { w: number; h: number },
  insets: Insets,
): { x: number; y: number; z: number } {
  const free = {
    x: insets.left + SLIDE_MARGIN_PX,
    y: insets.top + SLIDE_MARGIN_PX + FRAME_HEADING_PX,
    w: Math.max(1, viewport.w - insets.left - insets.right - 2 * SLIDE_MARGIN_PX),
    h: Math.max(1, viewport.h - insets.top - insets.bottom - 2 * SLIDE_MARGIN_PX - FRAME_HEADING_PX),
  }
  const z = Math.min(MAX_SLIDE_ZOOM, free.w / Math.max(1, frame.w), free.h / Math.max(1, frame.h))
  const screenX = free.x + (free.w - frame.w * z) / 2
  const screenY = free.y + (free.h - frame.h * z) / 2
  // tldraw's camera: a page point p is on screen at (p + camera) * z.
  return { x: screenX / z - frame.x, y: screenY / z - frame.y, z }
}
