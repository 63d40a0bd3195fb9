/**
 * A frame as a facilitator draws one by hand, as valid tldraw records: two labelled areas (one
 * with its own text, one named by a text inside it), a heading, a divider line, an arrow and a
 * sticky note (content, not structure), for the tests of saving a frame as a template.
 */
import { toRichText, type TLShape } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'

export interface HandDrawnFrameOptions {
  frameId?: string
  pageId?: string
  /** The label of the first area (its own text). */
  firstLabel?: string
  /** The label of the second area (a text shape inside it). */
  secondLabel?: string
  /** Width of the first area. */
  firstWidth?: number
}

const common = (id: string, parentId: string, index: string, x: number, y: number) => ({
  id,
  typeName: 'shape' as const,
  parentId,
  index: index as IndexKey,
  x,
  y,
  rotation: 0,
  isLocked: false,
  opacity: 1,
  meta: {},
})

export function handDrawnFrame({
  frameId = 'shape:handframe',
  pageId = 'page:page',
  firstLabel = 'Schnelle Erfolge',
  secondLabel = 'Große Vorhaben',
  firstWidth = 500,
}: HandDrawnFrameOptions = {}): TLShape[] {
  const geo = (id: string, index: string, x: number, y: number, w: number, h: number, text: string, color: string) =>
    ({
      ...common(`${frameId}-${id}`, frameId, index, x, y),
      type: 'geo',
      props: {
        geo: 'rectangle', dash: 'solid', url: '', w, h, growY: 0, scale: 1, flipX: false, flipY: false, labelColor: 'black',
        color, fill: 'solid', size: 's', font: 'sans', align: 'middle', verticalAlign: 'middle', richText: toRichText(text),
      },
    }) as unknown as TLShape
  const text = (id: string, index: string, x: number, y: number, value: string) =>
    ({
      ...common(`${frameId}-${id}`, frameId, index, x, y),
      type: 'text',
      props: { color: 'black', size: 'm', font: 'sans', textAlign: 'start', w: 300, richText: toRichText(value), scale: 1, autoSize: false },
    }) as unknown as TLShape
  return [
    { ...common(frameId, pageId, 'a5', 3000, 0), type: 'frame', props: { w: 1200, h: 800, name: 'Mein Rahmen', color: 'black' } } as unknown as TLShape,
    text('heading', 'a1', 40, 20, 'Was packen wir an?'),
    geo('quick', 'a2', 40, 120, firstWidth, 600, firstLabel, 'light-green'),
    geo('big', 'a3', 620, 120, 500, 600, '', 'light-blue'),
    text('bigname', 'a4', 650, 140, secondLabel),
    {
      ...common(`${frameId}-divider`, frameId, 'a5', 580, 120),
      type: 'line',
      props: {
        color: 'grey', dash: 'solid', size: 'm', spline: 'line', scale: 1,
        points: { a1: { id: 'a1', index: 'a1', x: 0, y: 0 }, a2: { id: 'a2', index: 'a2', x: 0, y: 600 } },
      },
    } as unknown as TLShape,
    {
      ...common(`${frameId}-arrow`, frameId, 'a6', 40, 760),
      type: 'arrow',
      props: {
        kind: 'arc', labelColor: 'black', color: 'black', fill: 'none', dash: 'solid', size: 'm', arrowheadStart: 'none',
        arrowheadEnd: 'arrow', font: 'sans', start: { x: 0, y: 0 }, end: { x: 1000, y: 0 }, bend: 0, richText: toRichText(''),
        labelPosition: 0.5, scale: 1, elbowMidPoint: 0.5,
      },
    } as unknown as TLShape,
    {
      ...common(`${frameId}-note`, frameId, 'a7', 100, 300),
      type: 'note',
      props: {
        color: 'yellow', labelColor: 'black', richText: toRichText('Dorfladen-App'), size: 'm', font: 'draw', align: 'middle',
        verticalAlign: 'middle', growY: 0, fontSizeAdjustment: 1, url: '', scale: 1, textLastEditedBy: null,
      },
    } as unknown as TLShape,
  ]
}
