/**
 * The geometry of built template shapes as the tests check it: text labels as boxes (with
 * the same size estimate the layout uses), areas as rectangles or circles, lines and arrows
 * as segments, all in the frame's coordinates.
 */
import type { TLShape } from '@tldraw/tlschema'
import { estimateTextHeight } from '../textMetrics.ts'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export type Outline =
  | { kind: 'box'; id: string; box: Box }
  | { kind: 'circle'; id: string; cx: number; cy: number; r: number }
  | { kind: 'segment'; id: string; x1: number; y1: number; x2: number; y2: number }

export interface Label {
  id: string
  text: string
  box: Box
}

interface RichNode {
  type?: string
  text?: string
  marks?: Array<{ type?: string }>
  content?: RichNode[]
}

function plainText(doc: RichNode): { text: string; bold: boolean } {
  let bold = false
  const paragraphs = (doc.content ?? []).map((paragraph) =>
    (paragraph.content ?? [])
      .map((node) => {
        if (node.marks?.some((mark) => mark.type === 'bold')) bold = true
        return node.text ?? ''
      })
      .join(''),
  )
  return { text: paragraphs.join('\n'), bold }
}

export function labelOf(shape: TLShape): Label | null {
  if (shape.type !== 'text') return null
  const { text, bold } = plainText(shape.props.richText as RichNode)
  const h = estimateTextHeight(text, shape.props.w, { size: shape.props.size, bold })
  return { id: shape.id, text, box: { x: shape.x, y: shape.y, w: shape.props.w, h } }
}

export function outlineOf(shape: TLShape): Outline | null {
  switch (shape.type) {
    case 'geo':
      if (shape.props.geo === 'ellipse') {
        return { kind: 'circle', id: shape.id, cx: shape.x + shape.props.w / 2, cy: shape.y + shape.props.h / 2, r: shape.props.w / 2 }
      }
      return { kind: 'box', id: shape.id, box: { x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h } }
    case 'line': {
      const [a, b] = Object.values(shape.props.points)
      return { kind: 'segment', id: shape.id, x1: shape.x + a!.x, y1: shape.y + a!.y, x2: shape.x + b!.x, y2: shape.y + b!.y }
    }
    case 'arrow': {
      const { start, end } = shape.props
      return { kind: 'segment', id: shape.id, x1: shape.x + start.x, y1: shape.y + start.y, x2: shape.x + end.x, y2: shape.y + end.y }
    }
    default:
      return null
  }
}

/** Whether the interiors of two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

export function boxInside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
}

function corners(box: Box): Array<[number, number]> {
  return [
    [box.x, box.y],
    [box.x + box.w, box.y],
    [box.x, box.y + box.h],
    [box.x + box.w, box.y + box.h],
  ]
}

/** Whether a segment passes through a box grown by `margin`. */
export function segmentHitsBox(segment: Extract<Outline, { kind: 'segment' }>, box: Box, margin: number): boolean {
  const grown = { x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin }
  // Clip the segment's parameter range against the box's slabs (Liang–Barsky).
  let [t0, t1] = [0, 1]
  const dx = segment.x2 - segment.x1
  const dy = segment.y2 - segment.y1
  const checks: Array<[number, number]> = [
    [-dx, segment.x1 - grown.x],
    [dx, grown.x + grown.w - segment.x1],
    [-dy, segment.y1 - grown.y],
    [dy, grown.y + grown.h - segment.y1],
  ]
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

/**
 * Whether a label crosses an outline: a box border, a circle's rim or a segment. A label may
 * lie wholly inside or wholly outside a box or circle, never across its edge.
 */
export function labelCrosses(label: Box, outline: Outline, margin = 4): boolean {
  switch (outline.kind) {
    case 'box': {
      const grown = { x: label.x - margin, y: label.y - margin, w: label.w + 2 * margin, h: label.h + 2 * margin }
      return !boxInside(grown, outline.box) && boxesOverlap(label, outline.box)
    }
    case 'circle': {
      const distances = corners(label).map(([x, y]) => Math.hypot(x - outline.cx, y - outline.cy))
      const allInside = distances.every((d) => d <= outline.r - margin)
      const nearestX = Math.min(Math.max(outline.cx, label.x), label.x + label.w)
      const nearestY = Math.min(Math.max(outline.cy, label.y), label.y + label.h)
      const allOutside = Math.hypot(nearestX - outline.cx, nearestY - outline.cy) >= outline.r + margin
      return !allInside && !allOutside
    }
    case 'segment':
      return segmentHitsBox(outline, label, margin)
  }
}
