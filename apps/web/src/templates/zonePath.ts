/**
 * SVG path data for a template zone's area, in the template's own units, so a
 * preview can draw a template from the same geometry the server places notes by.
 */
import { ringSectorSweep, type ZoneArea } from '@dorfplatz/templates'

const FULL_TURN = 2 * Math.PI
/** Sweeps this close to a full turn are drawn as a whole ring. */
const FULL_TURN_EPSILON = 1e-6

/** Rounds to two decimals: previews need no more, and the path stays short. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100)
}

function point(cx: number, cy: number, r: number, angle: number): string {
  // Angles grow clockwise on screen because y points down, exactly as SVG's arcs do.
  return `${n(cx + r * Math.cos(angle))} ${n(cy + r * Math.sin(angle))}`
}

/** A whole circle as two half arcs (one arc cannot start and end at the same point). */
function circlePath(cx: number, cy: number, r: number, clockwise: boolean): string {
  const sweep = clockwise ? 1 : 0
  return (
    `M ${point(cx, cy, r, 0)} ` +
    `A ${n(r)} ${n(r)} 0 1 ${sweep} ${point(cx, cy, r, Math.PI)} ` +
    `A ${n(r)} ${n(r)} 0 1 ${sweep} ${point(cx, cy, r, 0)} Z`
  )
}

export function zonePath(area: ZoneArea): string {
  switch (area.kind) {
    case 'rect':
      return `M ${n(area.x)} ${n(area.y)} h ${n(area.w)} v ${n(area.h)} h ${n(-area.w)} Z`
    case 'circle':
      return circlePath(area.cx, area.cy, area.r, true)
    case 'ring-sector': {
      const { cx, cy, innerRadius: r0, outerRadius: r1, startAngle: a0, endAngle: a1 } = area
      // A sector may wrap through 0 (end < start); the templates package defines how.
      const sweep = ringSectorSweep(area)
      if (sweep >= FULL_TURN - FULL_TURN_EPSILON) {
        // A whole ring: the inner circle runs the other way, so it is a hole under the nonzero fill rule.
        return r0 > 0 ? `${circlePath(cx, cy, r1, true)} ${circlePath(cx, cy, r0, false)}` : circlePath(cx, cy, r1, true)
      }
      const large = sweep > Math.PI ? 1 : 0
      const outer = `M ${point(cx, cy, r1, a0)} A ${n(r1)} ${n(r1)} 0 ${large} 1 ${point(cx, cy, r1, a1)}`
      if (r0 <= 0) return `${outer} L ${n(cx)} ${n(cy)} Z`
      return `${outer} L ${point(cx, cy, r0, a1)} A ${n(r0)} ${n(r0)} 0 ${large} 0 ${point(cx, cy, r0, a0)} Z`
    }
  }
}
