/**
 * A small label along the bottom of each note carried over from an earlier board ("aus Workshop 1,
 * Rang 2 (5 Punkte)"), so that the new workshop sees where its starting points came from and how
 * they were weighted. It takes no clicks, as the authors line does not.
 */
import { carriedFromOf } from '@dorfplatz/board'
import { useTranslation } from 'react-i18next'
import { useComputed, useEditor, useValue } from 'tldraw'
import { sameItems, shapeOnScreen } from '../kernel/shapesOnScreen.ts'
import { carriedFromLine } from './carriedFromLine.ts'
import './carriedFrom.css'

interface Label {
  noteId: string
  text: string
  left: number
  bottom: number
  width: number
}

/** Below this zoom a label would cover more of the note than it tells. */
const MIN_ZOOM = 0.35

export function CarriedNoteLabels() {
  const editor = useEditor()
  const { t } = useTranslation()
  // The same array while the labels stay the same, so that a camera at rest re-renders nothing.
  const computed = useComputed<Label[]>(
    'carried note labels',
    () => {
      if (editor.getZoomLevel() < MIN_ZOOM) return []
      const placed: Label[] = []
      for (const shape of editor.getCurrentPageShapes()) {
        if (shape.type !== 'note') continue
        const mark = carriedFromOf(shape)
        if (!mark) continue
        const onScreen = shapeOnScreen(editor, shape)
        if (!onScreen) continue
        const { box } = onScreen
        placed.push({ noteId: shape.id, text: carriedFromLine(mark, t), left: box.left, bottom: box.bottom, width: box.right - box.left })
      }
      return placed
    },
    { isEqual: sameItems },
    [editor, t],
  )
  const labels = useValue(computed)
  return (
    <>
      {labels.map((label) => (
        <div
          key={label.noteId}
          className="carried-label"
          style={{ left: label.left, top: label.bottom, width: label.width }}
          data-testid="carried-label"
          data-note-id={label.noteId}
        >
          {label.text}
        </div>
      ))}
    </>
  )
}
