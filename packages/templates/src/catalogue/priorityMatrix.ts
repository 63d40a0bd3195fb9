/**
 * Priorisierungsmatrix: ideas placed by benefit (up: more) against effort (right: more), in
 * four named quadrants.
 */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { LocalizedText, TemplateZone } from '../TemplateDefinition.ts'
import type { TemplateDrawing } from '../TemplateDrawing.ts'
import { FRAME_PADDING, HEADER_HEIGHT, gridCell, type TemplateModule } from '../layout.ts'
import { lineHeight } from '../textMetrics.ts'

const QUADRANT_WIDTH = 840
const QUADRANT_HEIGHT = 600
/** Room left of the grid for the benefit axis and its labels. */
const AXIS_MARGIN = 240
const GRID_X = FRAME_PADDING + AXIS_MARGIN
const GRID_Y = HEADER_HEIGHT
const GRID_W = 2 * QUADRANT_WIDTH
const GRID_H = 2 * QUADRANT_HEIGHT
const Y_AXIS_X = GRID_X - 40
const X_AXIS_Y = GRID_Y + GRID_H + 40
const X_LABEL_Y = X_AXIS_Y + 16
const AXIS_LABEL_WIDTH = 300

const HIGH: LocalizedText = { de: 'hoch', en: 'high' }
const LOW: LocalizedText = { de: 'niedrig', en: 'low' }

const quadrant = (column: 0 | 1, row: 0 | 1): TemplateZone['area'] =>
  gridCell({ x: GRID_X, y: GRID_Y }, { w: QUADRANT_WIDTH, h: QUADRANT_HEIGHT }, column, row)

const ZONES: ReadonlyArray<TemplateZone & { color: TLDefaultColorStyle }> = [
  {
    id: 'schnelle-erfolge',
    name: { de: 'Schnelle Erfolge', en: 'Quick wins' },
    hint: { de: 'Viel Nutzen, wenig Aufwand: gleich anpacken', en: 'High benefit, low effort: start right away' },
    area: quadrant(0, 0),
    color: 'light-green',
  },
  {
    id: 'grosse-vorhaben',
    name: { de: 'Große Vorhaben', en: 'Major projects' },
    hint: { de: 'Viel Nutzen, viel Aufwand: gut planen, Partner suchen', en: 'High benefit, high effort: plan well, find partners' },
    area: quadrant(1, 0),
    color: 'light-blue',
  },
  {
    id: 'lueckenfueller',
    name: { de: 'Lückenfüller', en: 'Fill-ins' },
    hint: { de: 'Wenig Nutzen, wenig Aufwand: nebenbei erledigen', en: 'Low benefit, low effort: do them on the side' },
    area: quadrant(0, 1),
    color: 'grey',
  },
  {
    id: 'zeitfresser',
    name: { de: 'Zeitfresser', en: 'Time sinks' },
    hint: { de: 'Wenig Nutzen, viel Aufwand: lieber lassen', en: 'Low benefit, high effort: better leave them' },
    area: quadrant(1, 1),
    color: 'light-red',
  },
]

function draw(d: TemplateDrawing): void {
  for (const { color, ...zone } of ZONES) d.rectZone(zone, color)

  // Benefit grows upwards, along the grid's left edge; its labels stand to the left of it.
  d.arrow('axis.nutzen', Y_AXIS_X, GRID_Y + GRID_H, Y_AXIS_X, GRID_Y)
  const yLabel = { x: FRAME_PADDING, w: Y_AXIS_X - 20 - FRAME_PADDING, align: 'end' } as const
  d.label('axis.nutzen.high', HIGH, { ...yLabel, y: GRID_Y, size: 's' })
  d.label('axis.nutzen.name', { de: 'Nutzen', en: 'Benefit' }, { ...yLabel, y: GRID_Y + GRID_H / 2 - lineHeight('m') / 2, bold: true })
  d.label('axis.nutzen.low', LOW, { ...yLabel, y: GRID_Y + GRID_H - lineHeight('s'), size: 's' })

  // Effort grows to the right, along the grid's bottom edge; its labels stand below it.
  d.arrow('axis.aufwand', GRID_X, X_AXIS_Y, GRID_X + GRID_W, X_AXIS_Y)
  d.label('axis.aufwand.low', LOW, { x: GRID_X, y: X_LABEL_Y, w: AXIS_LABEL_WIDTH, size: 's' })
  d.label(
    'axis.aufwand.name',
    { de: 'Aufwand', en: 'Effort' },
    { x: GRID_X + GRID_W / 2 - AXIS_LABEL_WIDTH / 2, y: X_LABEL_Y, w: AXIS_LABEL_WIDTH, bold: true, align: 'middle' },
  )
  d.label('axis.aufwand.high', HIGH, {
    x: GRID_X + GRID_W - AXIS_LABEL_WIDTH,
    y: X_LABEL_Y,
    w: AXIS_LABEL_WIDTH,
    size: 's',
    align: 'end',
  })
}

export const priorityMatrix: TemplateModule = {
  definition: {
    id: 'priority-matrix',
    name: { de: 'Priorisierungsmatrix', en: 'Priority matrix' },
    description: {
      de: 'Welche Ideen bringen viel Nutzen bei wenig Aufwand?',
      en: 'Which ideas bring the most benefit for the least effort?',
    },
    instruction: {
      de: 'Schieben Sie jede Idee dorthin, wo ihr Nutzen und ihr Aufwand sie einordnen.',
      en: 'Move each idea to where its benefit and its effort place it.',
    },
    width: GRID_X + GRID_W + FRAME_PADDING,
    height: Math.ceil(X_LABEL_Y + lineHeight('m') + FRAME_PADDING),
    zones: ZONES.map(({ color: _color, ...zone }) => zone),
  },
  draw,
}
