/**
 * Template instances as the board shows them now. An instance records where its frame was
 * placed; a facilitator may since have unlocked and moved the frame, or deleted it. Zone
 * lookups on a live board should use these instead of the stored positions.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import type { TLShape } from '@tldraw/tlschema'
import { shapeToPage, type RecordLookup } from './shapePagePoint.ts'

function isFrame(value: unknown): value is TLShape & { type: 'frame' } {
  if (typeof value !== 'object' || value === null) return false
  const { typeName, type, x, y, parentId } = value as Record<string, unknown>
  return typeName === 'shape' && type === 'frame' && typeof x === 'number' && typeof y === 'number' && typeof parentId === 'string'
}

/**
 * Each instance with `x`, `y` and `pageId` taken from its frame's current record; instances
 * whose frame is gone are left out. A rotated frame keeps the position of its top-left
 * corner, but zones are looked up unrotated.
 */
export function currentTemplateInstances<Instance extends TemplateInstance>(
  instances: readonly Instance[],
  byId: RecordLookup,
): Instance[] {
  const current: Instance[] = []
  for (const instance of instances) {
    const frame = byId.get(instance.frameId)
    if (!isFrame(frame)) continue
    const { x, y, pageId } = shapeToPage(frame, { x: 0, y: 0 }, byId)
    current.push({ ...instance, x, y, pageId: pageId ?? instance.pageId })
  }
  return current
}
