import { describe, expect, it } from 'vitest'
import type { ZoneArea } from './TemplateDefinition.ts'
import { ringSectorSweep, zoneCentre, zoneContains } from './zoneArea.ts'

function sector(startAngle: number, endAngle: number): Extract<ZoneArea, { kind: 'ring-sector' }> {
  return { kind: 'ring-sector', cx: 0, cy: 0, innerRadius: 100, outerRadius: 400, startAngle, endAngle }
}

describe('zone areas', () => {
  it('measures a sector clockwise from start to end, wrapping through 0, and an equal start and end as a whole ring', () => {
    expect(ringSectorSweep(sector(Math.PI / 2, Math.PI))).toBeCloseTo(Math.PI / 2, 12)
    expect(ringSectorSweep(sector((3 * Math.PI) / 2, Math.PI / 6))).toBeCloseTo((2 * Math.PI) / 3, 12)
    expect(ringSectorSweep(sector(1, 1))).toBeCloseTo(2 * Math.PI, 12)
  })

  it('holds the points of a wrapping sector on both sides of the rightward direction', () => {
    const upperRight = sector((3 * Math.PI) / 2, Math.PI / 6)
    expect(zoneContains(upperRight, { x: 200, y: 0 })).toBe(true) // angle 0
    expect(zoneContains(upperRight, { x: 200, y: -150 })).toBe(true) // up and right
    expect(zoneContains(upperRight, { x: 200, y: 50 })).toBe(true) // a little below the right
    expect(zoneContains(upperRight, { x: 0, y: 200 })).toBe(false) // straight down
    expect(zoneContains(upperRight, { x: -200, y: -1 })).toBe(false) // left
    expect(zoneContains(sector(1, 1), { x: -200, y: -1 })).toBe(true)
    const centre = zoneCentre(upperRight)
    expect(Math.atan2(centre.y, centre.x)).toBeCloseTo(-Math.PI / 6, 12)
    expect(Math.hypot(centre.x, centre.y)).toBeCloseTo(250, 9)
  })
})
