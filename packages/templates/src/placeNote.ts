/**
 * Where a new sticky note goes when someone puts it into a zone without dragging it there
 * (the phone's "Notiz schreiben"): inside the zone, at the first free spot in reading order,
 * so that the results report lists it under that zone and it covers no other note.
 */
import type { TemplateInstance, TemplateZone } from '@dorfplatz/board'
import { findZone } from './findZone.ts'
import { NOTE_SIZE } from './layout.ts'
import type { Rect } from './TemplateDefinition.ts'
import { zoneCentre, zoneContains, type Point } from './zoneArea.ts'

/** Space kept between a placed note and everything else, and from the zone's edge, in page units. */
export const NOTE_GAP = 24

/**
 * Distance between candidate spots, in page units: a quarter note, so that a note finds a
 * spot beside a label or in the curve of a ring sector, while a zone of a thousand units
 * square still means only a few hundred candidates.
 */
const SCAN_STEP = NOTE_SIZE / 4

/** At least this many candidate spots across a zone, however small it is. */
const MIN_SPOTS_ACROSS = 30

/** How far inside a half-open edge a point must be to count as on this side of it. */
const EDGE_EPSILON = 1e-6

/** How far apart notes are fanned out when a zone has no free spot left. */
const FAN_OFFSET = 30

/** How many candidate spots at most the free-area search looks at around its centre (rings of SCAN_STEP). */
const MAX_FREE_RINGS = 40

/**
 * A note's size on the page: 200 × 200 at scale 1, taller when its text made tldraw grow it
 * (`growY`), larger at another scale.
 */
export interface NoteSize {
  w: number
  h: number
}

export const DEFAULT_NOTE_SIZE: NoteSize = { w: NOTE_SIZE, h: NOTE_SIZE }

/** Whether `rect` overlaps any of `occupied`, each grown by `margin` on every side. */
function collides(rect: Rect, occupied: readonly Rect[], margin: number): boolean {
  return occupied.some(
    (other) =>
      rect.x < other.x + other.w + margin &&
      other.x - margin < rect.x + rect.w &&
      rect.y < other.y + other.h + margin &&
      other.y - margin < rect.y + rect.h,
  )
}

/** The smallest axis-aligned rectangle that holds the zone, in the template's own units. */
function zoneBounds(zone: TemplateZone): Rect {
  const area = zone.area
  switch (area.kind) {
    case 'rect':
      return { x: area.x, y: area.y, w: area.w, h: area.h }
    case 'circle':
      return { x: area.cx - area.r, y: area.cy - area.r, w: 2 * area.r, h: 2 * area.r }
    case 'ring-sector':
      // The whole ring: a sector's own bounds would need its angles; the scan filters anyway.
      return {
        x: area.cx - area.outerRadius,
        y: area.cy - area.outerRadius,
        w: 2 * area.outerRadius,
        h: 2 * area.outerRadius,
      }
  }
}

/**
 * Whether a note of `size` at local (x, y) lies inside the zone, kept `inset` from its edges:
 * its corners, edge middles and centre all do (exact for rectangles; for circles and ring
 * sectors close enough, as the report goes by the centre alone).
 */
function noteFits(zone: TemplateZone, x: number, y: number, size: NoteSize, inset: number): boolean {
  // The right and bottom edges themselves belong to the next zone (areas are half-open).
  const [left, top] = [x - inset, y - inset]
  const [right, bottom] = [x + size.w + inset - EDGE_EPSILON, y + size.h + inset - EDGE_EPSILON]
  const [midX, midY] = [x + size.w / 2, y + size.h / 2]
  for (const px of [left, midX, right]) {
    for (const py of [top, midY, bottom]) if (!zoneContains(zone.area, { x: px, y: py })) return false
  }
  return true
}

/**
 * The page position (top-left corner) for a new note of `size` in `zone` of `instance`
 * (where the frame is now, see currentTemplateInstances), given the page rectangles that
 * are taken (other notes, labels; not the zone's own area or the frame).
 *
 * A spot counts only where the results report would file the note under this zone: where
 * {@link findZone} over `instances` (all current instances; by default this one alone) gives
 * this instance and zone for the note's centre. So a frame moved over the zone cannot take
 * the note.
 *
 * The first such spot in reading order (top to bottom, then left to right) where the whole note
 * lies in the zone, {@link NOTE_GAP} from its edge, and keeps that gap from everything taken.
 * Where no whole note fits, the spot nearest the zone's middle that covers nothing; failing
 * that, a spot fanned out from the zone's middle that does not sit exactly on another note.
 * Null when no spot of the zone is filed under it (another frame covers all of it).
 */
