/**
 * A small count on each note with open comments, at its top-right corner: the number of
 * comments in its open threads. Choosing it selects the note and opens the "Kommentare" panel.
 */
import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { shapeOnScreen } from '../kernel/shapesOnScreen.ts'
import { commentsPanelOpen, openCommentCounts, useCommentThreads } from './commentsStore.ts'
import './comments.css'

interface Badge {
  noteId: string
  count: number
  left: number
  top: number
}

export function CommentBadges() {
  const editor = useEditor()
  const { t } = useTranslation()
  const { session } = useBoardContext()
  const counts = openCommentCounts(useCommentThreads(session.doc))
  const badges = useValue<Badge[]>(
    'comment badges',
    () => {
      const placed: Badge[] = []
      for (const [noteId, count] of counts) {
        const shape = editor.getShape(noteId as TLShapeId)
        if (!shape || shape.type !== 'note') continue
        const onScreen = shapeOnScreen(editor, shape)
        if (onScreen) placed.push({ noteId, count, left: onScreen.box.right, top: onScreen.box.top })
      }
      return placed
    },
    [editor, counts],
  )
  return (
    <>
      {badges.map((badge) => (
        <button
          key={badge.noteId}
          type="button"
          className="comment-badge"
          style={{ left: badge.left, top: badge.top }}
          data-testid="comment-badge"
          data-note-id={badge.noteId}
          aria-label={t('comments.badge', { count: badge.count })}
          title={t('comments.badge', { count: badge.count })}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => {
            editor.select(badge.noteId as TLShapeId)
            commentsPanelOpen.set(true)
          }}
        >
          {badge.count}
        </button>
      ))}
    </>
  )
}
