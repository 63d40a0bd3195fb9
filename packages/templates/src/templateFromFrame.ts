/**
 * Turns a frame on a board into a template's geometry: its labelled areas become named zones,
 * and its areas, labels, lines and arrows become the drawing parts the built-in templates are
 * made of, so that the template is placed by the same code (buildTemplateRecords). Sticky notes,
 * pictures and drawings in the frame are content, not structure, and stay behind. Pure: it
 * reads stored records only.
 */
import { richTextToPlain, type TemplateInstance, type TemplateZone } from '@dorfplatz/board'
import { HEADER_HEIGHT } from './layout.ts'
import { TemplateCheckError } from './ownTemplate.ts'
import { readStructureMeta } from './structureMeta.ts'
import { CALM_FILL, ZONE_PADDING, type DrawingPart, type LabelPart } from './TemplateDrawing.ts'

export interface FrameGeometry {
  width: number
  height: number
  zones: TemplateZone[]
  structure: DrawingPart[]
}

export interface TemplateFromFrameOptions {
  /** The template instance whose frame this is, if it is one: its zones keep their ids. */
  instance?: TemplateInstance
  /** The zones of the version this one follows: a zone whose label is kept keeps its id. */
  previousZones?: readonly TemplateZone[]
  /** Random suffixes of new zone ids (tests pass a fixed one). */
  random?: () => string
}

type Shape = {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  x: number
  y: number
  index: string
  props: Record<string, unknown>
  meta?: unknown
}

const COLORS = new Set(['black', 'grey', 'light-violet', 'violet', 'blue', 'light-blue', 'yellow', 'orange', 'green', 'light-green', 'light-red', 'red', 'white'])
const FILLS = new Set(['none', 'semi', 'solid', 'pattern', 'fill', 'lined-fill'])
const SIZES = new Set(['s', 'm', 'l', 'xl'])

function asShape(value: unknown): Shape | null {
  if (typeof value !== 'object' || value === null) return null
  const shape = value as Partial<Shape>
  if (shape.typeName !== 'shape' || typeof shape.type !== 'string' || typeof shape.id !== 'string') return null
  if (typeof shape.x !== 'number' || typeof shape.y !== 'number' || typeof shape.parentId !== 'string') return null
  if (typeof shape.props !== 'object' || shape.props === null) return null
  return shape as Shape
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)
const color = (value: unknown) => (typeof value === 'string' && COLORS.has(value) ? value : 'black') as LabelPart['color']

function isBold(richText: unknown): boolean {
  return JSON.stringify(richText ?? null).includes('"bold"')
}

/** A zone id from its label: ASCII, lower case, with a short random tail so that two equal labels differ. */
export function zoneIdFromLabel(label: string, random: () => string): string {
  const slug = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return `${slug || 'zone'}-${random()}`
}

const defaultRandom = () => Math.random().toString(36).slice(2, 6).padEnd(4, '0')

const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de')

/**
 * The template geometry of frame `frameId`. Throws TemplateCheckError when there is no such
 * frame or it holds no labelled area (a template without zones cannot sort anything).
 */
