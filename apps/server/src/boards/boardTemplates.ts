/**
 * Puts workshop templates into a board's document on the server, so that a
 * template is one atomic change that every client receives the same way,
 * placed where it overlaps nothing already on the page.
 */
import crypto from 'node:crypto'
import type * as Y from 'yjs'
import { createShapeId } from '@tldraw/tlschema'
import { FIRST_PAGE_ID, addTemplateToDoc, readBoardRecords, readTemplateInstances } from '@dorfplatz/board'
import {
  buildTemplateRecords,
  getTemplate,
  isTemplateId,
  placeTemplate,
  type Rect,
  type TemplateDefinition,
  type TemplateInstance,
  type TemplateLocale,
} from '@dorfplatz/templates'

/** Size tldraw gives a shape without w/h props (a sticky note). */
const DEFAULT_SHAPE_SIZE = 200

/** Rectangles that a new template on `pageId` must not overlap: earlier templates and every other top-level shape. */
function occupiedRects(doc: Y.Doc, pageId: string): Rect[] {
  const rects: Rect[] = []
  for (const instance of readTemplateInstances(doc)) {
    if (instance.pageId !== pageId) continue
    const template = isTemplateId(instance.templateId) ? getTemplate(instance.templateId) : undefined
    rects.push({ x: instance.x, y: instance.y, w: instance.width ?? template?.width ?? 0, h: instance.height ?? template?.height ?? 0 })
  }
  for (const value of readBoardRecords(doc).values()) {
    const shape = value as { typeName?: unknown; parentId?: unknown; x?: unknown; y?: unknown; props?: Record<string, unknown> }
    if (shape?.typeName !== 'shape' || shape.parentId !== pageId) continue
    if (typeof shape.x !== 'number' || typeof shape.y !== 'number') continue
    const scale = typeof shape.props?.scale === 'number' ? shape.props.scale : 1
    const w = typeof shape.props?.w === 'number' ? shape.props.w : DEFAULT_SHAPE_SIZE
    const h = typeof shape.props?.h === 'number' ? shape.props.h : DEFAULT_SHAPE_SIZE
    rects.push({ x: shape.x, y: shape.y, w: w * scale, h: h * scale })
  }
  return rects
}

/** The board's first page: the seeded one, or else the page that sorts first. */
function firstPageId(doc: Y.Doc): string {
  const pages: Array<{ id: string; index: string }> = []
  for (const value of readBoardRecords(doc).values()) {
    const page = value as { typeName?: unknown; id?: unknown; index?: unknown }
    if (page?.typeName === 'page' && typeof page.id === 'string' && typeof page.index === 'string') {
      pages.push({ id: page.id, index: page.index })
    }
  }
  if (pages.some((page) => page.id === FIRST_PAGE_ID)) return FIRST_PAGE_ID
  pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
  return pages[0]?.id ?? FIRST_PAGE_ID
}

/**
 * Builds a template into `doc` in one transaction and returns where it went. A built-in template
 * comes from the catalogue, an own one as its newest version (see OwnTemplates.forPlacing);
 * both are placed alike.
 */
export function addTemplate(doc: Y.Doc, template: TemplateDefinition, locale: TemplateLocale, version?: number): TemplateInstance {
  const pageId = firstPageId(doc)
  const { x, y } = placeTemplate(template, occupiedRects(doc, pageId))
  const instanceId = crypto.randomBytes(6).toString('base64url')
  const instance: TemplateInstance = {
    instanceId,
    templateId: template.id,
    x,
    y,
    pageId,
    frameId: createShapeId(`template-${instanceId}`),
    locale,
    // Stored with the board so that its notes keep their zones whatever later versions draw.
    width: template.width,
    height: template.height,
    zones: template.zones,
    // Another installation, or this one once the template has changed, may not know an own template.
    ...(isTemplateId(template.id) ? {} : { name: template.name, ...(version === undefined ? {} : { version }) }),
  }
  addTemplateToDoc(doc, instance, buildTemplateRecords(template, instance))
  return instance
}
