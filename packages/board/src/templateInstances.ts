/**
 * Which workshop templates a board holds and where: `meta.templates` is a Y.Array of
 * {@link TemplateInstance} objects, appended when a template's shapes are added, so that the
 * server can tell which zone of which template a note lies in without guessing from shapes.
 *
 * The template catalogue itself (zones, texts, drawing) lives in @dorfplatz/templates; this
 * module owns only what is stored, and therefore the list of template ids a board may name.
 */
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { getMeta, getRecordsArray, MetaKey, type RecordEntry } from './boardDocument.ts'

/** Every template a board may hold, in the order the catalogue presents them. */
export const TEMPLATE_IDS = [
  'stakeholder-map',
  'project-canvas',
  'priority-matrix',
  'idea-collection',
  'roadmap',
  'swot',
  'retrospective',
] as const

export type TemplateId = (typeof TEMPLATE_IDS)[number]

/** The languages a template's texts exist in; an instance's records are built in one of them. */
export const TEMPLATE_LOCALES = ['de', 'en'] as const

export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number]

/** One template placed on a board. */
export interface TemplateInstance {
  /** Short id, unique on the board; it names the instance's shapes and their meta. */
  instanceId: string
  templateId: TemplateId
  /** Page position of the template frame's top-left corner, when it was placed. */
  x: number
  y: number
  pageId: string
  /** The template's frame shape; every other structure shape is its descendant. */
  frameId: string
  /** The language its texts were written in. */
  locale: TemplateLocale
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}

export function isTemplateLocale(value: unknown): value is TemplateLocale {
  return typeof value === 'string' && (TEMPLATE_LOCALES as readonly string[]).includes(value)
}

/** The instance `value` describes, as a fresh object with only the known fields, or null. */
function parseTemplateInstance(value: unknown): TemplateInstance | null {
  if (typeof value !== 'object' || value === null) return null
  const { instanceId, templateId, x, y, pageId, frameId, locale } = value as Record<string, unknown>
  if (typeof instanceId !== 'string' || instanceId === '') return null
  if (!isTemplateId(templateId) || !isTemplateLocale(locale)) return null
  if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y)) return null
  if (typeof pageId !== 'string' || !pageId.startsWith('page:')) return null
  if (typeof frameId !== 'string' || !frameId.startsWith('shape:')) return null
  return { instanceId, templateId, x, y, pageId, frameId, locale }
}

/**
 * The board's template instances in the order they were added. Every client may write the
 * document, so entries that do not describe an instance (or name a template this version does
 * not know) are skipped; of two entries with one instance id the later one counts.
 */
export function readTemplateInstances(doc: Y.Doc): TemplateInstance[] {
  const stored = getMeta(doc).get(MetaKey.TEMPLATES)
  const values: unknown[] = stored instanceof Y.Array ? stored.toArray() : []
  const byId = new Map<string, TemplateInstance>()
  for (const value of values) {
    const instance = parseTemplateInstance(value)
    if (!instance) continue
    // Re-inserted so that the list stays in the order of the counting entries.
    byId.delete(instance.instanceId)
    byId.set(instance.instanceId, instance)
  }
  return [...byId.values()]
}

/**
 * Adds a template's records and its instance to the board in one transaction, so that every
 * client sees the whole template or none of it. Works on a doc with or without a KeyValueArray
 * attached (the server has none): the records are appended as `{ key, val }` entries, which a
 * KeyValueArray reads as ordinary writes.
 *
 * The `templates` array is created on first use. Two clients that both create it at the same
 * moment would keep only one of the two arrays, which is why templates are meant to be added by
 * the server, which holds the one writable copy of a board.
 */
export function addTemplateToDoc(doc: Y.Doc, instance: TemplateInstance, records: readonly TLRecord[]): void {
  const checked = parseTemplateInstance(instance)
  if (!checked) throw new Error('addTemplateToDoc: not a valid template instance')
  if (readTemplateInstances(doc).some((existing) => existing.instanceId === checked.instanceId)) {
    throw new Error(`addTemplateToDoc: the board already holds template instance ${checked.instanceId}`)
  }
  if (!records.some((record) => record.id === checked.frameId)) {
    throw new Error('addTemplateToDoc: the records do not include the instance frame')
  }
  doc.transact(() => {
    const meta = getMeta(doc)
    let instances = meta.get(MetaKey.TEMPLATES)
    if (!(instances instanceof Y.Array)) {
      instances = new Y.Array<TemplateInstance>()
      meta.set(MetaKey.TEMPLATES, instances)
    }
    ;(instances as Y.Array<TemplateInstance>).push([checked])
    getRecordsArray(doc).push(records.map((record): RecordEntry => ({ key: record.id, val: record })))
  })
}
