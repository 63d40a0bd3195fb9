/**
 * Who wrote the note, text or shape under the pointer (or else the one selected), and who changed
 * it last: one small line just below it on the canvas, or above it where the screen ends. It
 * takes no clicks, so it never stands between anyone and the board or its bars.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditor, useValue } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { shapeOnScreen } from '../kernel/shapesOnScreen.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { authorLine, isAuthoredKind, type AuthoredKind } from './authorLine.ts'
import { useRecordAuthors } from './useRecordAuthors.ts'
import './authors.css'

/** How often "vor 5 Minuten" is brought up to date; a time ahead of a stale `now` reads "gerade eben". */
const REFRESH_MS = 30_000

/** Room the line needs below a shape; with less, it goes above. */
const LINE_ROOM_PX = 32

interface Target {
  id: string
  kind: AuthoredKind
  left: number
  top: number
  bottom: number
  below: boolean
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

export function AuthorsLine() {
  const editor = useEditor()
  const { session } = useBoardContext()
  const { t } = useTranslation()
  const language = useLanguage()
  const target = useValue<Target | null>(
    'authored shape',
    () => {
      const id = editor.getHoveredShapeId() ?? editor.getOnlySelectedShapeId()
      const shape = id === null ? undefined : editor.getShape(id)
      if (!shape || !isAuthoredKind(shape.type)) return null
      const onScreen = shapeOnScreen(editor, shape)
      if (!onScreen) return null
      const { box } = onScreen
      const below = box.bottom + LINE_ROOM_PX <= editor.getViewportScreenBounds().height
      return { id: shape.id, kind: shape.type, left: Math.max(0, box.left), top: box.top, bottom: box.bottom, below }
    },
    [editor],
  )
  const authors = useRecordAuthors(session.doc, target?.id ?? null)
  const now = useNow()
  if (!target || !authors) return null
  return (
    <div
      className={`shape-authors ${target.below ? 'shape-authors--below' : 'shape-authors--above'}`}
      style={{ left: target.left, top: target.below ? target.bottom : target.top }}
      data-testid="shape-authors"
      data-shape-id={target.id}
    >
      {authorLine(authors, target.kind, now, language, t)}
    </div>
  )
}
