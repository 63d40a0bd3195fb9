/**
 * Where the notes a round is about are on screen, for the controls and badges drawn over them.
 * Reactive to the camera and to the notes themselves, so everything drawn over a note follows it
 * while people pan, zoom and move notes; notes outside the viewport are left out.
 */
import { richTextToPlain, type TemplateInstance, type VoteScope } from '@dorfplatz/board'
import { votableNoteIds } from '@dorfplatz/templates'
import { useComputed, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { sameItems, shapeOnScreen, type ScreenBox } from '../kernel/shapesOnScreen.ts'
import { parseScopeValue, scopeValue } from '../kernel/scopeOptions.ts'

/** A note's box in viewport pixels (relative to the editor's top-left corner) and its text. */
export interface NoteOnScreen extends ScreenBox {
  id: TLShapeId
  text: string
}

/** Notes whose top edges lie within this many page units count as one row for the tab order. */
const ROW_PAGE_UNITS = 100

const NO_IDS: ReadonlySet<string> = new Set()

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id))
}

/**
 * The notes on the current page that `scope` covers, by the rule the server checks dots with.
 * The same set object while the answer stays the same, so that moving a note within its zone
 * re-renders nothing.
 */
export function useVotableNoteIds(editor: Editor, scope: VoteScope, instances: readonly TemplateInstance[]): ReadonlySet<string> {
  // A value, not the scope object, which is new with every change of the round's progress.
  const scopeKey = scopeValue(scope)
  const ids = useComputed(
    'votable note ids',
    () => {
      const current = parseScopeValue(scopeKey)
      if (!current) return NO_IDS
      const byId = new Map<string, TLShape>()
      for (const shape of editor.getCurrentPageShapes()) byId.set(shape.id, shape)
      return new Set(votableNoteIds(byId, instances, current))
    },
    { isEqual: sameIds },
    [editor, scopeKey, instances],
  )
  return useValue(ids)
}

/**
 * The notes of `ids` that are on the current page and in view, in reading order (rows, then left
 * to right). The same array while they stay where they are on screen: a note moved or edited out
 * of view (someone else's work, many times a second) re-renders nothing.
 */
export function useNotesOnScreen(editor: Editor, ids: ReadonlySet<string>): NoteOnScreen[] {
  const notes = useComputed(
    'notes on screen',
    () => {
      const found: { note: NoteOnScreen; row: number; x: number }[] = []
      for (const id of ids) {
        const shape = editor.getShape(id as TLShapeId)
        if (!shape || !editor.isShapeOfType(shape, 'note')) continue
        const onScreen = shapeOnScreen(editor, shape)
        if (!onScreen) continue
        const { box, bounds } = onScreen
        found.push({
          note: { id: shape.id, text: richTextToPlain(shape.props.richText), ...box },
          // Ordered by page position, not screen position: zooming must not reorder the DOM
          // under a focused button.
          row: Math.round(bounds.minY / ROW_PAGE_UNITS),
          x: bounds.minX,
        })
      }
      found.sort((a, b) => a.row - b.row || a.x - b.x)
      return found.map((entry) => entry.note)
    },
    { isEqual: sameItems },
    [editor, ids],
  )
  return useValue(notes)
}