export function templateFromFrame(
  records: ReadonlyMap<string, unknown>,
  frameId: string,
  { instance, previousZones = [], random = defaultRandom }: TemplateFromFrameOptions = {},
): FrameGeometry {
  const frame = asShape(records.get(frameId))
  if (!frame || frame.type !== 'frame') {
    throw new TemplateCheckError({ de: 'Auf dem Board gibt es diesen Rahmen nicht.', en: 'The board has no such frame.' })
  }
  const children = [...records.values()]
    .map(asShape)
    .filter((shape): shape is Shape => shape !== null && shape.parentId === frameId)
    .sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))

  const parts: DrawingPart[] = []
  const zones: TemplateZone[] = []
  const usedIds = new Set<string>()
  const newZone = (label: string, area: TemplateZone['area']): string => {
    const kept = previousZones.find((zone) => sameLabel(zone.name.de, label) && !usedIds.has(zone.id))
    let id = kept?.id ?? zoneIdFromLabel(label, random)
    while (usedIds.has(id)) id = zoneIdFromLabel(label, random)
    usedIds.add(id)
    zones.push({ id, name: { de: label, en: kept && sameLabel(kept.name.de, label) ? kept.name.en : '' }, ...(kept?.hint ? { hint: kept.hint } : {}), area })
    return id
  }
  let counter = 0
  const key = () => `p${++counter}`

  // Text shapes that name the area they sit in (an area without a label of its own).
  const texts = children.filter((shape) => shape.type === 'text' && !readStructureMeta(shape))
  const geos = children.filter((shape) => shape.type === 'geo' && !readStructureMeta(shape))
  const areaOf = (geo: Shape) => ({ x: geo.x, y: geo.y, w: num(geo.props.w, 0), h: num(geo.props.h, 0) + num(geo.props.growY, 0) })
  const namingText = new Map<Shape, Shape>()
  for (const textShape of texts) {
    const holders = geos
      .filter((geo) => richTextToPlain(geo.props.richText).trim() === '')
      .filter((geo) => {
        const area = areaOf(geo)
        return textShape.x >= area.x && textShape.x < area.x + area.w && textShape.y >= area.y && textShape.y < area.y + area.h
      })
      .sort((a, b) => areaOf(a).w * areaOf(a).h - areaOf(b).w * areaOf(b).h)
    const holder = holders[0]
    if (holder && !namingText.has(holder)) namingText.set(holder, textShape)
  }

  for (const shape of children) {
    const mark = readStructureMeta(shape)
    const ownPart = instance && mark?.templateInstance === instance.instanceId ? shape.id.slice(frameId.length + 1) : undefined
    // The header is drawn anew from the template's name and instruction.
    if (ownPart === 'title' || ownPart === 'instruction') continue
    const props = shape.props
    switch (shape.type) {
      case 'geo': {
        const area = areaOf(shape)
        if (!(area.w > 0 && area.h > 0)) break
        const geo = props.geo === 'ellipse' ? 'ellipse' : 'rectangle'
        const partKey = ownPart ?? key()
        let zone: string | undefined
        if (mark?.zone && instance?.zones?.some((candidate) => candidate.id === mark.zone)) {
          zone = mark.zone
          if (!usedIds.has(zone)) {
            usedIds.add(zone)
            zones.push({ ...instance.zones.find((candidate) => candidate.id === mark.zone)! })
          }
        } else if (!mark) {
          const ownLabel = richTextToPlain(props.richText).trim()
          const label = ownLabel || (namingText.has(shape) ? richTextToPlain(namingText.get(shape)!.props.richText).trim() : '')
          if (label) {
            const zoneArea: TemplateZone['area'] =
              geo === 'ellipse' && Math.abs(area.w - area.h) < 1
                ? { kind: 'circle', cx: area.x + area.w / 2, cy: area.y + area.h / 2, r: area.w / 2 }
                : { kind: 'rect', ...area }
            zone = newZone(label.split('\n')[0]!.slice(0, 80), zoneArea)
            if (ownLabel) {
              // The area's own text becomes the zone's name at its top left, as built-in zones show theirs.
              parts.push({ kind: 'label', key: `${partKey}.name`, x: area.x + ZONE_PADDING, y: area.y + ZONE_PADDING, w: Math.max(area.w - 2 * ZONE_PADDING, 40), text: ownLabel, size: 'm', bold: true, color: 'black', align: 'start' })
            }
          }
        }
        parts.push({
          kind: 'area',
          key: partKey,
          geo,
          ...area,
          color: color(props.color),
          fill: (typeof props.fill === 'string' && FILLS.has(props.fill) ? props.fill : CALM_FILL) as never,
          ...(zone ? { zone } : {}),
        })
        break
      }
      case 'text': {
        const text = richTextToPlain(props.richText).trim()
        if (!text) break
        const align = props.textAlign === 'middle' || props.textAlign === 'end' ? props.textAlign : 'start'
        const size = (typeof props.size === 'string' && SIZES.has(props.size) ? props.size : 'm') as LabelPart['size']
        const w = Math.max(num(props.w, 0) * num(props.scale, 1), 40)
        parts.push({ kind: 'label', key: ownPart ?? key(), x: shape.x, y: shape.y, w, text, size, bold: isBold(props.richText), color: color(props.color), align })
        break
      }
      case 'line': {
        const points = Object.values((props.points ?? {}) as Record<string, { x?: unknown; y?: unknown; index?: unknown }>)
          .filter((point) => typeof point === 'object' && point !== null)
          .sort((a, b) => (String(a.index) < String(b.index) ? -1 : 1))
        const first = points[0]
        const last = points.at(-1)
        if (!first || !last || first === last) break
        parts.push({ kind: 'line', key: ownPart ?? key(), x1: shape.x + num(first.x, 0), y1: shape.y + num(first.y, 0), x2: shape.x + num(last.x, 0), y2: shape.y + num(last.y, 0), color: color(props.color) })
        break
      }
      case 'arrow': {
        const start = (props.start ?? {}) as { x?: unknown; y?: unknown }
        const end = (props.end ?? {}) as { x?: unknown; y?: unknown }
        parts.push({ kind: 'arrow', key: ownPart ?? key(), x1: shape.x + num(start.x, 0), y1: shape.y + num(start.y, 0), x2: shape.x + num(end.x, 0), y2: shape.y + num(end.y, 0), color: color(props.color) })
        break
      }
      default:
      // Notes, pictures, drawings, nested frames: what participants made, not the template's structure.
    }
  }

  if (zones.length === 0) {
    throw new TemplateCheckError({
      de: 'Der Rahmen enthält keine beschriftete Fläche: Zeichnen Sie Rechtecke mit Text darin, sie werden die Zonen der Vorlage.',
      en: 'The frame holds no labelled area: draw rectangles with text in them; they become the template’s zones.',
    })
  }

  // A frame drawn by hand may have content where every template shows its title and instruction.
  const top = Math.min(...parts.map((part) => ('y1' in part ? Math.min(part.y1, part.y2) : part.y)))
  const shift = instance ? 0 : Math.max(0, Math.ceil(HEADER_HEIGHT - top))
  const moved = (y: number) => y + shift
  const structure = parts.map((part): DrawingPart => ('y1' in part ? { ...part, y1: moved(part.y1), y2: moved(part.y2) } : { ...part, y: moved(part.y) }))
  const placedZones = zones.map((zone): TemplateZone => {
    const area = zone.area
    if (area.kind === 'rect') return { ...zone, area: { ...area, y: moved(area.y) } }
    return { ...zone, area: { ...area, cy: moved(area.cy) } }
  })
  // Reading order, as the results report lists zones: rows from the top, each from the left.
  if (!instance) placedZones.sort((a, b) => zoneTop(a) - zoneTop(b) || zoneLeft(a) - zoneLeft(b))
  return { width: num(frame.props.w, 1), height: num(frame.props.h, 1) + shift, zones: placedZones, structure }
}

const zoneTop = (zone: TemplateZone) => (zone.area.kind === 'rect' ? zone.area.y : zone.area.cy)
const zoneLeft = (zone: TemplateZone) => (zone.area.kind === 'rect' ? zone.area.x : zone.area.cx)
