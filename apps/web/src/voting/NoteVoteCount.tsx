/**
 * A revealed round's count on one note: a badge at the note's top-right corner. Screen readers
 * skip it, as it would not say which note it belongs to; the results panel lists the same
 * counts with each note's text.
 */
import { useTranslation } from 'react-i18next'
import type { NoteOnScreen } from './useNotesOnScreen.ts'

export function NoteVoteCount({ note, votes }: { note: NoteOnScreen; votes: number }) {
  const { t } = useTranslation()
  return (
    <div
      className="vote-count"
      style={{ left: note.right, top: note.top }}
      title={t('voting.results.votes', { count: votes })}
      aria-hidden="true"
    >
      <span data-testid="vote-count" data-shape-id={note.id}>
        {votes}
      </span>
    </div>
  )
}
