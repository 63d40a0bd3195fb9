/**
 * A small SVG sketch of a board for the list of its versions, drawn on the server from the
 * stored records (there is no browser here to render tldraw): the first page's frames as
 * outlines, areas and shapes as light boxes, sticky notes as squares in their colour.
 * Rotation is ignored; it is a sketch to recognise a version by, not a picture.
 */
import type { TLShape } from '@tldraw/tlschema'
import { shapeSize, shapeToPage } from '@dorfplatz/templates'

const WIDTH = 240
const HEIGHT = 150

/** tldraw's palette, roughly, for notes and filled shapes. */
const COLOURS: Record<string, string> = {
  black: '#1d1d1d',
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
  white: '#ffffff',
}

interface Box {
  x: number
  y: number
  w: number
  h: number
  shape: TLShape
}

function isShape(value: unknown): value is TLShape {
  if (typeof value !== 'object' || value === null) return false
  const { typeName, x, y, parentId, props } = value as Record<string, unknown>
  return (
    typeName === 'shape' &&
    typeof x === 'number' &&
    typeof y === 'number' &&
    typeof parentId === 'string' &&
    typeof props === 'object' &&
    props !== null
  )
}

/** Where a shape lies on its page, or null for one the sketch cannot place (a damaged record is left out, never fatal). */
function shapeBox(shape: TLShape, records: ReadonlyMap<string, unknown>): { x: number; y: number; w: number; h: number; pageId: unknown } | null {
  try {
    const { x, y, pageId } = shapeToPage(shape, { x: 0, y: 0 }, records)
    const { w, h } = shapeSize(shape)
    return { x, y, w, h, pageId }
  } catch {
    return null
  }
}

function firstPageId(records: ReadonlyMap<string, unknown>): string | null {
  const pages = [...records.values()].filter(
    (value): value is { id: string; index: string } =>
      (value as { typeName?: unknown })?.typeName === 'page' && typeof (value as { index?: unknown }).index === 'string',
  )
  pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
  return pages[0]?.id ?? null
}

const round = (value: number) => Math.round(value * 10) / 10

export function boardThumbnail(records: ReadonlyMap<string, unknown>): string {
  const pageId = firstPageId(records)
  const boxes: Box[] = []
  for (const value of records.values()) {
    if (!isShape(value)) continue
    const box = shapeBox(value, records)
    if (box === null || box.pageId !== pageId) continue
    const { x, y, w, h } = box
    if (!(w > 0 && h > 0) || !Number.isFinite(x + y + w + h)) continue
    boxes.push({ x, y, w, h, shape: value })
  }
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`
  const background = `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f8f7f3"/>`
  if (boxes.length === 0) return `${open}${background}</svg>`

  // Reduced, not spread: a board with very many shapes would pass more arguments than a call takes.
  const left = boxes.reduce((min, box) => Math.min(min, box.x), Infinity)
  const top = boxes.reduce((min, box) => Math.min(min, box.y), Infinity)
  const right = boxes.reduce((max, box) => Math.max(max, box.x + box.w), -Infinity)
  const bottom = boxes.reduce((max, box) => Math.max(max, box.y + box.h), -Infinity)
  const margin = 8
  const scale = Math.min((WIDTH - 2 * margin) / (right - left || 1), (HEIGHT - 2 * margin) / (bottom - top || 1))
  const offsetX = margin + (WIDTH - 2 * margin - (right - left) * scale) / 2
  const offsetY = margin + (HEIGHT - 2 * margin - (bottom - top) * scale) / 2

  // Frames first, then areas and shapes, notes on top.
  const order = (box: Box) => (box.shape.type === 'frame' ? 0 : box.shape.type === 'note' ? 2 : 1)
  const parts = boxes
    .sort((a, b) => order(a) - order(b))
    .map((box) => {
      const x = round(offsetX + (box.x - left) * scale)
      const y = round(offsetY + (box.y - top) * scale)
      const w = round(Math.max(1, box.w * scale))
      const h = round(Math.max(1, box.h * scale))
      const colour = COLOURS[String((box.shape.props as { color?: unknown }).color)] ?? COLOURS.grey
      if (box.shape.type === 'frame') return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff" stroke="#8a8f98" stroke-width="1"/>`
      // tldraw draws a note in its default colour pale yellow, not black.
      if (box.shape.type === 'note' && colour === COLOURS.black) return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fce19c" rx="1"/>`
      if (box.shape.type === 'note') return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour}" rx="1"/>`
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour}" fill-opacity="0.18" stroke="${colour}" stroke-opacity="0.5" stroke-width="0.5"/>`
    })
  return `${open}${background}${parts.join('')}</svg>`
}
