/**
 * Projekt-Canvas: one low-threshold digital project on one page, laid out like a business
 * model canvas: the idea and its benefit in the middle, the people and first steps to the
 * left, success and target groups to the right, resources and open questions along the bottom.
 */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { TemplateZone } from '../TemplateDefinition.ts'
import type { TemplateDrawing } from '../TemplateDrawing.ts'
import { FRAME_PADDING, HEADER_HEIGHT, type TemplateModule } from '../layout.ts'

const COLUMN_WIDTH = 560
const ROW_HEIGHT = 480
const COLUMNS = 5
const LEFT = FRAME_PADDING
const TOP = HEADER_HEIGHT
const BOTTOM_ROW_Y = TOP + 2 * ROW_HEIGHT
const HALF_WIDTH = (COLUMNS * COLUMN_WIDTH) / 2

/** A field spanning `rows` of the two upper rows in one column. */
function field(column: number, row: number, rows: 1 | 2): TemplateZone['area'] {
  return { kind: 'rect', x: LEFT + column * COLUMN_WIDTH, y: TOP + row * ROW_HEIGHT, w: COLUMN_WIDTH, h: rows * ROW_HEIGHT }
}

const ZONES: ReadonlyArray<TemplateZone & { color: TLDefaultColorStyle }> = [
  {
    id: 'idee',
    name: { de: 'Idee und Titel', en: 'Idea and title' },
    hint: { de: 'Worum geht es, in einem Satz? Wie heißt das Projekt?', en: 'What is it about, in one sentence? What do we call it?' },
    area: field(2, 0, 1),
    color: 'light-violet',
  },
  {
    id: 'ziel',
    name: { de: 'Ziel und Nutzen für die Bürgerschaft', en: 'Goal and benefit for residents' },
    hint: { de: 'Was wird für die Menschen vor Ort besser?', en: 'What gets better for the people who live here?' },
    area: field(2, 1, 1),
    color: 'light-violet',
  },
  {
    id: 'zielgruppen',
    name: { de: 'Zielgruppen', en: 'Target groups' },
    hint: { de: 'Für wen ist das Projekt gedacht? Wie erreichen wir sie?', en: 'Who is it for? How do we reach them?' },
    area: field(4, 0, 2),
    color: 'light-blue',
  },
  {
    id: 'beteiligte',
    name: { de: 'Wer macht mit?', en: 'Who takes part?' },
    hint: {
      de: 'Einwohnerinnen und Einwohner, Wirtschaft, Politik, Nachbarkommunen: Wer trägt was bei?',
      en: 'Residents, business, politics, neighbouring municipalities: who contributes what?',
    },
    area: field(0, 0, 2),
    color: 'light-blue',
  },
  {
    id: 'ressourcen',
    name: { de: 'Ressourcen und Kosten', en: 'Resources and costs' },
    hint: { de: 'Zeit, Geld, Räume, Know-how, Fördermittel', en: 'Time, money, rooms, know-how, funding' },
    area: { kind: 'rect', x: LEFT, y: BOTTOM_ROW_Y, w: HALF_WIDTH, h: ROW_HEIGHT },
    color: 'grey',
  },
  {
    id: 'risiken',
    name: { de: 'Risiken und Hürden', en: 'Risks and obstacles' },
    hint: { de: 'Was könnte schiefgehen? Was bremst uns?', en: 'What could go wrong? What slows us down?' },
    area: field(1, 1, 1),
    color: 'light-red',
  },
  {
    id: 'schritte',
    name: { de: 'Erste Schritte', en: 'First steps' },
    hint: { de: 'Was tun wir in den nächsten Wochen, und wer?', en: 'What do we do in the coming weeks, and who does it?' },
    area: field(1, 0, 1),
    color: 'light-green',
  },
  {
    id: 'erfolg',
    name: { de: 'Woran messen wir Erfolg?', en: 'How do we measure success?' },
    hint: { de: 'Woran merken wir in einem Jahr, dass es wirkt?', en: 'How will we know in a year that it works?' },
    area: field(3, 0, 2),
    color: 'light-green',
  },
  {
    id: 'fragen',
    name: { de: 'Offene Fragen / Unterstützung nötig', en: 'Open questions / support needed' },
    hint: { de: 'Was müssen wir klären? Wo brauchen wir Hilfe?', en: 'What do we need to clarify? Where do we need help?' },
    area: { kind: 'rect', x: LEFT + HALF_WIDTH, y: BOTTOM_ROW_Y, w: HALF_WIDTH, h: ROW_HEIGHT },
    color: 'grey',
  },
]

function draw(d: TemplateDrawing): void {
  for (const { color, ...zone } of ZONES) d.rectZone(zone, color)
}

export const projectCanvas: TemplateModule = {
  definition: {
    id: 'project-canvas',
    name: { de: 'Projekt-Canvas', en: 'Project canvas' },
    description: {
      de: 'Ein digitales Projekt auf einer Seite: Idee, Nutzen, Beteiligte und erste Schritte.',
      en: 'One digital project on one page: idea, benefit, people involved and first steps.',
    },
    instruction: {
      de: 'Füllen Sie die Felder für ein konkretes Projekt aus – am besten in der Mitte anfangen.',
      en: 'Fill in the fields for one concrete project – best start in the middle.',
    },
    width: 2 * FRAME_PADDING + COLUMNS * COLUMN_WIDTH,
    height: BOTTOM_ROW_Y + ROW_HEIGHT + FRAME_PADDING,
    zones: ZONES.map(({ color: _color, ...zone }) => zone),
  },
  draw,
}
