/** Rückblick: feedback on a workshop in four columns. */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { TemplateZone } from '../TemplateDefinition.ts'
import type { TemplateDrawing } from '../TemplateDrawing.ts'
import { FRAME_PADDING, HEADER_HEIGHT, type TemplateModule } from '../layout.ts'

const COLUMN_WIDTH = 600
const COLUMN_HEIGHT = 840

type Column = Omit<TemplateZone, 'area'> & { color: TLDefaultColorStyle }

const COLUMNS: readonly Column[] = [
  {
    id: 'gut',
    name: { de: 'Was hat gut funktioniert?', en: 'What worked well?' },
    hint: { de: 'Das behalten wir bei.', en: 'We keep doing this.' },
    color: 'light-green',
  },
  {
    id: 'aendern',
    name: { de: 'Was sollten wir ändern?', en: 'What should we change?' },
    hint: { de: 'Das machen wir beim nächsten Mal anders.', en: 'Next time we do this differently.' },
    color: 'light-red',
  },
  {
    id: 'fragen',
    name: { de: 'Offene Fragen', en: 'Open questions' },
    hint: { de: 'Was ist noch unklar?', en: 'What is still unclear?' },
    color: 'light-blue',
  },
  {
    id: 'ideen',
    name: { de: 'Ideen', en: 'Ideas' },
    hint: { de: 'Anregungen für die nächsten Treffen', en: 'Suggestions for the next sessions' },
    color: 'light-violet',
  },
]

const ZONES: ReadonlyArray<TemplateZone & { color: TLDefaultColorStyle }> = COLUMNS.map((column, index) => ({
  ...column,
  area: { kind: 'rect', x: FRAME_PADDING + index * COLUMN_WIDTH, y: HEADER_HEIGHT, w: COLUMN_WIDTH, h: COLUMN_HEIGHT },
}))

function draw(d: TemplateDrawing): void {
  for (const { color, ...zone } of ZONES) d.rectZone(zone, color)
}

export const retrospective: TemplateModule = {
  definition: {
    id: 'retrospective',
    name: { de: 'Rückblick', en: 'Retrospective' },
    description: {
      de: 'Kurzes Feedback zum Workshop: Was lief gut, was ändern wir?',
      en: 'Quick feedback on the workshop: what went well, what do we change?',
    },
    instruction: {
      de: 'Ein Gedanke pro Zettel – ehrlich und konkret.',
      en: 'One thought per note – honest and specific.',
    },
    width: 2 * FRAME_PADDING + COLUMNS.length * COLUMN_WIDTH,
    height: HEADER_HEIGHT + COLUMN_HEIGHT + FRAME_PADDING,
    zones: ZONES.map(({ color: _color, ...zone }) => zone),
  },
  draw,
}
