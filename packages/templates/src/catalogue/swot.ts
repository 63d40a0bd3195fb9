/** SWOT: strengths and weaknesses of the municipality (inside), opportunities and threats (outside). */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { TemplateZone } from '../TemplateDefinition.ts'
import type { TemplateDrawing } from '../TemplateDrawing.ts'
import { FRAME_PADDING, HEADER_HEIGHT, gridCell, type TemplateModule } from '../layout.ts'

const QUADRANT_WIDTH = 840
const QUADRANT_HEIGHT = 600

const quadrant = (column: 0 | 1, row: 0 | 1): TemplateZone['area'] =>
  gridCell({ x: FRAME_PADDING, y: HEADER_HEIGHT }, { w: QUADRANT_WIDTH, h: QUADRANT_HEIGHT }, column, row)

const ZONES: ReadonlyArray<TemplateZone & { color: TLDefaultColorStyle }> = [
  {
    id: 'staerken',
    name: { de: 'Stärken', en: 'Strengths' },
    hint: { de: 'Was können wir schon gut? Worauf bauen wir auf?', en: 'What are we already good at? What can we build on?' },
    area: quadrant(0, 0),
    color: 'light-green',
  },
  {
    id: 'schwaechen',
    name: { de: 'Schwächen', en: 'Weaknesses' },
    hint: { de: 'Was fehlt uns? Wo hakt es bei uns?', en: 'What are we missing? Where do we get stuck?' },
    area: quadrant(1, 0),
    color: 'light-red',
  },
  {
    id: 'chancen',
    name: { de: 'Chancen', en: 'Opportunities' },
    hint: { de: 'Was kommt uns von außen entgegen: Förderung, Partner, Trends?', en: 'What helps us from outside: funding, partners, trends?' },
    area: quadrant(0, 1),
    color: 'light-blue',
  },
  {
    id: 'risiken',
    name: { de: 'Risiken', en: 'Threats' },
    hint: { de: 'Was könnte uns von außen bremsen?', en: 'What from outside could slow us down?' },
    area: quadrant(1, 1),
    color: 'light-violet',
  },
]

function draw(d: TemplateDrawing): void {
  for (const { color, ...zone } of ZONES) d.rectZone(zone, color)
}

export const swot: TemplateModule = {
  definition: {
    id: 'swot',
    name: { de: 'SWOT-Analyse', en: 'SWOT analysis' },
    description: {
      de: 'Stärken und Schwächen unserer Kommune, Chancen und Risiken von außen.',
      en: 'Strengths and weaknesses of our municipality, opportunities and threats from outside.',
    },
    instruction: {
      de: 'Sammeln Sie, was für und gegen das Vorhaben spricht: oben bei uns selbst, unten von außen.',
      en: 'Collect what speaks for and against the project: at the top within us, at the bottom from outside.',
    },
    width: 2 * FRAME_PADDING + 2 * QUADRANT_WIDTH,
    height: HEADER_HEIGHT + 2 * QUADRANT_HEIGHT + FRAME_PADDING,
    zones: ZONES.map(({ color: _color, ...zone }) => zone),
  },
  draw,
}
