import { describe, expect, it } from 'vitest'
import { templateFramesInReadingOrder, type ShapeOnPage } from './templateFrames.ts'

function frame(id: string, x: number, y: number, name = `Rahmen ${id}`, w = 1000, h = 600): ShapeOnPage {
  return {
    id,
    meta: { dorfplatz: { role: 'structure', part: 'frame', templateId: 'swot', templateInstance: id } },
    props: { name, w, h },
    bounds: { x, y, w, h },
  }
}

describe('templateFramesInReadingOrder', () => {
  it('keeps only the frames of templates', () => {
    const shapes: ShapeOnPage[] = [
      frame('a', 0, 0),
      // A zone of the same template, a frame somebody drew, and a note.
      {
        id: 'zone',
        meta: { dorfplatz: { role: 'structure', part: 'area', templateId: 'swot', templateInstance: 'a', zone: 'staerken' } },
        bounds: { x: 10, y: 10, w: 100, h: 100 },
      },
      { id: 'own-frame', meta: {}, props: { name: 'Eigener Rahmen' }, bounds: { x: 0, y: 900, w: 300, h: 300 } },
      { id: 'note', meta: {}, props: { richText: {} }, bounds: { x: 50, y: 50, w: 200, h: 200 } },
    ]
    expect(templateFramesInReadingOrder(shapes)).toEqual([
      { id: 'a', templateId: 'swot', name: 'Rahmen a', bounds: { x: 0, y: 0, w: 1000, h: 600 } },
    ])
  })

  it('reads rows from top to bottom and each row from left to right', () => {
    const shapes = [frame('unten-rechts', 1200, 900), frame('rechts', 1200, 40), frame('links', 0, 0), frame('unten-links', 0, 880)]
    expect(templateFramesInReadingOrder(shapes).map((found) => found.id)).toEqual([
      'links',
      'rechts',
      'unten-links',
      'unten-rechts',
    ])
  })

  it('trims names and reads a missing name as empty', () => {
    const unnamed = { ...frame('b', 0, 0), props: { w: 10, h: 10 } }
    expect(templateFramesInReadingOrder([frame('a', 2000, 0, '  SWOT-Analyse  '), unnamed]).map((found) => found.name)).toEqual([
      '',
      'SWOT-Analyse',
    ])
  })
})
