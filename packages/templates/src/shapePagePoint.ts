/**
 * Where a shape is on its page, computed from stored records alone (the server has no editor
 * to ask): its centre in its own coordinates, carried through its own and each ancestor's
 * position and rotation up to the page.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { NOTE_SIZE } from './layout.ts'
import { TEXT_FONT_SIZES, TEXT_LINE_HEIGHT } from './textMetrics.ts'

/** Records by id: a Map of them, or anything else that answers `get` (the server's live records). */
export interface RecordLookup {
  get(id: string): TLRecord | unknown
}

interface Placed {
  x: number
  y: number
  rotation: number
  parentId: string
}

function asPlaced(value: unknown): Placed | null {
  if (typeof value !== 'object' || value === null) return null
  const { typeName, x, y, rotation, parentId } = value as Record<string, unknown>
  if (typeName !== 'shape' || typeof x !== 'number' || typeof y !== 'number' || typeof parentId !== 'string') return null
  return { x, y, rotation: typeof rotation === 'number' ? rotation : 0, parentId }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/**
 * The size tldraw gives a shape, as far as its props tell: notes are 200 × (200 + growY)
 * times their scale; geo shapes grow by growY; text is as wide as its w and (without a
 * browser to measure it) taken as one line high; shapes without a size (lines, arrows,
 * drawings, groups) count as a point at their origin.
 */
export function shapeSize(shape: TLShape): { w: number; h: number } {
  const props = shape.props as Record<string, unknown>
  const scale = numberOr(props.scale, 1)
  switch (shape.type) {
    case 'note':
      return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + numberOr(props.growY, 0)) * scale }
    case 'geo':
      return { w: numberOr(props.w, 0), h: numberOr(props.h, 0) + numberOr(props.growY, 0) }
    case 'text': {
      const fontSize = TEXT_FONT_SIZES[props.size as keyof typeof TEXT_FONT_SIZES] ?? TEXT_FONT_SIZES.m
      return { w: numberOr(props.w, 0) * scale, h: fontSize * TEXT_LINE_HEIGHT * scale }
    }
    default:
      return { w: numberOr(props.w, 0), h: numberOr(props.h, 0) }
  }
}

/** Rotates (x, y) by `angle` radians (clockwise on screen, as tldraw's rotation) and moves it by (dx, dy). */
function place(point: { x: number; y: number }, angle: number, dx: number, dy: number): { x: number; y: number } {
  if (angle === 0) return { x: point.x + dx, y: point.y + dy }
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  return { x: point.x * cos - point.y * sin + dx, y: point.x * sin + point.y * cos + dy }
}

/**
 * Carries a point given in a shape's own coordinates to the page, through the shape's and each
 * ancestor's position and rotation. Walks up through parent shapes (frames, groups) found in
 * `byId` until it reaches a parent that is not a shape: the page, or a record that is missing,
 * where the walk stops. Returns the page the walk ended at, as far as it knows one.
 */
export function shapeToPage(
  shape: TLShape,
  local: { x: number; y: number },
  byId: RecordLookup,
): { x: number; y: number; pageId: string | null } {
  let point = place(local, shape.rotation, shape.x, shape.y)
  let parentId: string = shape.parentId
  const visited = new Set<string>([shape.id])
  for (;;) {
    const parent = asPlaced(byId.get(parentId))
    // A cycle can only come from a corrupt document; stop rather than loop.
    if (!parent || visited.has(parentId)) {
      return { ...point, pageId: parentId.startsWith('page:') ? parentId : null }
    }
    visited.add(parentId)
    point = place(point, parent.rotation, parent.x, parent.y)
    parentId = parent.parentId
  }
}

/** A shape's centre in page coordinates (see {@link shapeToPage} for how parents are followed). */
export function shapePagePoint(shape: TLShape, byId: RecordLookup): { x: number; y: number } {
  const { w, h } = shapeSize(shape)
  const { x, y } = shapeToPage(shape, { x: w / 2, y: h / 2 }, byId)
  return { x, y }
}
