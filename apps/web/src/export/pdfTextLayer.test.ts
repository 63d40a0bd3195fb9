import { describe, expect, it } from 'vitest'
import { fitText, LINE_HEIGHT, placeOnPicture, wrapLines, type MeasureText } from './pdfTextLayer.ts'

/** Every character half as wide as the size: easy to reason about. */
const measure: MeasureText = (text, size) => [...text].length * size * 0.5

describe('placeOnPicture', () => {
  // A 1000 × 500 region of the board drawn into a 500 × 250 point picture at (100, 50).
  const region = { x: 2000, y: 1000, w: 1000, h: 500 }
  const picture = { x: 100, y: 50, width: 500, height: 250 }

  it('puts a text where the picture shows it, with y upwards as in PDF', () => {
    const [placed] = placeOnPicture([{ text: 'Bürgerbus', bounds: { x: 2100, y: 1000, w: 200, h: 200 }, votes: 2 }], region, picture)
    expect(placed).toEqual({ text: 'Bürgerbus', box: { x: 150, y: 200, width: 100, height: 100 }, fontSize: 11, votes: 2 })
  })

  it('leaves out texts of other pages and cuts those over the edge', () => {
    const placed = placeOnPicture(
      [
        { text: 'daneben', bounds: { x: 3100, y: 1000, w: 200, h: 200 }, votes: 0 },
        { text: 'am Rand', bounds: { x: 1950, y: 1400, w: 200, h: 200 }, votes: 0 },
      ],
      region,
      picture,
    )
    expect(placed.map((text) => text.text)).toEqual(['am Rand'])
    expect(placed[0]!.box).toEqual({ x: 100, y: 50, width: 75, height: 50 })
  })

  it('orders the texts as people read: rows from the top, each from the left', () => {
    const note = (text: string, x: number, y: number) => ({ text, bounds: { x, y, w: 100, h: 100 }, votes: 0 })
    const placed = placeOnPicture([note('unten', 2000, 1300), note('rechts', 2500, 1000), note('links', 2000, 1000)], region, picture)
    expect(placed.map((text) => text.text)).toEqual(['links', 'rechts', 'unten'])
  })
})

describe('wrapLines', () => {
  it('wraps words and keeps the text’s own line breaks', () => {
    expect(wrapLines('WLAN am Dorfplatz\nund im Rathaus', 10 * 5, 10, measure)).toEqual(['WLAN am', 'Dorfplatz', 'und im', 'Rathaus'])
  })

  it('breaks a word longer than a line', () => {
    expect(wrapLines('Breitbandausbau', 5 * 5, 10, measure)).toEqual(['Breit', 'banda', 'usbau'])
  })
})

describe('fitText', () => {
  it('shrinks the text until its lines fit the box', () => {
    const { size, lines } = fitText('Glasfaser für alle Ortsteile', 60, 30, 20, measure)
    expect(lines.length * size * LINE_HEIGHT).toBeLessThanOrEqual(30)
    expect(lines.every((line) => measure(line, size) <= 60)).toBe(true)
    expect(lines.join(' ')).toBe('Glasfaser für alle Ortsteile')
  })

  it('keeps the starting size when the text fits', () => {
    expect(fitText('Bus', 100, 100, 12, measure)).toEqual({ size: 12, lines: ['Bus'] })
  })
})
