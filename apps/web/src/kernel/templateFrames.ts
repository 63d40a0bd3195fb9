/**
 * The template frames on a page, in the order a person reads them: rows from top to bottom,
 * each row from left to right. The PDF gives each of them a page of its own, and a board opens on
 * the first of them.
 */
import { readStructureMeta } from '@dorfplatz/templates'

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
  frames.sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  // A frame starting above the middle of the row's first frame belongs to that row, so frames
  // placed side by side stay in left-to-right order even if one of them sits a little higher.
  const rows: TemplateFrame[][] = []
  for (const frame of frames) {
    const row = rows.at(-1)
    const rowStart = row?.[0]
    if (row && rowStart && frame.bounds.y < rowStart.bounds.y + rowStart.bounds.h / 2) row.push(frame)
    else rows.push([frame])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y))
}
