/**
 * Dorfplatz's workshop templates as data: their texts in German and English, their zones,
 * the tldraw records that draw them, and where a point or a note lies among their zones.
 * Runs in Node and the browser alike: no DOM, no React.
 */
export {
  isBoardTemplateId,
  isTemplateId,
  isTemplateLocale,
  OWN_TEMPLATE_ID_PATTERN,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
} from '@dorfplatz/board'
export type { BoardTemplateId, OwnTemplateId, TemplateId, TemplateInstance, TemplateLocale } from '@dorfplatz/board'
export type { BuiltInTemplateDefinition, LocalizedText, Rect, TemplateDefinition, TemplateZone, ZoneArea } from './TemplateDefinition.ts'
export { getTemplate, instanceZones, TEMPLATES } from './templateCatalogue.ts'
export { buildTemplateRecords } from './buildTemplateRecords.ts'
export type { BuildTemplateOptions } from './buildTemplateRecords.ts'
export { placeTemplate, MAX_ROW_WIDTH, TEMPLATE_GAP } from './placeTemplate.ts'
export { findZone, findZoneInTemplate } from './findZone.ts'
export { ringSectorSweep, zoneCentre, zoneContains } from './zoneArea.ts'
export type { Point } from './zoneArea.ts'
export { shapePagePoint, shapeSize, shapeToPage } from './shapePagePoint.ts'
export type { RecordLookup } from './shapePagePoint.ts'
export { currentTemplateInstances } from './currentTemplateInstances.ts'
export { isStructureShape, readStructureMeta, STRUCTURE_META_KEY } from './structureMeta.ts'
export type { StructureMeta, StructurePart } from './structureMeta.ts'
export { votableNoteIds } from './votableNotes.ts'
export { DEFAULT_NOTE_SIZE, NOTE_GAP, placeNoteInZone, placeNoteNear } from './placeNote.ts'
export type { NoteSize } from './placeNote.ts'
export { instanceTemplateName } from './templateCatalogue.ts'
export {
  checkTemplateVersion,
  isOwnTemplateId,
  MAX_TEMPLATE_COORDINATE,
  MAX_TEMPLATE_DESCRIPTION_LENGTH,
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATE_INSTRUCTION_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATE_PARTS,
  MAX_TEMPLATE_VERSIONS,
  MAX_TEMPLATE_ZONES,
  MAX_OWN_TEMPLATES,
  MAX_PUBLISHER_NAME_LENGTH,
  newestVersion,
  ownTemplateDefinition,
  readTemplateFile,
  TEMPLATE_FILE_FORMAT,
  TemplateCheckError,
  templateFile,
} from './ownTemplate.ts'
export type { OwnTemplate, OwnTemplateVersion, TemplateFile } from './ownTemplate.ts'
export { templateFromFrame, zoneIdFromLabel } from './templateFromFrame.ts'
export type { FrameGeometry, TemplateFromFrameOptions } from './templateFromFrame.ts'
export type { DrawingPart } from './TemplateDrawing.ts'
