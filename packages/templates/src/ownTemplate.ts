/**
 * Templates an installation's facilitators make from a frame on a board: what one is (a list of
 * published versions, each a whole template), the strict check every stored or imported
 * version passes, and the file they are shared in (`{ dorfplatzTemplate: 1, … }`).
 *
 * The check is the one gate for data that reaches other people's boards from outside: it
 * refuses rather than repairs, and says why in German and English.
 */
import { isOwnTemplateId, type LocalizedText, type OwnTemplateId, type TemplateZone, type ZoneArea } from '@dorfplatz/board'
import type { TemplateDefinition } from './TemplateDefinition.ts'
import type { DrawingPart } from './TemplateDrawing.ts'

/** One published version of an own template: the whole template as it was published. */
export interface OwnTemplateVersion {
  version: number
  /** When it was published (ms since the epoch). */
  publishedAt: number
  /** The name the facilitator gave when publishing. */
  publishedBy: string
  name: LocalizedText
  description: LocalizedText
  instruction: LocalizedText
  width: number
  height: number
  zones: TemplateZone[]
  structure: DrawingPart[]
}

export interface OwnTemplate {
  id: OwnTemplateId
  createdAt: number
  /** When it was retired from the lobby (boards that use it keep it), or null. */
  retiredAt: number | null
  /** Oldest first; the last one is what new boards get. */
  versions: OwnTemplateVersion[]
}

// -- Limits ---------------------------------------------------------------------------------------

export const MAX_TEMPLATE_NAME_LENGTH = 80
export const MAX_TEMPLATE_INSTRUCTION_LENGTH = 200
export const MAX_TEMPLATE_DESCRIPTION_LENGTH = 300
export const MAX_PUBLISHER_NAME_LENGTH = 80
export const MAX_TEMPLATE_ZONES = 40
export const MAX_TEMPLATE_PARTS = 400
/** A label's text; zone hints and names are shorter (MAX_TEMPLATE_NAME_LENGTH, the instruction's). */
export const MAX_LABEL_TEXT_LENGTH = 500
/** Every coordinate lies within ± this many page units; sizes are positive and at most twice it. */
export const MAX_TEMPLATE_COORDINATE = 20_000
/** Templates one installation keeps (retired ones count): enough for years of a seminar series, not a flood. */
export const MAX_OWN_TEMPLATES = 500
/** Versions kept per template; a file may carry as many. */
export const MAX_TEMPLATE_VERSIONS = 100
/** A template file's size, in bytes. */
export const MAX_TEMPLATE_FILE_BYTES = 512 * 1024
/** How deeply a template file's JSON may nest (a version's parts nest four levels deep). */
export const MAX_TEMPLATE_FILE_DEPTH = 12

/** The file format's marker and version. */
export const TEMPLATE_FILE_FORMAT = 1

const COLORS = new Set([
  'black', 'grey', 'light-violet', 'violet', 'blue', 'light-blue', 'yellow', 'orange', 'green', 'light-green', 'light-red', 'red', 'white',
])
const FILLS = new Set(['none', 'semi', 'solid', 'pattern', 'fill', 'lined-fill'])
const SIZES = new Set(['s', 'm', 'l', 'xl'])
const ALIGNS = new Set(['start', 'middle', 'end'])
const PART_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/
const ZONE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/
/** Keys that would reach an object's prototype if anything copied them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
/** Looks like markup or a script address: nothing a template shows needs it. */
const MARKUP = /<\s*[/!?a-z]|javascript\s*:|data\s*:\s*text\/html/i
// Control characters other than tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

// -- The check ----------------------------------------------------------------------------------

/** Why something was refused, in both languages. */
export class TemplateCheckError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.en)
  }
}

const refuse = (de: string, en: string): never => {
  throw new TemplateCheckError({ de, en })
}

type Obj = Record<string, unknown>

