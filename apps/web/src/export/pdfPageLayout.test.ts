import { describe, expect, it } from 'vitest'
import {
  A4_LANDSCAPE_PT,
  fitIntoArea,
  MAX_PDF_IMAGE_PIXELS,
  PAGE_MARGIN_PT,
  pdfPageLayout,
  pixelRatioForBox,
  TITLE_SIZE_PT,
  type Box,
} from './pdfPageLayout.ts'

const layout = pdfPageLayout()

function inside(inner: Box, outer: Box): boolean {
  const epsilon = 1e-9
  return (
    inner.x >= outer.x - epsilon &&
    inner.y >= outer.y - epsilon &&
    inner.x + inner.width <= outer.x + outer.width + epsilon &&
    inner.y + inner.height <= outer.y + outer.height + epsilon
  )
}

describe('pdfPageLayout', () => {
  it('is A4 landscape', () => {
    expect(layout.page.width).toBeCloseTo(841.89, 2)
    expect(layout.page.height).toBeCloseTo(595.28, 2)
    expect(layout.page.width).toBeGreaterThan(layout.page.height)
  })

  it('keeps everything within the margins, the header above the rule above the picture', () => {
    const printable = {
      x: PAGE_MARGIN_PT,
      y: PAGE_MARGIN_PT,
      width: A4_LANDSCAPE_PT.width - 2 * PAGE_MARGIN_PT,
      height: A4_LANDSCAPE_PT.height - 2 * PAGE_MARGIN_PT,
    }
    expect(inside(layout.imageArea, printable)).toBe(true)
    // Helvetica's capitals reach 0.72 of the size above the baseline.
    expect(layout.titleBaseline + TITLE_SIZE_PT * 0.72).toBeLessThanOrEqual(A4_LANDSCAPE_PT.height - PAGE_MARGIN_PT)
    expect(layout.titleBaseline).toBeGreaterThan(layout.subtitleBaseline)
    expect(layout.subtitleBaseline).toBeGreaterThan(layout.ruleY)
    expect(layout.ruleY).toBeGreaterThan(layout.imageArea.y + layout.imageArea.height)
    expect(layout.imageArea.y).toBeGreaterThan(layout.footerBaseline)
    expect(layout.footerBaseline).toBeGreaterThanOrEqual(PAGE_MARGIN_PT)
  })

  it('leaves most of the page to the picture', () => {
    const share = (layout.imageArea.width * layout.imageArea.height) / (A4_LANDSCAPE_PT.width * A4_LANDSCAPE_PT.height)
    expect(share).toBeGreaterThan(0.65)
  })
})

describe('fitIntoArea', () => {
  const area = { x: 36, y: 60, width: 770, height: 480 }

  it('fills the width with a wide picture and sits right under the header', () => {
    const box = fitIntoArea(area, 2000, 800)
    expect(box.width).toBeCloseTo(770)
    expect(box.height).toBeCloseTo(308)
    expect(box.x).toBeCloseTo(36)
    expect(box.y + box.height).toBeCloseTo(area.y + area.height)
  })

  it('fills the height with a tall picture, centred across', () => {
    const box = fitIntoArea(area, 1000, 1000)
    expect(box.height).toBeCloseTo(480)
    expect(box.width).toBeCloseTo(480)
    expect(box.x).toBeCloseTo(36 + (770 - 480) / 2)
    expect(box.y).toBeCloseTo(60)
  })

  it('keeps the aspect ratio and stays inside, small pictures growing to fit', () => {
    for (const [width, height] of [
      [1, 1],
      [1600, 1200],
      [3200, 900],
      [400, 2000],
      [12, 7],
    ] as const) {
      const box = fitIntoArea(area, width, height)
      expect(box.width / box.height).toBeCloseTo(width / height)
      expect(inside(box, area)).toBe(true)
      expect(Math.max(box.width / area.width, box.height / area.height)).toBeCloseTo(1)
    }
  })

  it('refuses an empty picture', () => {
    expect(() => fitIntoArea(area, 0, 100)).toThrow(RangeError)
    expect(() => fitIntoArea(area, Number.NaN, 100)).toThrow(RangeError)
  })
})

describe('pixelRatioForBox', () => {
  it('gives 200 pixels per inch of paper', () => {
    // 720 pt = 10 inches = 2000 pixels for a 1000 units wide frame.
    expect(pixelRatioForBox({ x: 0, y: 0, width: 720, height: 360 }, 1000, 500)).toBeCloseTo(2)
  })

  it('stays under the pixel budget for a huge frame', () => {
    const ratio = pixelRatioForBox({ x: 0, y: 0, width: 720, height: 720 }, 200, 200, 2000)
    expect(200 * ratio * 200 * ratio).toBeLessThanOrEqual(MAX_PDF_IMAGE_PIXELS + 1)
  })
})
