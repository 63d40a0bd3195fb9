/**
 * Which workshop templates a board holds and where: `meta.templates` is a Y.Array of
 * {@link TemplateInstance} objects, appended when a template's shapes are added, so that the
 * server can tell which zone of which template a note lies in without guessing from shapes.
 *
 * The template catalogue itself (zones, texts, drawing) lives in @dorfplatz/templates; this
 * module owns only what is stored, and therefore the list of template ids a board may name.
 * Reading and writing them in a document is templateInstancesDoc.ts, so that code that needs
 * only the ids and their checks (the web client's start page) does not bring Yjs along.
 */
import { isLocale, LOCALES, type Locale } from '@dorfplatz/protocol'

/** Every template a board may hold, in the order the catalogue presents them. */
export const TEMPLATE_IDS = [
  'stakeholder-map',
  'project-canvas',
  'priority-matrix',
  'idea-collection',
  'roadmap',
  'swot',
  'retrospective',
] as const

export type TemplateId = (typeof TEMPLATE_IDS)[number]

/**
 * The id of a template this installation's facilitators made (see the server's own templates):
 * `own:` and a slug. Boards hold such an instance with everything needed to show and count it
 * (name, size, zones), because another installation, or a later version, may not know it.
 */
export type OwnTemplateId = `own:${string}`

/** Any template a board may hold: one of the built-in ones, or one of this installation's own. */
export type BoardTemplateId = TemplateId | OwnTemplateId

export const OWN_TEMPLATE_ID_PATTERN = /^own:[a-z0-9][a-z0-9-]{0,62}$/

export function isOwnTemplateId(value: unknown): value is OwnTemplateId {
  return typeof value === 'string' && OWN_TEMPLATE_ID_PATTERN.test(value)
}

export function isBoardTemplateId(value: unknown): value is BoardTemplateId {
  return isTemplateId(value) || isOwnTemplateId(value)
}

/** The languages a template's texts exist in; an instance's records are built in one of them. */
export const TEMPLATE_LOCALES = LOCALES

export type TemplateLocale = Locale

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

/** One template placed on a board. */
export interface TemplateInstance {
  /** Short id, unique on the board; it names the instance's shapes and their meta. */
  instanceId: string
  templateId: BoardTemplateId
  /** Page position of the template frame's top-left corner, when it was placed. */
  x: number
  y: number
  pageId: string
  /** The template's frame shape; every other structure shape is its descendant. */
  frameId: string
  /** The language its texts were written in. */
  locale: TemplateLocale
  /**
   * The frame's size and zones as they were when it was placed, so that a note's zone on this
   * board stays what it was even if a later version of Dorfplatz redraws the template. Absent
   * on instances stored without them; the catalogue's current definition applies then.
   */
  width?: number
  height?: number
  zones?: readonly TemplateZone[]
  /** An own template's name and version when it was placed (built-in ones are named by the catalogue). */
  name?: LocalizedText
  version?: number
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}

export const isTemplateLocale = isLocale

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function parseText(value: unknown): LocalizedText | null {
  if (typeof value !== 'object' || value === null) return null
  const { de, en } = value as Record<string, unknown>
  return typeof de === 'string' && typeof en === 'string' ? { de, en } : null
}

function parseArea(value: unknown): ZoneArea | null {
  if (typeof value !== 'object' || value === null) return null
  const area = value as Record<string, unknown>
  const numbers = (...keys: string[]) => keys.every((key) => isFiniteNumber(area[key]))
  switch (area.kind) {
    case 'rect':
      return numbers('x', 'y', 'w', 'h') ? { kind: 'rect', x: area.x as number, y: area.y as number, w: area.w as number, h: area.h as number } : null
    case 'circle':
      return numbers('cx', 'cy', 'r') ? { kind: 'circle', cx: area.cx as number, cy: area.cy as number, r: area.r as number } : null
    case 'ring-sector':
      return numbers('cx', 'cy', 'innerRadius', 'outerRadius', 'startAngle', 'endAngle')
        ? {
            kind: 'ring-sector',
            cx: area.cx as number,
            cy: area.cy as number,
            innerRadius: area.innerRadius as number,
            outerRadius: area.outerRadius as number,
            startAngle: area.startAngle as number,
            endAngle: area.endAngle as number,
          }
        : null
    default:
      return null
  }
}

/** Stored zones, or null when any of them is malformed (the catalogue's zones apply then). */
function parseZones(value: unknown): TemplateZone[] | null {
  if (!Array.isArray(value)) return null
  const zones: TemplateZone[] = []
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null
    const raw = entry as Record<string, unknown>
    const name = parseText(raw.name)
    const area = parseArea(raw.area)
    if (typeof raw.id !== 'string' || !name || !area) return null
    const zone: TemplateZone = { id: raw.id, name, area }
    for (const key of ['hint', 'group', 'ring', 'period'] as const) {
      const text = parseText(raw[key])
      if (text) zone[key] = text
    }
    zones.push(zone)
  }
  return zones
}

/** The instance `value` describes, as a fresh object with only the known fields, or null. */
/** The instance an entry describes, or null where it describes none this version knows. */
export function parseTemplateInstance(value: unknown): TemplateInstance | null {
  if (typeof value !== 'object' || value === null) return null
  const { instanceId, templateId, x, y, pageId, frameId, locale, width, height, zones, name, version } = value as Record<string, unknown>
  if (typeof instanceId !== 'string' || instanceId === '') return null
  if (!isBoardTemplateId(templateId) || !isTemplateLocale(locale)) return null
  if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y)) return null
  if (typeof pageId !== 'string' || !pageId.startsWith('page:')) return null
  if (typeof frameId !== 'string' || !frameId.startsWith('shape:')) return null
  const instance: TemplateInstance = { instanceId, templateId, x, y, pageId, frameId, locale }
  const storedZones = parseZones(zones)
  if (isFiniteNumber(width) && isFiniteNumber(height) && width > 0 && height > 0 && storedZones) {
    instance.width = width
    instance.height = height
    instance.zones = storedZones
  }
  if (isOwnTemplateId(templateId)) {
    // An own template is known by what the board stored of it alone.
    const storedName = parseText(name)
    if (!instance.zones || !storedName) return null
    instance.name = storedName
    if (typeof version === 'number' && Number.isSafeInteger(version) && version > 0) instance.version = version
  }
  return instance
}
