/**
 * Where the camera goes to show a template: the first one when a board opens, any one from
 * "Zu Vorlage springen". Templates are larger than a screen, and fitting a whole one leaves its
 * notes unreadable (16–28 %); a template is therefore shown at no less than READABLE_ZOOM, from
 * its top left (title and instruction first) where it does not fit, in the part of the screen
 * that the top bar, the toolbar and an open voting panel leave free.
 */
import { readStructureMeta } from '@dorfplatz/templates'
import type { Editor, TLShapeId } from 'tldraw'
import { coveredEdges, type Insets } from '../kernel/coveredEdges.ts'
import { templateFramesInReadingOrder, type TemplateFrame } from '../kernel/templateFrames.ts'

/**
 * The least zoom a template is shown at: a note's text (22 px) reads at 11 px on screen, and a
 * note is 100 px wide, enough for its vote buttons (see the voting layer's 64 px).
 */
export const READABLE_ZOOM = 0.5

/** A template that fits is not blown up past its own size. */
const MAX_TEMPLATE_ZOOM = 1

/** Room between a template and the edges of the free part of the screen, in screen pixels. */
const MARGIN_PX = 16

/** tldraw writes a frame's name above it, at a fixed size on screen: room for it above a template. */
const FRAME_HEADING_PX = 24

const JUMP_ANIMATION_MS = 400

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}


export interface Camera {
  x: number
  y: number
  z: number
}

/**
 * The camera that shows `frame` (page space) in the screen of `viewport` size less `insets`:
 * whole and centred where it fits at READABLE_ZOOM or more (never above 100 %), otherwise at
 * READABLE_ZOOM with its top left corner in the free area's top left, centred along an axis
 * where it fits. `headingPx` keeps room above it for a frame's name.
 */
export function cameraForFrame(
  frame: Rect,
  viewport: { w: number; h: number },
  insets: Insets,
  { headingPx = 0 }: { headingPx?: number } = {},
): Camera {
  const free = {
    x: insets.left + MARGIN_PX,
    y: insets.top + MARGIN_PX + headingPx,
    w: Math.max(1, viewport.w - insets.left - insets.right - 2 * MARGIN_PX),
    h: Math.max(1, viewport.h - insets.top - insets.bottom - 2 * MARGIN_PX - headingPx),
  }
  const fit = Math.min(free.w / frame.w, free.h / frame.h)
  const z = Math.min(MAX_TEMPLATE_ZOOM, Math.max(READABLE_ZOOM, fit))
  // Where the frame's top left lands on screen, per axis: centred if it fits, else at the start.
  const place = (start: number, room: number, size: number) => (size * z <= room ? start + (room - size * z) / 2 : start)
  const screenX = place(free.x, free.w, frame.w)
  const screenY = place(free.y, free.h, frame.h)
  // tldraw's camera: a page point p is on screen at (p + camera) * z.
  return { x: screenX / z - frame.x, y: screenY / z - frame.y, z }
}

/** The template frames on the editor's current page, in reading order (rows top to bottom, each left to right). */
export function currentPageTemplates(editor: Editor): TemplateFrame[] {
  const shapes = editor.getCurrentPageShapes().flatMap((shape) => {
    // Only frames are asked for their bounds: a board opens with thousands of notes, and the
    // template choice follows this value, which would otherwise follow every note's bounds.
    if (readStructureMeta(shape)?.part !== 'frame') return []
    const bounds = editor.getShapePageBounds(shape)
    return bounds ? [{ id: shape.id, meta: shape.meta, props: shape.props, bounds }] : []
  })
  return templateFramesInReadingOrder(shapes)
}

/** Shows the template whose frame is `frameId` (on the current page); `animate` for a jump the person asked for. */
export function showTemplate(editor: Editor, frameId: string, { animate = false } = {}): boolean {
  const bounds = editor.getShapePageBounds(frameId as TLShapeId)
  if (!bounds) return false
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
  const { w, h } = editor.getViewportScreenBounds()
  const camera = cameraForFrame(bounds, { w, h }, coveredEdges(editor), { headingPx: FRAME_HEADING_PX })
  // tldraw shortens or drops the animation where the person prefers reduced motion.
  editor.setCamera(camera, animate ? { animation: { duration: JUMP_ANIMATION_MS } } : { immediate: true })
  return true
}

/**
 * The first view of a board: its first template, or, on a page without templates, everything
 * on it, at a readable zoom.
 */
export function showOpeningView(editor: Editor): void {
  const first = currentPageTemplates(editor)[0]
  if (first && showTemplate(editor, first.id)) return
  const pageBounds = editor.getCurrentPageBounds()
  if (!pageBounds) return
  const { w, h } = editor.getViewportScreenBounds()
  editor.setCamera(cameraForFrame(pageBounds, { w, h }, coveredEdges(editor)), { immediate: true })
}
