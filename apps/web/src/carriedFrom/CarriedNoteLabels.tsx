/**
 * A small label along the bottom of each note carried over from an earlier board ("aus Workshop 1,
 * Rang 2 (5 Punkte)", or "Rang 2 · 5 Punkte" where the note is small on screen), so that the new workshop sees where its starting points came from and how
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
  compact: boolean
  left: number
  bottom: number
  width: number
}

/** Below this zoom a label would cover more of the note than it tells. */
const MIN_ZOOM = 0.35

/** Notes narrower than this on screen get the short form of the line, which fits one row. */
const FULL_LINE_MIN_PX = 170

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
        const width = box.right - box.left
        const compact = width < FULL_LINE_MIN_PX
        placed.push({ noteId: shape.id, text: carriedFromLine(mark, t, { compact }), compact, left: box.left, bottom: box.bottom, width })
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
          className={label.compact ? 'carried-label carried-label--compact' : 'carried-label'}
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
