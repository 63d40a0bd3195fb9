/**
 * Geometry of a zone's area (see {@link ZoneArea} for the conventions): whether it holds a
 * point, how far a ring sector sweeps, and a point in its middle. All in template-local units.
 */
import type { ZoneArea } from './TemplateDefinition.ts'

const FULL_TURN = 2 * Math.PI

export interface Point {
  x: number
  y: number
}

type RingSector = Extract<ZoneArea, { kind: 'ring-sector' }>

/** The point's angle around (cx, cy) in [0, 2π), clockwise from the right, y pointing down. */
function angleAround(cx: number, cy: number, point: Point): number {
  const angle = Math.atan2(point.y - cy, point.x - cx)
  const turned = angle < 0 ? angle + FULL_TURN : angle
  // The tiniest negative angles round up to a full turn, which is the same direction as 0.
  return turned >= FULL_TURN ? 0 : turned
}

/**
 * How far a ring sector sweeps clockwise from its start to its end, in (0, 2π]: a sector whose
 * end is not after its start wraps through 0, and one whose end equals its start is a whole ring.
 */
export function ringSectorSweep(area: RingSector): number {
  const sweep = area.endAngle - area.startAngle
  return sweep > 0 ? sweep : sweep + FULL_TURN
}

/** Whether the area holds the point (see {@link ZoneArea} for which edges belong to it). */
export function zoneContains(area: ZoneArea, point: Point): boolean {
  switch (area.kind) {
    case 'rect':
      return point.x >= area.x && point.x < area.x + area.w && point.y >= area.y && point.y < area.y + area.h
    case 'circle':
      return Math.hypot(point.x - area.cx, point.y - area.cy) < area.r
    case 'ring-sector': {
      const distance = Math.hypot(point.x - area.cx, point.y - area.cy)
      if (distance < area.innerRadius || distance >= area.outerRadius) return false
      // Compared with the stored angles themselves, never with sums of them, so that two
      // sectors sharing a border constant can neither overlap nor leave a gap there.
      const angle = angleAround(area.cx, area.cy, point)
      const { startAngle: start, endAngle: end } = area
      return start < end ? angle >= start && angle < end : angle >= start || angle < end
    }
  }
}

/** A point in the middle of the area: a rectangle's or circle's centre, a ring sector's middle. */
export function zoneCentre(area: ZoneArea): Point {
  switch (area.kind) {
    case 'rect':
      return { x: area.x + area.w / 2, y: area.y + area.h / 2 }
    case 'circle':
      return { x: area.cx, y: area.cy }
    case 'ring-sector': {
      const radius = (area.innerRadius + area.outerRadius) / 2
      const angle = area.startAngle + ringSectorSweep(area) / 2
      return { x: area.cx + radius * Math.cos(angle), y: area.cy + radius * Math.sin(angle) }
    }
  }
}
