/**
 * The template frames on a page, in the order a person reads them: rows from top to bottom,
 * each row from left to right. The PDF gives each of them a page of its own, a board opens on
 * the first of them, and a presentation shows them (with the page's other frames) as slides.
 */
import { readStructureMeta } from '@dorfplatz/templates'
import type { Editor, TLPageId } from 'tldraw'

export interface ShapeOnPage {
  id: string
  meta?: unknown
  props?: unknown
  /** The shape's bounds in page space. */
  bounds: { x: number; y: number; w: number; h: number }
}

export interface TemplateFrame {
  id: string
  templateId: string
  /** The frame's name as it reads on the board; empty when nobody named it. */
  name: string
  bounds: ShapeOnPage['bounds']
}

function frameName(props: unknown): string {
  if (typeof props !== 'object' || props === null) return ''
  const name: unknown = (props as Record<string, unknown>).name
  return typeof name === 'string' ? name.trim() : ''
}

export function templateFramesInReadingOrder(shapes: Iterable<ShapeOnPage>): TemplateFrame[] {
  const frames: TemplateFrame[] = []
  for (const shape of shapes) {
    const mark = readStructureMeta(shape)
    if (mark?.part !== 'frame') continue
    frames.push({ id: shape.id, templateId: mark.templateId, name: frameName(shape.props), bounds: shape.bounds })
  }
  return inReadingOrder(frames)
}

/** Anything with bounds in reading order: rows from top to bottom, each from left to right. */
export function inReadingOrder<T extends { bounds: ShapeOnPage['bounds'] }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  // An item starting above the middle of the row's first item belongs to that row, so frames
  // placed side by side stay in left-to-right order even if one of them sits a little higher.
  const rows: T[][] = []
  for (const item of sorted) {
    const row = rows.at(-1)
    const rowStart = row?.[0]
    if (row && rowStart && item.bounds.y < rowStart.bounds.y + rowStart.bounds.h / 2) row.push(item)
    else rows.push([item])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y))
}

/** The frame ids of a page that a presentation shows (frames not inside another frame), in reading order. */
export function pageSlides(editor: Editor, pageId: TLPageId): string[] {
  const frames = [...editor.getPageShapeIds(pageId)].flatMap((id) => {
    const shape = editor.getShape(id)
    if (shape?.type !== 'frame' || shape.parentId !== pageId) return []
    const bounds = editor.getShapePageBounds(shape)
    return bounds ? [{ id: shape.id as string, bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } }] : []
  })
  return inReadingOrder(frames).map((frame) => frame.id)
}