function object(value: unknown, where: string, allowed: readonly string[], required: readonly string[] = allowed): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(`${where}: kein Objekt.`, `${where}: not an object.`)
  const entries = value as Obj
  for (const key of Object.keys(entries)) {
    if (FORBIDDEN_KEYS.has(key)) refuse(`${where}: unzulässiger Schlüssel „${key}“.`, `${where}: forbidden key "${key}".`)
    if (!allowed.includes(key)) refuse(`${where}: unbekanntes Feld „${key.slice(0, 40)}“.`, `${where}: unknown field "${key.slice(0, 40)}".`)
  }
  for (const key of required) {
    if (!(key in entries)) refuse(`${where}: das Feld „${key}“ fehlt.`, `${where}: the field "${key}" is missing.`)
  }
  return entries
}

function text(value: unknown, where: string, maxLength: number, { optional = false } = {}): string {
  if (typeof value !== 'string') refuse(`${where}: kein Text.`, `${where}: not a text.`)
  const string = value as string
  if (!optional && string.trim() === '') refuse(`${where}: ist leer.`, `${where}: is empty.`)
  if (string.length > maxLength) {
    refuse(`${where}: länger als ${maxLength} Zeichen.`, `${where}: longer than ${maxLength} characters.`)
  }
  if (CONTROL.test(string)) refuse(`${where}: enthält Steuerzeichen.`, `${where}: contains control characters.`)
  if (MARKUP.test(string)) refuse(`${where}: enthält HTML oder Skript.`, `${where}: contains HTML or script.`)
  return string
}

function localized(value: unknown, where: string, maxLength: number, { optional = false } = {}): LocalizedText {
  const entries = object(value, where, ['de', 'en'])
  return { de: text(entries.de, `${where} (de)`, maxLength, { optional }), en: text(entries.en, `${where} (en)`, maxLength, { optional: true }) }
}

function number(value: unknown, where: string, { min = -MAX_TEMPLATE_COORDINATE, max = MAX_TEMPLATE_COORDINATE, positive = false } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse(`${where}: keine endliche Zahl.`, `${where}: not a finite number.`)
  const n = value as number
  if (positive && !(n > 0)) refuse(`${where}: muss größer als 0 sein.`, `${where}: must be greater than 0.`)
  if (n < min || n > max) refuse(`${where}: liegt nicht zwischen ${min} und ${max}.`, `${where}: is not between ${min} and ${max}.`)
  return n
}

const size = (value: unknown, where: string) => number(value, where, { min: 0, max: 2 * MAX_TEMPLATE_COORDINATE, positive: true })

function oneOf(value: unknown, where: string, allowed: Set<string>): string {
  if (typeof value !== 'string' || !allowed.has(value)) refuse(`${where}: unbekannter Wert.`, `${where}: unknown value.`)
  return value as string
}

function list(value: unknown, where: string, max: number, what: LocalizedText): unknown[] {
  if (!Array.isArray(value)) refuse(`${where}: keine Liste.`, `${where}: not a list.`)
  const items = value as unknown[]
  if (items.length > max) refuse(`${where}: mehr als ${max} ${what.de}.`, `${where}: more than ${max} ${what.en}.`)
  return items
}

