/**
 * Stakeholder-Landkarte: who is involved in a project, sorted by group (three sectors:
 * residents, local business, local politics) and by closeness (three rings around the
 * municipality or project in the centre).
 */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { LocalizedText, TemplateZone } from '../TemplateDefinition.ts'
import { CALM_FILL, type TemplateDrawing } from '../TemplateDrawing.ts'
import { FRAME_PADDING, HEADER_HEIGHT, STAKEHOLDER_COLORS, type TemplateModule } from '../layout.ts'
import { lineHeight } from '../textMetrics.ts'
import { joinNames, STAKEHOLDER_GROUPS } from './stakeholderGroups.ts'

const CENTRE_RADIUS = 150
/** Width of each ring: room for a sticky note (200) with some play for the curve. */
const RING_WIDTH = 300

const RINGS: ReadonlyArray<{ id: string; name: LocalizedText; hint: LocalizedText; color: TLDefaultColorStyle }> = [
  {
    id: 'direkt',
    name: { de: 'direkt beteiligt', en: 'directly involved' },
    hint: { de: 'gestalten und entscheiden mit', en: 'shape and decide' },
    color: 'orange',
  },
  {
    id: 'betroffen',
    name: { de: 'betroffen', en: 'affected' },
    hint: { de: 'spüren die Folgen', en: 'feel the effects' },
    color: 'yellow',
  },
  {
    id: 'interessiert',
    name: { de: 'interessiert', en: 'interested' },
    hint: { de: 'wollen informiert sein', en: 'want to be kept informed' },
    color: 'grey',
  },
]

const OUTER_RADIUS = CENTRE_RADIUS + RINGS.length * RING_WIDTH
const WIDTH = 2 * (FRAME_PADDING + OUTER_RADIUS)
const CX = WIDTH / 2
const CY = HEADER_HEIGHT + OUTER_RADIUS
/** The sector borders' angles (clockwise from the right, y down): straight up, lower right, lower left. */
const UP = (3 * Math.PI) / 2
const LOWER_RIGHT = Math.PI / 6
const LOWER_LEFT = (5 * Math.PI) / 6
/**
 * Residents upper left, business upper right (wrapping through 0), politics at the bottom;
 * each 120°. Neighbours share their border as the same constant, so none overlap or leave a gap.
 */
const SECTOR_ANGLES: Record<string, readonly [number, number]> = {
  einwohner: [LOWER_LEFT, UP],
  wirtschaft: [UP, LOWER_RIGHT],
  politik: [LOWER_RIGHT, LOWER_LEFT],
}
/** Width of the sector labels in the frame's corners, which stay clear of the outer ring. */
const CORNER_LABEL_WIDTH = 440
const BOTTOM_LABEL_Y = CY + OUTER_RADIUS + 16
const HEIGHT = Math.ceil(BOTTOM_LABEL_Y + lineHeight('l') + FRAME_PADDING)
const RING_LABEL_X = CX + 20
const RING_LABEL_WIDTH = 250

const CENTRE: TemplateZone = {
  id: 'zentrum',
  name: { de: 'Unsere Kommune / unser Projekt', en: 'Our municipality / our project' },
  area: { kind: 'circle', cx: CX, cy: CY, r: CENTRE_RADIUS },
}

const zones: TemplateZone[] = [CENTRE]
for (const group of STAKEHOLDER_GROUPS) {
  const [startAngle, endAngle] = SECTOR_ANGLES[group.id]!
  RINGS.forEach((ring, index) => {
    zones.push({
      id: `${group.id}.${ring.id}`,
      name: joinNames(group.name, ring.name),
      hint: ring.hint,
      group: group.name,
      ring: ring.name,
      area: {
        kind: 'ring-sector',
        cx: CX,
        cy: CY,
        innerRadius: CENTRE_RADIUS + index * RING_WIDTH,
        outerRadius: CENTRE_RADIUS + (index + 1) * RING_WIDTH,
        startAngle,
        endAngle,
      },
    })
  })
}

