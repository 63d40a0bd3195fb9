/**
 * Measures and colours shared by all templates, so that they look like one family on the
 * board: the same margins, the same header, the same colour for each stakeholder group.
 */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { BuiltInTemplateDefinition } from './TemplateDefinition.ts'
import type { TemplateDrawing } from './TemplateDrawing.ts'

/** Space between the frame's edge and everything inside it. */
export const FRAME_PADDING = 48

/**
 * Height of the band at the top of every frame that holds the template's title and the
 * instruction (room for two lines of it); the template's own structure starts below it.
 */
export const HEADER_HEIGHT = 200

/** Top of the title and of the instruction inside the header. */
export const TITLE_Y = 40
export const INSTRUCTION_Y = 100

/** tldraw's sticky note size at scale 1; zones are sized to hold several. */
export const NOTE_SIZE = 200

/** Text and fill colour of each stakeholder group, the same in every template. */
export const STAKEHOLDER_COLORS = {
  einwohner: { text: 'blue', fill: 'light-blue' },
  wirtschaft: { text: 'green', fill: 'light-green' },
  politik: { text: 'violet', fill: 'light-violet' },
} as const satisfies Record<string, { text: TLDefaultColorStyle; fill: TLDefaultColorStyle }>

/** A template: its definition, and how its structure is drawn below the common header. */
export interface TemplateModule {
  definition: BuiltInTemplateDefinition
  draw(drawing: TemplateDrawing): void
}

/** The rectangle of cell (column, row) in a grid of equal cells whose top-left corner is `origin`. */
export function gridCell(
  origin: { x: number; y: number },
  cell: { w: number; h: number },
  column: number,
  row: number,
): { kind: 'rect'; x: number; y: number; w: number; h: number } {
  return { kind: 'rect', x: origin.x + column * cell.w, y: origin.y + row * cell.h, w: cell.w, h: cell.h }
}