function checkArea(value: unknown, where: string): ZoneArea {
  const kind = (value as Obj | null)?.kind
  if (kind === 'rect') {
    const area = object(value, where, ['kind', 'x', 'y', 'w', 'h'])
    return { kind, x: number(area.x, `${where}.x`), y: number(area.y, `${where}.y`), w: size(area.w, `${where}.w`), h: size(area.h, `${where}.h`) }
  }
  if (kind === 'circle') {
    const area = object(value, where, ['kind', 'cx', 'cy', 'r'])
    return { kind, cx: number(area.cx, `${where}.cx`), cy: number(area.cy, `${where}.cy`), r: size(area.r, `${where}.r`) }
  }
  if (kind === 'ring-sector') {
    const area = object(value, where, ['kind', 'cx', 'cy', 'innerRadius', 'outerRadius', 'startAngle', 'endAngle'])
    const angle = (raw: unknown, at: string) => number(raw, at, { min: 0, max: 2 * Math.PI })
    const innerRadius = number(area.innerRadius, `${where}.innerRadius`, { min: 0 })
    const outerRadius = size(area.outerRadius, `${where}.outerRadius`)
    if (outerRadius <= innerRadius) refuse(`${where}: der äußere Radius ist nicht größer als der innere.`, `${where}: the outer radius is not larger than the inner one.`)
    return {
      kind,
      cx: number(area.cx, `${where}.cx`),
      cy: number(area.cy, `${where}.cy`),
      innerRadius,
      outerRadius,
      startAngle: angle(area.startAngle, `${where}.startAngle`),
      endAngle: angle(area.endAngle, `${where}.endAngle`),
    }
  }
  return refuse(`${where}: unbekannte Art von Fläche.`, `${where}: unknown kind of area.`)
}

function checkZone(value: unknown, where: string): TemplateZone {
  const raw = object(value, where, ['id', 'name', 'hint', 'group', 'ring', 'period', 'area'], ['id', 'name', 'area'])
  if (typeof raw.id !== 'string' || !ZONE_ID.test(raw.id)) {
    refuse(`${where}: die Kennung ist ungültig.`, `${where}: the id is not valid.`)
  }
  const zone: TemplateZone = {
    id: raw.id as string,
    name: localized(raw.name, `${where}, Name`, MAX_TEMPLATE_NAME_LENGTH),
    area: checkArea(raw.area, `${where}, Fläche`),
  }
  if (raw.hint !== undefined) zone.hint = localized(raw.hint, `${where}, Hinweis`, MAX_TEMPLATE_INSTRUCTION_LENGTH, { optional: true })
  for (const key of ['group', 'ring', 'period'] as const) {
    if (raw[key] !== undefined) zone[key] = localized(raw[key], `${where}, ${key}`, MAX_TEMPLATE_NAME_LENGTH)
  }
  return zone
}

function checkPart(value: unknown, where: string, zoneIds: Set<string>): DrawingPart {
  const kind = (value as Obj | null)?.kind
  const key = (raw: Obj) => {
    if (typeof raw.key !== 'string' || !PART_KEY.test(raw.key) || raw.key === 'title' || raw.key === 'instruction') {
      refuse(`${where}: der Schlüssel ist ungültig.`, `${where}: the key is not valid.`)
    }
    return raw.key as string
  }
  switch (kind) {
    case 'area': {
      const raw = object(value, where, ['kind', 'key', 'geo', 'x', 'y', 'w', 'h', 'color', 'fill', 'zone'], ['kind', 'key', 'geo', 'x', 'y', 'w', 'h', 'color', 'fill'])
      const part: DrawingPart = {
        kind,
        key: key(raw),
        geo: oneOf(raw.geo, `${where}.geo`, new Set(['rectangle', 'ellipse'])) as 'rectangle' | 'ellipse',
        x: number(raw.x, `${where}.x`),
        y: number(raw.y, `${where}.y`),
        w: size(raw.w, `${where}.w`),
        h: size(raw.h, `${where}.h`),
        color: oneOf(raw.color, `${where}.color`, COLORS) as never,
        fill: oneOf(raw.fill, `${where}.fill`, FILLS) as never,
      }
      if (raw.zone !== undefined) {
        if (typeof raw.zone !== 'string' || !zoneIds.has(raw.zone)) refuse(`${where}: nennt keine Zone der Vorlage.`, `${where}: names no zone of the template.`)
        part.zone = raw.zone as string
      }
      return part
    }
    case 'label': {
      const raw = object(value, where, ['kind', 'key', 'x', 'y', 'w', 'text', 'size', 'bold', 'color', 'align'])
      if (typeof raw.bold !== 'boolean') refuse(`${where}.bold: kein Wahrheitswert.`, `${where}.bold: not a boolean.`)
      return {
        kind,
        key: key(raw),
        x: number(raw.x, `${where}.x`),
        y: number(raw.y, `${where}.y`),
        w: size(raw.w, `${where}.w`),
        text: text(raw.text, `${where}.text`, MAX_LABEL_TEXT_LENGTH),
        size: oneOf(raw.size, `${where}.size`, SIZES) as never,
        bold: raw.bold as boolean,
        color: oneOf(raw.color, `${where}.color`, COLORS) as never,
        align: oneOf(raw.align, `${where}.align`, ALIGNS) as never,
      }
    }
    case 'line':
    case 'arrow': {
      const raw = object(value, where, ['kind', 'key', 'x1', 'y1', 'x2', 'y2', 'color'])
      return {
        kind,
        key: key(raw),
        x1: number(raw.x1, `${where}.x1`),
        y1: number(raw.y1, `${where}.y1`),
        x2: number(raw.x2, `${where}.x2`),
        y2: number(raw.y2, `${where}.y2`),
        color: oneOf(raw.color, `${where}.color`, COLORS) as never,
      }
    }
    default:
      return refuse(`${where}: unbekannte Art von Teil.`, `${where}: unknown kind of part.`)
  }
}

