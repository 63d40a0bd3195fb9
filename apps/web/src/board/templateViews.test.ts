import { describe, expect, it } from 'vitest'
import { cameraForFrame, READABLE_ZOOM, type Camera, type Rect } from './templateViews.ts'

const viewport = { w: 1400, h: 900 }
const insets = { top: 110, right: 0, bottom: 80, left: 0 }

/** Where a page point lands on screen with `camera`. */
const onScreen = (camera: Camera, x: number, y: number) => ({ x: (x + camera.x) * camera.z, y: (y + camera.y) * camera.z })

describe('cameraForFrame', () => {
  it('shows a large template at a readable zoom from its top left, below the top bar', () => {
    const frame: Rect = { x: 100, y: 200, w: 3000, h: 2600 }
    const camera = cameraForFrame(frame, viewport, insets)
    expect(camera.z).toBe(READABLE_ZOOM)
    expect(onScreen(camera, frame.x, frame.y)).toEqual({ x: 16, y: 126 })
  })

  it('centres a tall template across when its width fits at the readable zoom', () => {
    const frame: Rect = { x: 100, y: 200, w: 2400, h: 2600 }
    const camera = cameraForFrame(frame, viewport, insets)
    expect(onScreen(camera, frame.x, frame.y)).toEqual({ x: 16 + (1368 - 1200) / 2, y: 126 })
  })

  it('centres a template that fits, never zooming in past 100 %', () => {
    const frame: Rect = { x: -50, y: 0, w: 600, h: 400 }
    const camera = cameraForFrame(frame, viewport, insets)
    expect(camera.z).toBe(1)
    const topLeft = onScreen(camera, frame.x, frame.y)
    expect(topLeft.x).toBeCloseTo((1400 - 600) / 2)
    expect(topLeft.y).toBeCloseTo(110 + (900 - 110 - 80 - 400) / 2)
  })

  it('fits a template that is a little too large by zooming out, down to the readable zoom', () => {
    const frame: Rect = { x: 0, y: 0, w: 1800, h: 1000 }
    const camera = cameraForFrame(frame, viewport, insets)
    expect(camera.z).toBeGreaterThan(READABLE_ZOOM)
    expect(camera.z).toBeCloseTo((900 - 110 - 80 - 32) / 1000)
    const bottomRight = onScreen(camera, frame.x + frame.w, frame.y + frame.h)
    expect(bottomRight.x).toBeLessThanOrEqual(1400 - 16)
    expect(bottomRight.y).toBeCloseTo(900 - 80 - 16)
  })

  it('keeps room above a template for its frame name', () => {
    const frame: Rect = { x: 0, y: 0, w: 3000, h: 2600 }
    const camera = cameraForFrame(frame, viewport, insets, { headingPx: 24 })
    expect(onScreen(camera, frame.x, frame.y).y).toBe(110 + 16 + 24)
  })

  it('keeps the template clear of an open panel on the left', () => {
    const frame: Rect = { x: 0, y: 0, w: 2400, h: 2600 }
    const camera = cameraForFrame(frame, viewport, { ...insets, left: 330 })
    expect(onScreen(camera, frame.x, frame.y).x).toBeGreaterThanOrEqual(346)
  })
})
