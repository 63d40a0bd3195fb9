/**
 * What a workshop template is, as data: its texts in both languages, its size, and its named
 * zones with their geometry. The lobby lists templates from it, the server places and finds
 * zones with it, and the results report names zones by it.
 *
 * All geometry is in template-local page units: (0, 0) is the top-left corner of the
 * template's frame, x grows to the right and y downwards, as on a tldraw page.
 */
import type { BoardTemplateId, TemplateId } from '@dorfplatz/board'
import type { DrawingPart } from './TemplateDrawing.ts'

export type { LocalizedText, TemplateZone, ZoneArea } from '@dorfplatz/board'
import type { LocalizedText, TemplateZone } from '@dorfplatz/board'

export interface TemplateDefinition {
  id: BoardTemplateId
  name: LocalizedText
  /** One sentence for the lobby. */
  description: LocalizedText
  /** One line for participants, shown at the top of the frame. */
  instruction: LocalizedText
  /** Size of the frame in page units. */
  width: number
  height: number
  /** In reading order: the order the results report lists them in. */
  zones: readonly TemplateZone[]
  /**
   * The structure below the header, for templates made on a board (see ownTemplate.ts); the
   * built-in ones draw theirs in code (templateCatalogue.ts).
   */
  structure?: readonly DrawingPart[]
}

/** One of the seven templates Dorfplatz brings along. */
export interface BuiltInTemplateDefinition extends TemplateDefinition {
  id: TemplateId
}

/** An axis-aligned rectangle in page units. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}
