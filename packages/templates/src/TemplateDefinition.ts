/**
 * What a workshop template is, as data: its texts in both languages, its size, and its named
 * zones with their geometry. The lobby lists templates from it, the server places and finds
 * zones with it, and the results report names zones by it.
 *
 * All geometry is in template-local page units: (0, 0) is the top-left corner of the
 * template's frame, x grows to the right and y downwards, as on a tldraw page.
 */
import type { TemplateId } from '@dorfplatz/board'

/** A text in every language a template exists in. */
export interface LocalizedText {
  de: string
  en: string
}

/**
 * Where a zone lies. Every area is half-open, so that a point on the border between two
 * zones belongs to exactly one of them:
 *
 * - `rect`: the points with `x <= px < x + w` and `y <= py < y + h`. A point on a shared
 *   vertical border belongs to the zone on its right, one on a shared horizontal border to
 *   the zone below it.
 * - `ring-sector`: the points whose distance d from (cx, cy) has `innerRadius <= d < outerRadius`
 *   and whose angle lies in `[startAngle, endAngle)`. Angles are in radians in [0, 2π),
 *   measured from the positive x axis (pointing right) and growing clockwise on screen,
 *   because y points down: 0 is right, π/2 down, π left, 3π/2 up. A sector runs clockwise
 *   from its start to its end; when `endAngle < startAngle` it wraps through 0 (e.g. start
 *   3π/2, end π/6 is the upper-right third), and when they are equal it is the whole ring.
 *   Use ringSectorSweep() for the angle it spans rather than `endAngle - startAngle`. Neighbouring sectors share their border angle
 *   as the same number, so a point on a border belongs to the sector that starts there (up
 *   to the rounding of a point computed with sin and cos: it still lands in exactly one of
 *   the two), and a point on a ring border to the outer ring.
 * - `circle`: the points whose distance from (cx, cy) is less than r; the circle's rim
 *   belongs to whatever lies outside it (the innermost ring of a stakeholder map).
 */
export type ZoneArea =
  | { kind: 'rect'; x: number; y: number; w: number; h: number }
  | {
      kind: 'ring-sector'
      cx: number
      cy: number
      innerRadius: number
      outerRadius: number
      startAngle: number
      endAngle: number
    }
  | { kind: 'circle'; cx: number; cy: number; r: number }

/** A named part of a template that notes are sorted into. */
export interface TemplateZone {
  /** ASCII, unique within its template, and never changed once boards use it. */
  id: string
  name: LocalizedText
  /** One line telling participants what belongs here. */
  hint?: LocalizedText
  /** The stakeholder group the zone belongs to (a sector, a roadmap lane). */
  group?: LocalizedText
  /** The ring of closeness on the stakeholder map. */
  ring?: LocalizedText
  /** The time column of the roadmap. */
  period?: LocalizedText
  area: ZoneArea
}

export interface TemplateDefinition {
  id: TemplateId
  name: LocalizedText
  /** One sentence for the lobby. */
  description: LocalizedText
  /** One line for participants, shown at the top of the frame. */
  instruction: LocalizedText
  /** Size of the frame in page units. */
  width: number
  height: number
  /** In reading order: the order the results report lists them in. */
  zones: readonly TemplateZone[]
}

/** An axis-aligned rectangle in page units. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}
