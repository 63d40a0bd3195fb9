/**
 * Which notes a voting round covers: every sticky note on the board, the notes whose centre
 * lies in one zone of one template instance, or in any zone of one instance (where the frame
 * is now, see currentTemplateInstances). The server decides with this which note a dot may go on; the web
 * app shows the vote buttons on the same notes.
 */
import type { TemplateInstance, VoteScope } from '@dorfplatz/board'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { currentTemplateInstances } from './currentTemplateInstances.ts'
import { findZone } from './findZone.ts'
import { shapePagePoint, shapeToPage } from './shapePagePoint.ts'

function isNote(value: unknown): value is TLShape & { type: 'note' } {
  if (typeof value !== 'object' || value === null) return false
  const { typeName, type, x, y, parentId } = value as Record<string, unknown>
  return typeName === 'shape' && type === 'note' && typeof x === 'number' && typeof y === 'number' && typeof parentId === 'string'
}

/**
 * The ids of the notes in `scope`, in the order of `byId`. `instances` are the board's stored
 * template instances (readTemplateInstances); a zone or template scope whose instance or zone is
 * gone covers no note. A note on a template's frame outside all of its zones (its heading, say)
 * is in no field, so a template scope leaves it out.
 */
export function votableNoteIds(
  byId: ReadonlyMap<string, TLRecord | unknown>,
  instances: readonly TemplateInstance[],
  scope: VoteScope,
): string[] {
  const ids: string[] = []
  const current = scope.kind === 'all' ? [] : currentTemplateInstances(instances, byId)
  for (const [id, value] of byId) {
    if (!isNote(value)) continue
    if (scope.kind === 'all') {
      ids.push(id)
      continue
    }
    const centre = shapePagePoint(value, byId)
    const pageId = shapeToPage(value, { x: 0, y: 0 }, byId).pageId
    if (pageId === null) continue
    const found = findZone(current, pageId, centre)
    if (!found || found.instance.instanceId !== scope.instanceId) continue
    if (scope.kind === 'template' || found.zone.id === scope.zoneId) ids.push(id)
  }
  return ids
}
