import { describe, expect, it } from 'vitest'
import { MAX_ROW_WIDTH, placeTemplate, TEMPLATE_GAP } from './placeTemplate.ts'
import { TEMPLATES } from './templateCatalogue.ts'
import type { Rect } from './TemplateDefinition.ts'

/** mulberry32: a small seeded generator, so that every failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The distance between two rectangles' nearest edges along the axis where they are apart; negative when they overlap. */
function clearance(a: Rect, b: Rect): number {
  const dx = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w))
  const dy = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h))
  return Math.max(dx, dy)
}

describe('placeTemplate', () => {
  it('starts at the origin on an empty page and continues to the right of what is there', () => {
    const [map, canvas] = TEMPLATES
    expect(placeTemplate(map!, [])).toEqual({ x: 0, y: 0 })
    const first = { x: 0, y: 0, w: map!.width, h: map!.height }
    expect(placeTemplate(canvas!, [first])).toEqual({ x: map!.width + TEMPLATE_GAP, y: 0 })
    expect(placeTemplate(canvas!, [first], 50)).toEqual({ x: map!.width + 50, y: 0 })
  })

  it('keeps its distance from every rectangle, for random pages, and is deterministic', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed)
      const occupied: Rect[] = Array.from({ length: Math.floor(random() * 40) }, () => ({
        x: Math.round((random() - 0.3) * 20_000),
        y: Math.round((random() - 0.3) * 12_000),
        w: Math.round(50 + random() * 3000),
        h: Math.round(50 + random() * 2500),
      }))
      const template = TEMPLATES[seed % TEMPLATES.length]!
      const gap = seed % 3 === 0 ? 0 : TEMPLATE_GAP
      const spot = placeTemplate(template, occupied, gap)
      expect(placeTemplate(template, occupied, gap)).toEqual(spot)
      const placed = { ...spot, w: template.width, h: template.height }
      for (const rect of occupied) {
        expect(clearance(placed, rect), `seed ${seed}: ${JSON.stringify(placed)} against ${JSON.stringify(rect)}`).toBeGreaterThanOrEqual(
          gap - 1e-9,
        )
      }
    }
  })

  it('lays a workshop of templates out in rows without overlaps', () => {
    const occupied: Rect[] = []
    for (const template of [...TEMPLATES, ...TEMPLATES]) {
      const spot = placeTemplate(template, occupied)
      const placed = { ...spot, w: template.width, h: template.height }
      for (const rect of occupied) expect(clearance(placed, rect)).toBeGreaterThanOrEqual(TEMPLATE_GAP)
      occupied.push(placed)
    }
    const right = Math.max(...occupied.map((rect) => rect.x + rect.w))
    expect(right).toBeLessThanOrEqual(MAX_ROW_WIDTH)
  })

  it('ignores rectangles that are not numbers', () => {
    const [template] = TEMPLATES
    expect(placeTemplate(template!, [{ x: Number.NaN, y: 0, w: 10, h: 10 }])).toEqual({ x: 0, y: 0 })
  })
})
