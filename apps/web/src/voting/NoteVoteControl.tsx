/**
 * The vote buttons on one note while a round is open: place a dot (+) and, once this person
 * has dots on the note, how many and take one back (−). Drawn over the canvas with the + on
 * the middle of the note's bottom edge, where it stays as the control grows to the left, so
 * that clicking twice places two dots. A press on it never reaches the canvas, so it neither
 * selects nor drags the note.
 */
import { useRef, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { noteLabel } from './noteLabel.ts'
import type { NoteOnScreen } from './useNotesOnScreen.ts'

interface NoteVoteControlProps {
  note: NoteOnScreen
  /** This person's dots on the note. */
  mine: number
  onChange: (delta: 1 | -1) => void
}

function stopCanvasPointer(event: PointerEvent) {
  event.stopPropagation()
}

export function NoteVoteControl({ note, mine, onChange }: NoteVoteControlProps) {
  const { t } = useTranslation()
  const addRef = useRef<HTMLButtonElement>(null)
  const label = noteLabel(note.text)
  const names = label
    ? { group: t('voting.note.group', { note: label }), add: t('voting.note.add', { note: label }), remove: t('voting.note.remove', { note: label }) }
    : { group: t('voting.note.groupEmpty'), add: t('voting.note.addEmpty'), remove: t('voting.note.removeEmpty') }
  return (
    <div
      className="vote-control"
      role="group"
      aria-label={names.group}
      data-mine={mine > 0}
      style={{ left: (note.left + note.right) / 2, top: note.bottom }}
      onPointerDown={stopCanvasPointer}
    >
      {mine > 0 && (
        <>
          <button
            type="button"
            className="vote-control__button"
            data-testid="vote-remove"
            data-shape-id={note.id}
            aria-label={names.remove}
            title={names.remove}
            onClick={() => {
              // The − goes with the last dot; the keyboard focus stays on the note's control.
              if (mine === 1) addRef.current?.focus()
              onChange(-1)
            }}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M3.5 8h9" />
            </svg>
          </button>
          <span className="vote-control__mine" data-testid="my-dots" data-shape-id={note.id} data-count={mine}>
            <span className="vote-control__dot" aria-hidden="true" />
            <span aria-hidden="true">{mine}</span>
            <span className="visually-hidden">{t('voting.note.mine', { count: mine })}</span>
          </span>
        </>
      )}
      <button
        ref={addRef}
        type="button"
        className="vote-control__button vote-control__button--add"
        data-testid="vote-add"
        data-shape-id={note.id}
        aria-label={names.add}
        title={names.add}
        onClick={() => onChange(1)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M3.5 8h9M8 3.5v9" />
        </svg>
      </button>
    </div>
  )
}
