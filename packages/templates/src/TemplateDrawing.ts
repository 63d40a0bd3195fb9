/**
 * The structure of a template as a list of simple parts (areas, labels, lines, arrows) in
 * template-local units, each with a key that is unique within the template. Templates draw
 * themselves into one; buildTemplateRecords turns it into tldraw shapes.
 */
import type { TLDefaultColorStyle, TLDefaultFillStyle, TLDefaultSizeStyle, TLDefaultTextAlignStyle } from '@tldraw/tlschema'
import type { TemplateLocale } from '@dorfplatz/board'
import type { LocalizedText, TemplateZone } from './TemplateDefinition.ts'
import { estimateTextHeight } from './textMetrics.ts'

export interface AreaPart {
  kind: 'area'
  key: string
  geo: 'rectangle' | 'ellipse'
  x: number
  y: number
  w: number
  h: number
  color: TLDefaultColorStyle
  fill: TLDefaultFillStyle
  /** The zone this area shows, if it is exactly one zone. */
  zone?: string
}

export interface LabelPart {
  kind: 'label'
  key: string
  x: number
  y: number
  /** Fixed width; the text wraps inside it. */
  w: number
  text: string
  size: TLDefaultSizeStyle
  bold: boolean
  color: TLDefaultColorStyle
  align: TLDefaultTextAlignStyle
}

export interface LinePart {
  kind: 'line' | 'arrow'
  key: string
  x1: number
  y1: number
  x2: number
  y2: number
  color: TLDefaultColorStyle
}

export type DrawingPart = AreaPart | LabelPart | LinePart

export type LabelOptions = Pick<LabelPart, 'x' | 'y' | 'w'> &
  Partial<Pick<LabelPart, 'size' | 'bold' | 'color' | 'align'>>

/**
 * The fill of zone areas. tldraw draws 'solid' in the pale tint of a colour (its "semi"
 * shade), which keeps labels and notes readable on a projector; 'semi' would be near-white
 * and 'fill' the full colour.
 */
export const CALM_FILL = 'solid' satisfies TLDefaultFillStyle

/** Space between a zone's border and its labels. */
export const ZONE_PADDING = 24
/** Vertical space between a zone's name and its hint. */
const HINT_GAP = 6

export class TemplateDrawing {
  readonly parts: DrawingPart[] = []

  constructor(readonly locale: TemplateLocale) {}

  /** The text in the drawing's language. */
  t(text: LocalizedText): string {
    return text[this.locale]
  }

  area(part: Omit<AreaPart, 'kind'>): void {
    this.add({ ...part, kind: 'area' })
  }

  /** Adds a text label and returns its estimated bottom edge. */
  label(key: string, text: LocalizedText | string, options: LabelOptions): number {
    const part: LabelPart = {
      kind: 'label',
      key,
      text: typeof text === 'string' ? text : this.t(text),
      size: 'm',
      bold: false,
      color: 'black',
      align: 'start',
      ...options,
    }
    this.add(part)
    return part.y + estimateTextHeight(part.text, part.w, part)
  }

  line(key: string, x1: number, y1: number, x2: number, y2: number, color: TLDefaultColorStyle = 'grey'): void {
    this.add({ kind: 'line', key, x1, y1, x2, y2, color })
  }

  arrow(key: string, x1: number, y1: number, x2: number, y2: number, color: TLDefaultColorStyle = 'black'): void {
    this.add({ kind: 'arrow', key, x1, y1, x2, y2, color })
  }

  /**
   * A rectangular zone: a coloured area with the zone's name and hint in its top-left corner.
   * Returns the estimated bottom edge of its labels.
   */
  rectZone(zone: TemplateZone, color: TLDefaultColorStyle, { labels = true } = {}): number {
    const { area } = zone
    if (area.kind !== 'rect') throw new Error(`rectZone: zone ${zone.id} is not a rectangle`)
    const { x, y, w, h } = area
    this.area({ key: `zone.${zone.id}`, geo: 'rectangle', x, y, w, h, color, fill: CALM_FILL, zone: zone.id })
    if (!labels) return y
    const labelX = x + ZONE_PADDING
    const labelW = w - 2 * ZONE_PADDING
    let bottom = this.label(`zone.${zone.id}.name`, zone.name, { x: labelX, y: y + ZONE_PADDING, w: labelW, bold: true })
    if (zone.hint) {
      bottom = this.label(`zone.${zone.id}.hint`, zone.hint, { x: labelX, y: bottom + HINT_GAP, w: labelW, size: 's' })
    }
    return bottom
  }

  private add(part: DrawingPart): void {
    if (this.parts.some((existing) => existing.key === part.key)) {
      throw new Error(`TemplateDrawing: two parts have the key ${part.key}`)
    }
    this.parts.push(part)
  }
}