function draw(d: TemplateDrawing): void {
  // Outermost ring first, so that each smaller disc is drawn on top of the larger one.
  for (let index = RINGS.length - 1; index >= 0; index--) {
    const ring = RINGS[index]!
    const r = CENTRE_RADIUS + (index + 1) * RING_WIDTH
    d.area({ key: `ring.${ring.id}`, geo: 'ellipse', x: CX - r, y: CY - r, w: 2 * r, h: 2 * r, color: ring.color, fill: CALM_FILL })
  }
  d.area({
    key: 'zone.zentrum',
    geo: 'ellipse',
    x: CX - CENTRE_RADIUS,
    y: CY - CENTRE_RADIUS,
    w: 2 * CENTRE_RADIUS,
    h: 2 * CENTRE_RADIUS,
    // The one full colour on the board: the municipality or project everything turns around.
    color: 'yellow',
    fill: 'fill',
    zone: CENTRE.id,
  })

  for (const angle of [UP, LOWER_RIGHT, LOWER_LEFT]) {
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
    d.line(
      `border.${Math.round((angle * 180) / Math.PI)}`,
      CX + CENTRE_RADIUS * cos,
      CY + CENTRE_RADIUS * sin,
      CX + OUTER_RADIUS * cos,
      CY + OUTER_RADIUS * sin,
    )
  }

  d.label('zone.zentrum.name', CENTRE.name, { x: CX - 120, y: CY - 32, w: 240, bold: true, align: 'middle' })

  // Each ring is named once, beside the upward border, in the middle of its band.
  RINGS.forEach((ring, index) => {
    const middle = CENTRE_RADIUS + (index + 0.5) * RING_WIDTH
    const top = CY - middle - 44
    const bottom = d.label(`ring.${ring.id}.name`, ring.name, { x: RING_LABEL_X, y: top, w: RING_LABEL_WIDTH, bold: true })
    d.label(`ring.${ring.id}.hint`, ring.hint, { x: RING_LABEL_X, y: bottom + 4, w: RING_LABEL_WIDTH, size: 's' })
  })

  const [einwohner, wirtschaft, politik] = STAKEHOLDER_GROUPS
  const sectorLabel = { size: 'l', bold: true } as const
  d.label(`sector.${einwohner.id}`, einwohner.name, {
    ...sectorLabel,
    x: FRAME_PADDING,
    y: HEADER_HEIGHT,
    w: CORNER_LABEL_WIDTH,
    color: STAKEHOLDER_COLORS.einwohner.text,
  })
  d.label(`sector.${wirtschaft.id}`, wirtschaft.name, {
    ...sectorLabel,
    x: WIDTH - FRAME_PADDING - CORNER_LABEL_WIDTH,
    y: HEADER_HEIGHT,
    w: CORNER_LABEL_WIDTH,
    color: STAKEHOLDER_COLORS.wirtschaft.text,
    align: 'end',
  })
  d.label(`sector.${politik.id}`, politik.name, {
    ...sectorLabel,
    x: CX - 300,
    y: BOTTOM_LABEL_Y,
    w: 600,
    color: STAKEHOLDER_COLORS.politik.text,
    align: 'middle',
  })
}

export const stakeholderMap: TemplateModule = {
  definition: {
    id: 'stakeholder-map',
    name: { de: 'Stakeholder-Landkarte', en: 'Stakeholder map' },
    description: {
      de: 'Wer ist an unserem Vorhaben beteiligt, wer betroffen, wer interessiert – bei Einwohnerinnen und Einwohnern, Wirtschaft und Politik?',
      en: 'Who is involved in our project, who is affected, who is interested – among residents, business and politics?',
    },
    instruction: {
      de: 'Tragen Sie Personen, Gruppen und Organisationen ein: Je näher an der Mitte, desto enger sind sie beteiligt.',
      en: 'Add people, groups and organisations: the closer to the centre, the more closely they are involved.',
    },
    width: WIDTH,
    height: HEIGHT,
    zones,
  },
  draw,
}
