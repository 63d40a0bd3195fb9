/**
 * Random user edits on a tldraw store, the kinds a workshop produces: sticky notes, shapes,
 * text, arrows bound to shapes; moved, recoloured, retitled and deleted. Deterministic for a
 * given PRNG, so a failing seed can be replayed.
 */
import {
  createBindingId,
  createShapeId,
  toRichText,
  type TLArrowBinding,
  type TLArrowShape,
  type TLGeoShape,
  type TLNoteShape,
  type TLPage,
  type TLRecord,
  type TLShape,
  type TLStore,
  type TLTextShape,
} from '@tldraw/tlschema'
import * as prng from 'lib0/prng'
import { FIRST_PAGE_ID } from '../initBoardDoc.ts'

const COLORS = ['yellow', 'blue', 'green', 'red', 'violet', 'orange'] as const
const WORDS = ['Spielplatz', 'Radweg', 'Markt', 'Bücherei', 'Sitzbank', 'Brunnen', 'Bushalt']

function shapeBase(random: prng.PRNG, id: TLShape['id']) {
  return {
    id,
    typeName: 'shape' as const,
    parentId: FIRST_PAGE_ID,
    index: 'a1' as TLShape['index'],
    x: prng.int32(random, -500, 500),
    y: prng.int32(random, -500, 500),
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
  }
}

function text(random: prng.PRNG) {
  return toRichText(`${prng.oneOf(random, WORDS)} ${prng.int32(random, 1, 99)}`)
}

function note(random: prng.PRNG, id: TLShape['id']): TLNoteShape {
  return {
    ...shapeBase(random, id),
    type: 'note',
    props: {
      color: prng.oneOf(random, [...COLORS]),
      labelColor: 'black',
      richText: text(random),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
  }
}

function geo(random: prng.PRNG, id: TLShape['id']): TLGeoShape {
  return {
    ...shapeBase(random, id),
    type: 'geo',
    props: {
      w: prng.int32(random, 20, 400),
      h: prng.int32(random, 20, 400),
      geo: prng.oneOf(random, ['rectangle', 'ellipse', 'cloud'] as const),
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: prng.oneOf(random, [...COLORS]),
      labelColor: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: text(random),
    },
  }
}

function textShape(random: prng.PRNG, id: TLShape['id']): TLTextShape {
  return {
    ...shapeBase(random, id),
    type: 'text',
    props: {
      color: prng.oneOf(random, [...COLORS]),
      size: 'm',
      w: 8,
      font: 'draw',
      textAlign: 'start',
      autoSize: true,
      scale: 1,
      richText: text(random),
    },
  }
}

function arrow(random: prng.PRNG, id: TLShape['id']): TLArrowShape {
  return {
    ...shapeBase(random, id),
    type: 'arrow',
    props: {
      kind: 'arc',
      elbowMidPoint: 0.5,
      dash: 'draw',
      size: 'm',
      fill: 'none',
      color: prng.oneOf(random, [...COLORS]),
      labelColor: 'black',
      bend: 0,
      start: { x: 0, y: 0 },
      end: { x: prng.int32(random, 10, 300), y: 0 },
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      richText: toRichText(''),
      labelPosition: 0.5,
      font: 'draw',
      scale: 1,
    },
  }
}

function shapesOf(store: TLStore): TLShape[] {
  return store.allRecords().filter((record): record is TLShape => record.typeName === 'shape')
}

/**
 * Applies one random edit to `store` as its user would. `peer` and `serial` make ids unique
 * across peers without relying on tldraw's random id generator. `mayEdit` limits the existing
 * shapes the edit may touch (a participant's editor keeps template structure out of reach).
 */
export function applyRandomEdit(
  random: prng.PRNG,
  store: TLStore,
  peer: number,
  serial: number,
  mayEdit: (shape: TLShape) => boolean = () => true,
): void {
  const shapes = shapesOf(store).filter(mayEdit)
  const roll = prng.int32(random, 0, 99)
  const newId = createShapeId(`p${peer}-${serial}`)

  if (shapes.length === 0 || roll < 30) {
    const make = prng.oneOf(random, [note, note, geo, textShape])
    store.put([make(random, newId)])
    return
  }
  const target = prng.oneOf(random, shapes)
  if (roll < 40) {
    // An arrow and its binding arrive in one change, as the arrow tool makes them.
    const binding: TLArrowBinding = {
      id: createBindingId(`p${peer}-${serial}`),
      typeName: 'binding',
      type: 'arrow',
      fromId: newId,
      toId: target.id,
      props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
      meta: {},
    }
    store.put([arrow(random, newId), binding])
  } else if (roll < 60) {
    store.put([{ ...target, x: prng.int32(random, -500, 500), y: prng.int32(random, -500, 500) }])
  } else if (roll < 70 && 'color' in target.props) {
    store.put([{ ...target, props: { ...target.props, color: prng.oneOf(random, [...COLORS]) } } as TLShape])
  } else if (roll < 80 && 'richText' in target.props) {
    store.put([{ ...target, props: { ...target.props, richText: text(random) } } as TLShape])
  } else if (roll < 80) {
    // A shape without colour or text (a frame, say) is moved instead.
    store.put([{ ...target, x: target.x + prng.int32(random, -50, 50) }])
  } else if (roll < 95) {
    // Deleting a shape deletes the bindings that touch it, as the editor does.
    const bindings = store
      .allRecords()
      .filter((record) => record.typeName === 'binding' && (record.fromId === target.id || record.toId === target.id))
    store.remove([target.id, ...bindings.map((record) => record.id)] as TLRecord['id'][])
  } else {
    const page = store.get(FIRST_PAGE_ID)
    if (page) store.put([{ ...page, name: `Seite ${prng.int32(random, 1, 9)}` } satisfies TLPage])
  }
}
