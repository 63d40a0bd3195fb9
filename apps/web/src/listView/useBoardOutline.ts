/**
 * The board's outline for the list view (boardOutline), read from the editor and renewed when
 * notes or template frames change; a change elsewhere (someone's cursor, the camera) or one that
 * leaves the outline as it was renders nothing again.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import { richTextToPlain } from '@dorfplatz/board'
import { currentTemplateInstances } from '@dorfplatz/templates'
import { useMemo } from 'react'
import { useValue, type Editor, type TLShape } from 'tldraw'
import type { Language } from '../i18n/i18n.ts'
import { boardOutline, type BoardOutline, type FrameOnBoard, type NoteOnBoard } from './boardOutline.ts'

function boundsOf(editor: Editor, shape: TLShape) {
  const bounds = editor.getShapePageBounds(shape)
  return bounds ? { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } : null
}

export function useBoardOutline(editor: Editor, instances: readonly TemplateInstance[], language: Language): BoardOutline {
  const json = useValue(
    'dorfplatz.listOutline',
    () => {
      const byId = new Map<string, TLShape>()
      const notes: NoteOnBoard[] = []
      const pageIds: string[] = []
      for (const page of editor.getPages()) {
        pageIds.push(page.id)
        for (const id of editor.getPageShapeIds(page.id)) {
          const shape = editor.getShape(id)
          if (!shape) continue
          byId.set(shape.id, shape)
          if (shape.type !== 'note') continue
          const bounds = boundsOf(editor, shape)
          if (!bounds) continue
          const text = richTextToPlain((shape.props as { richText?: unknown }).richText)
          notes.push({ id: shape.id, pageId: page.id, text, bounds })
        }
      }
      const current = currentTemplateInstances(instances, byId)
      const frames: FrameOnBoard[] = current.flatMap((instance) => {
        const frame = byId.get(instance.frameId)
        const bounds = frame && boundsOf(editor, frame)
        return frame && bounds ? [{ id: frame.id, meta: frame.meta, bounds }] : []
      })
      return JSON.stringify(boardOutline(current, frames, pageIds, notes, language))
    },
    [editor, instances, language],
  )
  return useMemo(() => JSON.parse(json) as BoardOutline, [json])
}
