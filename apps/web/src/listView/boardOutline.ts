/**
 * The board as the list view reads it: each template with its zones, each zone with its notes,
 * and the notes in no zone, all in reading order. A note belongs to the zone its centre lies in
 * (findZone, the rule of voting rounds and the results report); templates go by page, then by
 * where their frames are (rows from top to bottom, each from left to right); zones keep their
 * template's order; notes in a zone go in rows as well. Pure: it takes plain values.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import { findZone, instanceZones } from '@dorfplatz/templates'
import { scopeGroups } from '../kernel/scopeOptions.ts'
import { templateFramesInReadingOrder } from '../kernel/templateFrames.ts'
import type { Language } from '../i18n/i18n.ts'

export interface NoteOnBoard {
  id: string
  pageId: string
  text: string
  /** The note's bounds on its page. */
  bounds: { x: number; y: number; w: number; h: number }
}

/** A template frame as it is now: where, and on which page. */
export interface FrameOnBoard {
  id: string
  meta?: unknown
  bounds: { x: number; y: number; w: number; h: number }
}

export interface OutlineZone {
  /** `<instanceId>/<zoneId>`, as the voting scopes and the phone's note sheet write a zone. */
  value: string
  name: string
  hint: string | null
  notes: NoteOnBoard[]
}

export interface OutlineTemplate {
  instanceId: string
  name: string
  zones: OutlineZone[]
}

export interface BoardOutline {
  templates: OutlineTemplate[]
  /** Notes outside every zone ("Weitere Notizen"). */
  others: NoteOnBoard[]
}

/** Rows from top to bottom, each from left to right; a note starting above the middle of a row's first note is in that row. */
export function inReadingOrder(notes: readonly NoteOnBoard[]): NoteOnBoard[] {
  const sorted = [...notes].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  const rows: NoteOnBoard[][] = []
  for (const note of sorted) {
    const row = rows.at(-1)
    const first = row?.[0]
    if (row && first && note.bounds.y < first.bounds.y + first.bounds.h / 2) row.push(note)
    else rows.push([note])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x))
}

/**
 * `instances` are the template instances where their frames are now (currentTemplateInstances),
 * in the order they were added; `frames` their frames; `pageIds` the board's pages in order.
 */
export function boardOutline(
  instances: readonly TemplateInstance[],
  frames: readonly FrameOnBoard[],
  pageIds: readonly string[],
  notes: readonly NoteOnBoard[],
  language: Language,
): BoardOutline {
  const zoneNotes = new Map<string, NoteOnBoard[]>()
  const others: NoteOnBoard[] = []
  for (const note of notes) {
    const centre = { x: note.bounds.x + note.bounds.w / 2, y: note.bounds.y + note.bounds.h / 2 }
    const found = findZone(instances, note.pageId, centre)
    if (!found) {
      others.push(note)
      continue
    }
    const key = `${found.instance.instanceId}/${found.zone.id}`
    zoneNotes.set(key, [...(zoneNotes.get(key) ?? []), note])
  }

  const framesById = new Map(frames.map((frame) => [frame.id, frame]))
  const orderOf = new Map<string, number>()
  for (const pageId of pageIds) {
    const onPage = instances.flatMap((instance) => {
      const frame = instance.pageId === pageId ? framesById.get(instance.frameId) : undefined
      return frame ? [frame] : []
    })
    for (const frame of templateFramesInReadingOrder(onPage)) orderOf.set(frame.id, orderOf.size)
  }

  const groups = new Map(scopeGroups(instances, language).map((group) => [group.instanceId, group]))
  const templates = instances
    .filter((instance) => orderOf.has(instance.frameId))
    .sort((a, b) => orderOf.get(a.frameId)! - orderOf.get(b.frameId)!)
    .map((instance): OutlineTemplate => {
      const group = groups.get(instance.instanceId)
      const hints = new Map(instanceZones(instance).map((zone) => [zone.id, zone.hint?.[language] ?? null]))
      return {
        instanceId: instance.instanceId,
        name: group?.name ?? instance.templateId,
        zones: (group?.zones ?? []).map((zone) => ({
          value: zone.value,
          name: zone.name,
          hint: zone.scope.kind === 'zone' ? (hints.get(zone.scope.zoneId) ?? null) : null,
          notes: inReadingOrder(zoneNotes.get(zone.value) ?? []),
        })),
      }
    })
  return { templates, others: inReadingOrder(others) }
}
