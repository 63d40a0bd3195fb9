/**
 * Where a new template goes on a page: in a row with the templates already there, wrapping
 * to a new row below everything once a row gets too wide, never on top of anything.
 */
import type { Rect, TemplateDefinition } from './TemplateDefinition.ts'

/** Default space between a new template and everything else, in page units. */
export const TEMPLATE_GAP = 200

/** A row of templates grows to the right until it is this wide (about four templates). */
export const MAX_ROW_WIDTH = 10_000

function isUsable(rect: Rect): boolean {
  return [rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) && rect.w >= 0 && rect.h >= 0
}

/** Whether the rectangles' interiors overlap once `a` is grown by `margin` on every side. */
function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return (
    a.x - margin < b.x + b.w && b.x < a.x + a.w + margin && a.y - margin < b.y + b.h && b.y < a.y + a.h + margin
  )
}

/** Occupied rectangles past which a template simply goes below everything (see placeTemplate). */
export const MAX_PLACEMENT_RECTS = 400

/**
 * The top-left corner for `template` so that it keeps at least `gap` from every occupied
 * rectangle. Deterministic: candidates are the origin, the spot right of each rectangle
 * (top-aligned) and the spot below each (left-aligned); the first free one in reading order
 * (top to bottom, then left to right) whose row stays within {@link MAX_ROW_WIDTH} wins, else
 * the start of a new row below everything.
 */
export function placeTemplate(
  template: Pick<TemplateDefinition, 'width' | 'height'>,
  occupied: readonly Rect[],
  gap: number = TEMPLATE_GAP,
): { x: number; y: number } {
  const rects = occupied.filter(isUsable)
  if (rects.length === 0) return { x: 0, y: 0 }
  const left = rects.reduce((min, rect) => Math.min(min, rect.x), Infinity)
  const bottom = rects.reduce((max, rect) => Math.max(max, rect.y + rect.h), -Infinity)
  // Each candidate is checked against every rectangle: on a page this full, that would cost
  // seconds, and a new row below everything is as good a place.
  if (rects.length > MAX_PLACEMENT_RECTS) return { x: left, y: bottom + gap }

  const candidates = [{ x: 0, y: 0 }]
  for (const rect of rects) {
    candidates.push({ x: rect.x + rect.w + gap, y: rect.y }, { x: rect.x, y: rect.y + rect.h + gap })
  }
  candidates.sort((a, b) => a.y - b.y || a.x - b.x)
  const free = candidates.find(
    (spot) =>
      spot.x + template.width - left <= MAX_ROW_WIDTH &&
      rects.every((rect) => !overlaps({ ...spot, w: template.width, h: template.height }, rect, gap)),
  )
  return free ?? { x: left, y: bottom + gap }
}
