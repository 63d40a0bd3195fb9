/**
 * "3 neue Notizen in Stärken": while the keyboard focus is in a zone of the list view, notes
 * that others add there are announced, gathered for a moment and at most once every five
 * seconds, so that a busy zone never floods a screen reader. One's own notes are not news.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import { currentTemplateInstances, findZone } from '@dorfplatz/templates'
import { useEffect, useRef } from 'react'
import type { Editor, TLRecord, TLShapeId } from 'tldraw'
import { FREE_AREA } from '../kernel/notePlacement.ts'

/** At most one announcement of new notes in this time. */
export const NEW_NOTES_INTERVAL_MS = 5_000
/** Notes that arrive one right after another (someone pasting three) are counted together. */
export const NEW_NOTES_GATHER_MS = 1_000

export interface FocusedZone {
  /** `<instanceId>/<zoneId>`, or FREE_AREA for the notes outside every zone. */
  value: string
  name: string
}

/** The zone (`<instanceId>/<zoneId>`) a note's centre lies in now, FREE_AREA outside every zone. */
function zoneOfNote(editor: Editor, instances: readonly TemplateInstance[], shapeId: TLShapeId): string | null {
  const bounds = editor.getShapePageBounds(shapeId)
  const pageId = editor.getAncestorPageId(shapeId)
  if (!bounds || !pageId) return null
  const frames = new Map<string, TLRecord>()
  for (const instance of instances) {
    const frame = editor.getShape(instance.frameId as TLShapeId)
    if (frame) frames.set(frame.id, frame)
  }
  const found = findZone(currentTemplateInstances(instances, frames), pageId, bounds.center)
  return found ? `${found.instance.instanceId}/${found.zone.id}` : FREE_AREA
}

export function useNewNoteAnnouncements(
  editor: Editor,
  instances: readonly TemplateInstance[],
  zone: FocusedZone | null,
  say: (count: number, zoneName: string) => void,
): void {
  const sayRef = useRef(say)
  useEffect(() => {
    sayRef.current = say
  }, [say])
  /** When the last announcement was made, across changes of focus. */
  const lastAt = useRef(-Infinity)
  const value = zone?.value ?? null
  const name = zone?.name ?? ''

  useEffect(() => {
    if (value === null) return
    let count = 0
    let timer = 0
    const flush = () => {
      timer = 0
      if (count === 0) return
      sayRef.current(count, name)
      lastAt.current = Date.now()
      count = 0
    }
    const stop = editor.store.listen(
      ({ changes }) => {
        let added = 0
        for (const record of Object.values(changes.added)) {
          if (record.typeName !== 'shape' || record.type !== 'note') continue
          if (zoneOfNote(editor, instances, record.id) === value) added++
        }
        if (added === 0) return
        count += added
        if (!timer) timer = window.setTimeout(flush, Math.max(NEW_NOTES_GATHER_MS, lastAt.current + NEW_NOTES_INTERVAL_MS - Date.now()))
      },
      { source: 'remote', scope: 'document' },
    )
    return () => {
      stop()
      window.clearTimeout(timer)
    }
  }, [editor, instances, value, name])
}