/** Checks one version, as stored or as read from a file; throws TemplateCheckError. */
export function checkTemplateVersion(value: unknown, where = 'Version'): OwnTemplateVersion {
  const raw = object(value, where, ['version', 'publishedAt', 'publishedBy', 'name', 'description', 'instruction', 'width', 'height', 'zones', 'structure'])
  const version = number(raw.version, `${where}.version`, { min: 1, max: 1_000_000 })
  if (!Number.isInteger(version)) refuse(`${where}.version: keine ganze Zahl.`, `${where}.version: not a whole number.`)
  const publishedAt = number(raw.publishedAt, `${where}.publishedAt`, { min: 0, max: 8.64e15 })
  const zones = list(raw.zones, `${where}.zones`, MAX_TEMPLATE_ZONES, { de: 'Zonen', en: 'zones' }).map((zone, index) =>
    checkZone(zone, `${where}, Zone ${index + 1}`),
  )
  const zoneIds = new Set(zones.map((zone) => zone.id))
  if (zoneIds.size !== zones.length) refuse(`${where}: zwei Zonen haben dieselbe Kennung.`, `${where}: two zones have the same id.`)
  const structure = list(raw.structure, `${where}.structure`, MAX_TEMPLATE_PARTS, { de: 'Teile', en: 'parts' }).map((part, index) =>
    checkPart(part, `${where}, Teil ${index + 1}`, zoneIds),
  )
  if (new Set(structure.map((part) => part.key)).size !== structure.length) {
    refuse(`${where}: zwei Teile haben denselben Schlüssel.`, `${where}: two parts have the same key.`)
  }
  return {
    version,
    publishedAt,
    publishedBy: text(raw.publishedBy, `${where}.publishedBy`, MAX_PUBLISHER_NAME_LENGTH),
    name: localized(raw.name, `${where}, Name`, MAX_TEMPLATE_NAME_LENGTH),
    description: localized(raw.description, `${where}, Beschreibung`, MAX_TEMPLATE_DESCRIPTION_LENGTH, { optional: true }),
    instruction: localized(raw.instruction, `${where}, Anleitung`, MAX_TEMPLATE_INSTRUCTION_LENGTH, { optional: true }),
    width: size(raw.width, `${where}.width`),
    height: size(raw.height, `${where}.height`),
    zones,
    structure,
  }
}

// -- Definitions ------------------------------------------------------------------------------

/** The version new boards get. */
export function newestVersion(template: OwnTemplate): OwnTemplateVersion {
  const newest = template.versions.at(-1)
  if (!newest) throw new Error(`ownTemplate: ${template.id} has no version`)
  return newest
}

