import { describe, expect, it } from 'vitest'
import { zonePath } from './zonePath.ts'

describe('zonePath', () => {
  it('draws a rect as a closed path from its top-left corner', () => {
    expect(zonePath({ kind: 'rect', x: 10, y: 20, w: 100, h: 50 })).toBe('M 10 20 h 100 v 50 h -100 Z')
  })

  it('draws a circle as two half arcs around its centre', () => {
    expect(zonePath({ kind: 'circle', cx: 50, cy: 50, r: 10 })).toBe('M 60 50 A 10 10 0 1 1 40 50 A 10 10 0 1 1 60 50 Z')
  })

  it('draws a quarter ring sector clockwise from its start angle, right to down', () => {
    const path = zonePath({
      kind: 'ring-sector',
      cx: 0,
      cy: 0,
      innerRadius: 10,
      outerRadius: 20,
      startAngle: 0,
      endAngle: Math.PI / 2,
    })
    expect(path).toBe('M 20 0 A 20 20 0 0 1 0 20 L 0 10 A 10 10 0 0 0 10 0 Z')
  })

  it('sets the large-arc flag for sectors wider than half a turn, also across the rightward direction', () => {
    const path = zonePath({
      kind: 'ring-sector',
      cx: 0,
      cy: 0,
      innerRadius: 10,
      outerRadius: 20,
      startAngle: (3 * Math.PI) / 2,
      endAngle: 3 * Math.PI,
    })
    expect(path).toBe('M 0 -20 A 20 20 0 1 1 -20 0 L -10 0 A 10 10 0 1 0 0 -10 Z')
  })

  it('draws a sector without inner radius as a pie slice', () => {
    const path = zonePath({ kind: 'ring-sector', cx: 0, cy: 0, innerRadius: 0, outerRadius: 20, startAngle: 0, endAngle: Math.PI / 2 })
    expect(path).toBe('M 20 0 A 20 20 0 0 1 0 20 L 0 0 Z')
  })

  it('draws a full ring as an outer circle with the inner one as a hole', () => {
    const path = zonePath({ kind: 'ring-sector', cx: 0, cy: 0, innerRadius: 10, outerRadius: 20, startAngle: 0, endAngle: 2 * Math.PI })
    expect(path).toBe('M 20 0 A 20 20 0 1 1 -20 0 A 20 20 0 1 1 20 0 Z M 10 0 A 10 10 0 1 0 -10 0 A 10 10 0 1 0 10 0 Z')
  })
})
