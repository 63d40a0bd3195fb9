import { describe, expect, it } from 'vitest'
import { slideCamera, slidePosition } from './slides.ts'

const presenting = (index: number) => ({ slides: ['a', 'b', 'c', 'd'], index, pageId: 'page:page', startedAt: 1, by: 'Anna' })

describe('slidePosition', () => {
  it('counts the slides from one', () => {
    expect(slidePosition(presenting(1), () => true)).toEqual({ number: 2, total: 4, hasPrevious: true, hasNext: true })
    expect(slidePosition(presenting(0), () => true)).toMatchObject({ number: 1, hasPrevious: false })
    expect(slidePosition(presenting(3), () => true)).toMatchObject({ number: 4, hasNext: false })
  })

  it('leaves out slides whose frame was deleted, as stepping skips them', () => {
    const exists = (id: string) => id !== 'b' && id !== 'd'
    expect(slidePosition(presenting(2), exists)).toEqual({ number: 2, total: 2, hasPrevious: true, hasNext: false })
    expect(slidePosition(presenting(0), exists)).toEqual({ number: 1, total: 2, hasPrevious: false, hasNext: true })
    expect(slidePosition(presenting(1), exists)).toMatchObject({ number: 0, total: 2 })
  })
})

describe('slideCamera', () => {
  it('fits the whole frame into the free part of the screen, centred', () => {
    const frame = { x: 1000, y: 500, w: 3000, h: 1000 }
    const insets = { top: 100, right: 0, bottom: 50, left: 0 }
    const camera = slideCamera(frame, { w: 1280, h: 800 }, insets)
    const onScreen = (px: number, py: number) => ({ x: (px + camera.x) * camera.z, y: (py + camera.y) * camera.z })
    const topLeft = onScreen(frame.x, frame.y)
    const bottomRight = onScreen(frame.x + frame.w, frame.y + frame.h)
    expect(topLeft.x).toBeGreaterThanOrEqual(0)
    expect(topLeft.y).toBeGreaterThanOrEqual(100)
    expect(bottomRight.x).toBeLessThanOrEqual(1280)
    expect(bottomRight.y).toBeLessThanOrEqual(750)
    // Wide frame: it fills the width less the margins, centred across.
    expect(bottomRight.x - topLeft.x).toBeCloseTo(1280 - 48)
    expect(topLeft.x).toBeCloseTo(1280 - bottomRight.x)
  })
})