/** A version as a template definition, to place it like the built-in ones. Empty English texts fall back to the German ones. */
export function ownTemplateDefinition(id: OwnTemplateId, version: OwnTemplateVersion): TemplateDefinition {
  const both = (value: LocalizedText): LocalizedText => ({ de: value.de, en: value.en.trim() === '' ? value.de : value.en })
  return {
    id,
    name: both(version.name),
    description: both(version.description),
    instruction: both(version.instruction),
    width: version.width,
    height: version.height,
    zones: version.zones.map((zone) => ({ ...zone, name: both(zone.name), ...(zone.hint ? { hint: both(zone.hint) } : {}) })),
    structure: version.structure,
  }
}

// -- Files --------------------------------------------------------------------------------------

export interface TemplateFile {
  dorfplatzTemplate: typeof TEMPLATE_FILE_FORMAT
  exportedAt: string
  /** Oldest first. */
  versions: OwnTemplateVersion[]
}

export function templateFile(template: OwnTemplate, which: 'all' | 'newest', now: number): TemplateFile {
  return {
    dorfplatzTemplate: TEMPLATE_FILE_FORMAT,
    exportedAt: new Date(now).toISOString(),
    versions: which === 'all' ? template.versions : [newestVersion(template)],
  }
}

/** The text's size in UTF-8 bytes (without TextEncoder or Buffer: this runs in both the browser and Node). */
function utf8Length(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4
      index++
    } else bytes += 3
  }
  return bytes
}

/** How deeply the JSON text nests, counted without parsing it (so that a hostile file cannot exhaust the parser). */
function nestingDepth(json: string, limit: number): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < json.length; index++) {
    const char = json[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') {
      deepest = Math.max(deepest, ++depth)
      if (deepest > limit) return deepest
    } else if (char === '}' || char === ']') depth--
  }
  return deepest
}

/** Reads a template file's text; throws TemplateCheckError with the reason when it is not one that can be imported. */
export function readTemplateFile(json: string): TemplateFile {
  if (utf8Length(json) > MAX_TEMPLATE_FILE_BYTES) {
    refuse(`Die Datei ist größer als ${MAX_TEMPLATE_FILE_BYTES / 1024} KiB.`, `The file is larger than ${MAX_TEMPLATE_FILE_BYTES / 1024} KiB.`)
  }
  if (nestingDepth(json, MAX_TEMPLATE_FILE_DEPTH) > MAX_TEMPLATE_FILE_DEPTH) {
    refuse('Die Datei ist zu tief verschachtelt.', 'The file is nested too deeply.')
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    refuse('Die Datei ist keine Dorfplatz-Vorlage (kein JSON).', 'The file is not a Dorfplatz template (not JSON).')
  }
  if (typeof value !== 'object' || value === null || (value as Obj).dorfplatzTemplate === undefined) {
    refuse('Die Datei ist keine Dorfplatz-Vorlage.', 'The file is not a Dorfplatz template.')
  }
  if ((value as Obj).dorfplatzTemplate !== TEMPLATE_FILE_FORMAT) {
    refuse('Die Vorlage stammt aus einer neueren Dorfplatz-Version.', 'The template comes from a newer version of Dorfplatz.')
  }
  const raw = object(value, 'Datei', ['dorfplatzTemplate', 'exportedAt', 'versions'], ['dorfplatzTemplate', 'versions'])
  const versions = list(raw.versions, 'versions', MAX_TEMPLATE_VERSIONS, { de: 'Versionen', en: 'versions' }).map((version, index) =>
    checkTemplateVersion(version, `Version ${index + 1}`),
  )
  if (versions.length === 0) refuse('Die Datei enthält keine Version.', 'The file holds no version.')
  for (let index = 1; index < versions.length; index++) {
    if (versions[index]!.version <= versions[index - 1]!.version) {
      refuse('Die Versionen sind nicht aufsteigend nummeriert.', 'The versions are not numbered in ascending order.')
    }
  }
  return { dorfplatzTemplate: TEMPLATE_FILE_FORMAT, exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt.slice(0, 40) : '', versions }
}

export { isOwnTemplateId }
