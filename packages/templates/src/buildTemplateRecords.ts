/**
 * Turns a template into tldraw shape records for one instance: a locked frame at the
 * instance's position holding the template's title, instruction and locked structure. Pure
 * and DOM-free, so that the server can seed boards with it.
 */
import { isTemplateId, type TemplateInstance } from '@dorfplatz/board'
import {
  toRichText,
  type TLArrowShape,
  type TLFrameShape,
  type TLGeoShape,
  type TLLineShape,
  type TLParentId,
  type TLRichText,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
} from '@tldraw/tlschema'
import { getIndices, type IndexKey } from '@tldraw/utils'
import { FRAME_PADDING, INSTRUCTION_Y, TITLE_Y } from './layout.ts'
import { STRUCTURE_META_KEY, type StructureMeta, type StructurePart } from './structureMeta.ts'
import { getTemplateModule } from './templateCatalogue.ts'
import type { TemplateDefinition } from './TemplateDefinition.ts'
import { TemplateDrawing, type DrawingPart } from './TemplateDrawing.ts'

export interface BuildTemplateOptions {
  /**
   * The frame's index among the page's shapes; 'a1' when not given. Pass one above the
   * page's topmost shape to put the template on top.
   */
  index?: IndexKey
}

/** Areas at the bottom, lines and arrows over them, labels on top. */
const Z_ORDER: Record<DrawingPart['kind'], number> = { area: 0, line: 1, arrow: 1, label: 2 }

function richText(text: string, bold: boolean): TLRichText {
  if (!bold) return toRichText(text)
  return {
    type: 'doc',
    content: text.split('\n').map((line) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: line, marks: [{ type: 'bold' }] }],
    })),
  }
}

/**
 * The frame first, then its children in z-order; every shape is locked and marked as
 * structure (see structureMeta.ts). Children's ids are the frame's id followed by a
 * part name (`<frameId>.zone.idee`), so they are as stable as the frame's.
 */
export function buildTemplateRecords(
  template: TemplateDefinition,
  instance: TemplateInstance,
  { index = 'a1' as IndexKey }: BuildTemplateOptions = {},
): TLShape[] {
  if (instance.templateId !== template.id) {
    throw new Error(`buildTemplateRecords: the instance is of ${instance.templateId}, not ${template.id}`)
  }
  if (!instance.frameId.startsWith('shape:')) throw new Error('buildTemplateRecords: frameId must be a shape id')

  const drawing = new TemplateDrawing(instance.locale)
  const headerWidth = template.width - 2 * FRAME_PADDING
  drawing.label('title', template.name, { x: FRAME_PADDING, y: TITLE_Y, w: headerWidth, size: 'l', bold: true })
  // An own template may have no instruction; an empty label would be an invisible shape.
  if (template.instruction[instance.locale].trim() !== '') {
    drawing.label('instruction', template.instruction, { x: FRAME_PADDING, y: INSTRUCTION_Y, w: headerWidth })
  }
  if (template.structure) drawing.parts.push(...template.structure)
  else if (isTemplateId(template.id)) getTemplateModule(template.id).draw(drawing)
  else throw new Error(`buildTemplateRecords: template ${template.id} has no structure`)
  const parts = drawing.parts
    .map((part, order) => ({ part, order }))
    .sort((a, b) => Z_ORDER[a.part.kind] - Z_ORDER[b.part.kind] || a.order - b.order)
    .map(({ part }) => part)

  const frameId = instance.frameId as TLShapeId
  const meta = (part: StructurePart, zone?: string): TLShape['meta'] => {
    const mark: StructureMeta = {
      templateInstance: instance.instanceId,
      templateId: instance.templateId,
      role: 'structure',
      part,
      ...(zone === undefined ? {} : { zone }),
    }
    return { [STRUCTURE_META_KEY]: { ...mark } }
  }
  const base = (key: string, childIndex: IndexKey, x: number, y: number) => ({
    id: `${frameId}.${key}` as TLShapeId,
    typeName: 'shape' as const,
    parentId: frameId as TLParentId,
    index: childIndex,
    x,
    y,
    rotation: 0,
    isLocked: true,
    opacity: 1,
  })

  const frame: TLFrameShape = {
    id: frameId,
    typeName: 'shape',
    type: 'frame',
    parentId: instance.pageId as TLParentId,
    index,
    x: instance.x,
    y: instance.y,
    rotation: 0,
    isLocked: true,
    opacity: 1,
    meta: meta('frame'),
    props: { w: template.width, h: template.height, name: template.name[instance.locale], color: 'black' },
  }

  const indices = getIndices(parts.length - 1)
  const children = parts.map((part, position): TLShape => {
    const childIndex = indices[position]!
    switch (part.kind) {
      case 'area': {
        const shape: TLGeoShape = {
          ...base(part.key, childIndex, part.x, part.y),
          type: 'geo',
          meta: meta('area', part.zone),
          props: {
            geo: part.geo,
            dash: 'solid',
            url: '',
            w: part.w,
            h: part.h,
            growY: 0,
            scale: 1,
            flipX: false,
            flipY: false,
            labelColor: 'black',
            color: part.color,
            fill: part.fill,
            size: 's',
            font: 'sans',
            align: 'middle',
            verticalAlign: 'middle',
            richText: toRichText(''),
          },
        }
        return shape
      }
      case 'label': {
        const shape: TLTextShape = {
          ...base(part.key, childIndex, part.x, part.y),
          type: 'text',
          meta: meta('label'),
          props: {
            color: part.color,
            size: part.size,
            font: 'sans',
            textAlign: part.align,
            w: part.w,
            richText: richText(part.text, part.bold),
            scale: 1,
            autoSize: false,
          },
        }
        return shape
      }
      case 'line': {
        const shape: TLLineShape = {
          ...base(part.key, childIndex, part.x1, part.y1),
          type: 'line',
          meta: meta('line'),
          props: {
            color: part.color,
            dash: 'solid',
            size: 'm',
            spline: 'line',
            points: {
              a1: { id: 'a1', index: 'a1' as IndexKey, x: 0, y: 0 },
              a2: { id: 'a2', index: 'a2' as IndexKey, x: part.x2 - part.x1, y: part.y2 - part.y1 },
            },
            scale: 1,
          },
        }
        return shape
      }
      case 'arrow': {
        const shape: TLArrowShape = {
          ...base(part.key, childIndex, part.x1, part.y1),
          type: 'arrow',
          meta: meta('arrow'),
          props: {
            kind: 'arc',
            labelColor: 'black',
            color: part.color,
            fill: 'none',
            dash: 'solid',
            size: 'm',
            arrowheadStart: 'none',
            arrowheadEnd: 'arrow',
            font: 'sans',
            start: { x: 0, y: 0 },
            end: { x: part.x2 - part.x1, y: part.y2 - part.y1 },
            bend: 0,
            richText: toRichText(''),
            labelPosition: 0.5,
            scale: 1,
            elbowMidPoint: 0.5,
          },
        }
        return shape
      }
    }
  })
  return [frame, ...children]
}
