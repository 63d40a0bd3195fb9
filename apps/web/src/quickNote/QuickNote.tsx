/**
 * "Notiz schreiben" on a phone: a large button at the bottom of a narrow touch screen opens a
 * sheet in which a participant writes a note and picks the template zone it belongs in, instead
 * of placing and typing a sticky note on a canvas that is hard to handle with a thumb. After
 * the note is on the board the view moves to it (unless the person follows someone) and a short
 * confirmation offers the next one. Not for guests; while the board cannot be edited (frozen,
 * say) the button is hidden, and an open sheet says why and keeps the text.
 */
import { Suspense, useEffect, useRef, useState } from 'react'
import { lazyComponent } from '../components/lazyComponent.ts'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useMediaQuery } from '../components/useMediaQuery.ts'
import './quickNote.css'

// The sheet loads when a phone first opens it; other screens never need it.
const QuickNoteSheet = lazyComponent(() => import('./QuickNoteSheet.tsx'), 'QuickNoteSheet')

/**
 * A phone: a coarse pointer on a narrow screen, upright or turned (then it is low). Tablets
 * and laptops with touch screens keep the canvas as it is.
 */
export const PHONE_QUERY = '(pointer: coarse) and (max-width: 40rem), (pointer: coarse) and (max-height: 30rem)'

/** How long the confirmation stays after a note was added: long enough to read, then out of the way. */
const CONFIRMATION_MS = 8000

/** Room shown around the new note, in page units, so that one sees where in the zone it landed. */
const REVEAL_MARGIN = 120

const REVEAL_ANIMATION_MS = 320

function revealNote(editor: Editor, shapeId: TLShapeId): void {
  // Moving the camera would end "Folgen lassen"; the confirmation says where the note went.
  if (editor.getInstanceState().followingUserId !== null) return
  const bounds = editor.getShapePageBounds(shapeId)
  if (!bounds) return
  // Never zoomed in past 100 %; tldraw shortens the animation for people who ask for reduced motion.
  editor.zoomToBounds(bounds.clone().expandBy(REVEAL_MARGIN), { targetZoom: 1, animation: { duration: REVEAL_ANIMATION_MS } })
}

export function QuickNote({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const { info } = useBoardContext()
  const isPhone = useMediaQuery(PHONE_QUERY)
  // Covers guests, a frozen board (for participants), a board from a newer Dorfplatz and a dead link.
  const readonly = useValue('dorfplatz.readonly', () => editor.getIsReadonly(), [editor])
  const [open, setOpen] = useState(false)
  const [confirmation, setConfirmation] = useState('')
  // The text outlives the sheet (closed, Escape, the phone turned), until the note is on the board.
  const [draft, setDraft] = useState({ boardId: info.id, text: '' })
  const draftText = draft.boardId === info.id ? draft.text : ''

  // A screen that stops being a phone closes the sheet for good, rather than opening it again later.
  if (open && !isPhone) setOpen(false)

  useEffect(() => {
    if (!confirmation) return
    const timer = window.setTimeout(() => setConfirmation(''), CONFIRMATION_MS)
    return () => window.clearTimeout(timer)
  }, [confirmation])

  const pendingShow = useRef<number | null>(null)
  useEffect(() => () => window.cancelAnimationFrame(pendingShow.current ?? 0), [])

  if (info.role === 'viewer' || !isPhone) return null

  return (
    <>
      {/* Its state for the session banners that follow it, which move up above it (quickNote.css). */}
      <div
        className="quick-note-bar"
        data-testid="quick-note-bar"
        data-button={readonly ? 'hidden' : 'shown'}
        data-confirming={confirmation !== ''}
      >
        {/* Always there, empty or not: a live region must exist before its text arrives. */}
        <p
          className={confirmation ? 'quick-note-bar__confirmation' : 'visually-hidden'}
          role="status"
          data-testid="quick-note-confirmation"
        >
          {confirmation}
        </p>
        {/* Hidden, not removed, while the board cannot be edited: the sheet gives the focus back to it. */}
        <button
          type="button"
          className="button button--primary button--large quick-note-bar__button"
          data-testid="quick-note-open"
          hidden={readonly}
          onClick={() => {
            setConfirmation('')
            setOpen(true)
          }}
        >
          <svg className="quick-note-bar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 4h16v11l-5 5H4z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            <path d="M15 20v-5h5M8 9h8M8 13h5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {confirmation ? t('quickNote.openAnother') : t('quickNote.open')}
        </button>
      </div>
      {open && (
        <Suspense fallback={null}>
          <QuickNoteSheet
            editor={editor}
            text={draftText}
            onTextChange={(text) => setDraft({ boardId: info.id, text })}
            onAdded={(shapeId, message) => {
              setOpen(false)
              setDraft({ boardId: info.id, text: '' })
              setConfirmation(message)
              // Once the sheet is gone and the canvas has its full size again.
              pendingShow.current = window.requestAnimationFrame(() => revealNote(editor, shapeId))
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  )
}
