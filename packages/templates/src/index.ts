/**
 * Dorfplatz's workshop templates as data: their texts in German and English, their zones,
 * the tldraw records that draw them, and where a point or a note lies among their zones.
 * Runs in Node and the browser alike: no DOM, no React.
 */
export {
  isTemplateId,
  isTemplateLocale,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
} from '@dorfplatz/board'
export type { TemplateId, TemplateInstance, TemplateLocale } from '@dorfplatz/board'
export type { LocalizedText, Rect, TemplateDefinition, TemplateZone, ZoneArea } from './TemplateDefinition.ts'
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