export function placeNoteInZone(
  instance: TemplateInstance,
  zone: TemplateZone,
  occupied: readonly Rect[],
  { size = DEFAULT_NOTE_SIZE, instances = [instance] }: { size?: NoteSize; instances?: readonly TemplateInstance[] } = {},
): Point | null {
  const bounds = zoneBounds(zone)
  const toPage = (local: Point): Point => ({ x: instance.x + local.x, y: instance.y + local.y })
  const noteAt = (local: Point): Rect => ({ ...toPage(local), w: size.w, h: size.h })
  const filedHere = (local: Point) => {
    const centre = { x: instance.x + local.x + size.w / 2, y: instance.y + local.y + size.h / 2 }
    const found = findZone(instances, instance.pageId, centre)
    return found?.instance.instanceId === instance.instanceId && found.zone.id === zone.id
  }

  const candidates: Point[] = []
  // From one gap inside the edge, where a note in the zone's top-left corner would go.
  for (let y = bounds.y + NOTE_GAP; y + size.h <= bounds.y + bounds.h; y += SCAN_STEP) {
    for (let x = bounds.x + NOTE_GAP; x + size.w <= bounds.x + bounds.w; x += SCAN_STEP) candidates.push({ x, y })
  }

  const roomy = candidates.find(
    (local) => noteFits(zone, local.x, local.y, size, NOTE_GAP) && filedHere(local) && !collides(noteAt(local), occupied, NOTE_GAP),
  )
  if (roomy) return toPage(roomy)
  // No room for a whole note (a small zone, a full one, a long note): the note may reach over
  // the zone's edge, as long as its centre is inside; the nearer the zone's middle, the better.
  const middle = zoneCentre(zone.area)
  const start = { x: middle.x - size.w / 2, y: middle.y - size.h / 2 }
  const overhanging: Point[] = []
  // A small zone (the stakeholder map's centre) gets a finer grid: its spots are few and narrow.
  const step = Math.min(SCAN_STEP, Math.max(bounds.w, bounds.h) / MIN_SPOTS_ACROSS)
  for (let y = bounds.y - size.h / 2; y < bounds.y + bounds.h - size.h / 2; y += step) {
    for (let x = bounds.x - size.w / 2; x < bounds.x + bounds.w - size.w / 2; x += step) {
      if (filedHere({ x, y })) overhanging.push({ x, y })
    }
  }
  const distance = (local: Point) => Math.hypot(local.x - start.x, local.y - start.y)
  overhanging.sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x)
  const free = overhanging.find((local) => !collides(noteAt(local), occupied, 0))
  if (free) return toPage(free)

  // Full: fan out from the middle, so that each new note still shows a little of itself.
  const corners = new Set(occupied.map((rect) => `${rect.x},${rect.y}`))
  for (let step = 0; step < 50; step++) {
    const local = { x: start.x + step * FAN_OFFSET, y: start.y + step * FAN_OFFSET }
    if (!filedHere(local)) break
    const page = toPage(local)
    if (!corners.has(`${page.x},${page.y}`)) return page
  }
  const nearest = overhanging[0]
  return nearest ? toPage(nearest) : null
}

/**
 * The page position (top-left corner) for a new note of `size` near `centre` (the middle of
 * the screen) where it covers nothing: the nearest free spot on rings around it, else right
 * on the centre.
 */
export function placeNoteNear(centre: Point, occupied: readonly Rect[], size: NoteSize = DEFAULT_NOTE_SIZE): Point {
  const origin = { x: centre.x - size.w / 2, y: centre.y - size.h / 2 }
  for (let ring = 0; ring <= MAX_FREE_RINGS; ring++) {
    const spots: Point[] = []
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue
        spots.push({ x: origin.x + dx * SCAN_STEP, y: origin.y + dy * SCAN_STEP })
      }
    }
    // Nearest first; equal distances in reading order, so the answer does not depend on the loop.
    spots.sort(
      (a, b) => Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y) || a.y - b.y || a.x - b.x,
    )
    const spot = spots.find((candidate) => !collides({ ...candidate, w: size.w, h: size.h }, occupied, NOTE_GAP))
    if (spot) return spot
  }
  return origin
}
