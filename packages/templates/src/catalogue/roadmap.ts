/**
 * Fahrplan Digitalstrategie: steps of the digital strategy by when they start (columns) and
 * which stakeholder group carries them (lanes).
 */
import type { LocalizedText, TemplateZone } from '../TemplateDefinition.ts'
import type { TemplateDrawing } from '../TemplateDrawing.ts'
import { gridCell, FRAME_PADDING, HEADER_HEIGHT, STAKEHOLDER_COLORS, type TemplateModule } from '../layout.ts'
import { lineHeight } from '../textMetrics.ts'
import { joinNames, STAKEHOLDER_GROUPS } from './stakeholderGroups.ts'

const LANE_LABEL_WIDTH = 300
const COLUMN_HEADER_HEIGHT = 80
const CELL_WIDTH = 600
const CELL_HEIGHT = 460
const GRID_X = FRAME_PADDING + LANE_LABEL_WIDTH
const GRID_Y = HEADER_HEIGHT + COLUMN_HEADER_HEIGHT
const LABEL_GAP = 24

const PERIODS: ReadonlyArray<{ id: string; name: LocalizedText }> = [
  { id: 'jetzt', name: { de: 'Jetzt', en: 'Now' } },
  { id: '6-monate', name: { de: 'In 6 Monaten', en: 'In 6 months' } },
  { id: '1-jahr', name: { de: 'In 1 Jahr', en: 'In 1 year' } },
  { id: '2-3-jahre', name: { de: 'In 2–3 Jahren', en: 'In 2–3 years' } },
]

const zones: TemplateZone[] = STAKEHOLDER_GROUPS.flatMap((group, lane) =>
  PERIODS.map((period, column) => ({
    id: `${group.id}.${period.id}`,
    name: joinNames(group.name, period.name),
    group: group.name,
    period: period.name,
    area: gridCell({ x: GRID_X, y: GRID_Y }, { w: CELL_WIDTH, h: CELL_HEIGHT }, column, lane),
  })),
)

function draw(d: TemplateDrawing): void {
  // The cells carry no labels of their own: the column headers and lane labels name them.
  zones.forEach((zone, index) => {
    const group = STAKEHOLDER_GROUPS[Math.floor(index / PERIODS.length)]!
    d.rectZone(zone, STAKEHOLDER_COLORS[group.id].fill, { labels: false })
  })
  PERIODS.forEach((period, column) => {
    d.label(`period.${period.id}`, period.name, {
      x: GRID_X + column * CELL_WIDTH + LABEL_GAP,
      y: GRID_Y - COLUMN_HEADER_HEIGHT / 2 - lineHeight('m') / 2,
      w: CELL_WIDTH - 2 * LABEL_GAP,
      bold: true,
      align: 'middle',
    })
  })
  STAKEHOLDER_GROUPS.forEach((group, lane) => {
    d.label(`lane.${group.id}`, group.name, {
      x: FRAME_PADDING,
      y: GRID_Y + lane * CELL_HEIGHT + LABEL_GAP,
      w: LANE_LABEL_WIDTH - LABEL_GAP,
      bold: true,
      color: STAKEHOLDER_COLORS[group.id].text,
    })
  })
}

export const roadmap: TemplateModule = {
  definition: {
    id: 'roadmap',
    name: { de: 'Fahrplan Digitalstrategie', en: 'Digital strategy roadmap' },
    description: {
      de: 'Welche Schritte gehen wir wann – und wer geht sie mit?',
      en: 'Which steps do we take when – and who takes them with us?',
    },
    instruction: {
      de: 'Legen Sie jedes Vorhaben in die Zeile derer, die es tragen, und in die Spalte, wann es losgeht.',
      en: 'Put each step in the row of those who carry it and in the column of when it starts.',
    },
    width: GRID_X + PERIODS.length * CELL_WIDTH + FRAME_PADDING,
    height: GRID_Y + STAKEHOLDER_GROUPS.length * CELL_HEIGHT + FRAME_PADDING,
    zones,
  },
  draw,
}
