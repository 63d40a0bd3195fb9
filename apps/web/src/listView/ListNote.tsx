/**
 * One note in the list view: its text and what is known about it, and for whoever may edit,
 * "Bearbeiten" (the text in a field), "Löschen" (asked once more) and "Verschieben nach …" (a
 * zone chosen, then moved by its button: a select that acted on every arrow key would move the
 * note at each step). The keyboard focus stays with the note through every step.
 */
import type { AuthorStamp, TemplateInstance } from '@dorfplatz/board'
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toRichText, type Editor, type TLShapeId } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { moveNoteToPlace } from '../kernel/notePlacement.ts'
import type { NoteOnBoard } from './boardOutline.ts'
import type { FocusRequest, PlaceGroup } from './ListView.tsx'

/** As long as the phone's sheet allows, so that a note written there can be edited here. */
export const MAX_NOTE_TEXT_LENGTH = 280

export interface NoteFacts {
  author: AuthorStamp | null
  /** Votes in the last revealed round; null while no round is revealed (or one is open). */
  votes: number | null
  comments: number
}

interface ListNoteProps {
  editor: Editor
  instances: readonly TemplateInstance[]
  note: NoteOnBoard
  facts: NoteFacts
  /** The zone the note is in, or FREE_AREA. */
  zoneValue: string
  placeGroups: readonly PlaceGroup[]
  editable: boolean
  vote: ReactNode
  onFocusRequest: (request: FocusRequest) => void
}

type Mode = 'view' | 'editing' | 'confirming-delete'

export function ListNote({ editor, instances, note, facts, zoneValue, placeGroups, editable, vote, onFocusRequest }: ListNoteProps) {
  const { t } = useTranslation()
  const id = useId()
  const { announce, openComments, editNoteStep } = useBoardContext()
  const [mode, setMode] = useState<Mode>('view')
  const [draft, setDraft] = useState(note.text)
  const [target, setTarget] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const editRef = useRef<HTMLButtonElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  const shapeId = note.id as TLShapeId

  const authorName = facts.author ? facts.author.name || t(`authors.unnamed.${facts.author.role}`) : null
  const facts_ = [
    authorName && t('listView.note.author', { name: authorName }),
    facts.votes !== null && t('listView.note.votes', { count: facts.votes }),
    facts.comments > 0 && t('listView.note.comments', { count: facts.comments }),
  ].filter((fact): fact is string => typeof fact === 'string')

  function startEditing() {
    setDraft(note.text)
    setProblem(null)
    setMode('editing')
  }

  function save(event: Pick<FormEvent, 'preventDefault'>) {
    event.preventDefault()
    if (!editor.getShape(shapeId) || editor.getIsReadonly()) return
    editor.run(() => {
      editor.markHistoryStoppingPoint('note edited in the list')
      editor.updateShape({ id: shapeId, type: 'note', props: { richText: toRichText(draft.trim()) } })
    })
    setMode('view')
    onFocusRequest({ kind: 'note', id: note.id })
  }

  function cancelEditing() {
    setMode('view')
    requestAnimationFrame(() => editRef.current?.focus())
  }

  function remove() {
    if (editor.getIsReadonly()) return
    editor.run(() => {
      editor.markHistoryStoppingPoint('note deleted in the list')
      editor.deleteShapes([shapeId])
    })
    announce(t('listView.note.deleted'))
    onFocusRequest({ kind: 'zone', value: zoneValue })
  }

  function move() {
    if (!target) {
      setProblem(t('listView.move.choose'))
      return
    }
    const placeName = placeGroups.flatMap((group) => group.places).find((place) => place.value === target)?.name ?? ''
    const result = moveNoteToPlace(editor, instances, shapeId, target)
    if (!result.ok) {
      setProblem(t(result.reason === 'place-covered' ? 'quickNote.placeCovered' : result.reason === 'place-gone' ? 'quickNote.placeGone' : 'listView.move.failed'))
      return
    }
    setProblem(null)
    setTarget('')
    announce(t('listView.move.done', { place: placeName }))
    onFocusRequest({ kind: 'note', id: note.id })
  }

  const label = note.text.replace(/\s+/g, ' ').trim() || t('listView.note.empty')

  return (
    <li className="list-note" data-testid="list-note" data-shape-id={note.id}>
      {mode === 'editing' ? (
        <form
          className="list-note__edit"
          onSubmit={save}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === 'Escape') {
              event.preventDefault()
              cancelEditing()
            }
          }}
        >
          <label htmlFor={`${id}-text`}>{t('listView.edit.label')}</label>
          <textarea
            id={`${id}-text`}
            data-testid="list-note-edit-text"
            value={draft}
            rows={3}
            maxLength={MAX_NOTE_TEXT_LENGTH}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save(event)
            }}
          />
          <div className="list-note__actions">
            <button type="submit" className="button button--primary button--small" data-testid="list-note-save">
              {t('listView.edit.save')}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={cancelEditing}>
              {t('listView.edit.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="list-note__text" tabIndex={-1} data-note-text={note.id} data-testid="list-note-text">
          {note.text || <span className="list-note__empty">{t('listView.note.empty')}</span>}
        </p>
      )}
      {facts_.length > 0 && (
        <p className="list-note__facts" data-testid="list-note-facts">
          {facts_.join(' · ')}
        </p>
      )}
      {vote}
      {mode === 'view' && (
        <button
          type="button"
          className="button button--secondary button--small list-note__comments"
          data-testid="list-note-comments"
          aria-label={t('listView.note.openComments', { note: label, count: facts.comments })}
          onClick={() => openComments(note.id)}
        >
          {t('listView.note.commentsButton', { count: facts.comments })}
        </button>
      )}
      {editable && mode === 'view' && (
        <div className="list-note__actions" role="group" aria-label={t('listView.note.actions', { note: label })}>
          <button ref={editRef} type="button" className="button button--secondary button--small" data-testid="list-note-edit" onClick={startEditing}>
            {t('listView.edit.button')}
          </button>
          <button type="button" className="button button--secondary button--small" data-testid="list-note-step" onClick={() => editNoteStep(note.id)}>
            {t('noteStep.button')}
          </button>
          <button
            ref={deleteRef}
            type="button"
            className="button button--secondary button--small"
            data-testid="list-note-delete"
            onClick={() => setMode('confirming-delete')}
          >
            {t('listView.delete.button')}
          </button>
          <span className="list-note__move">
            <label htmlFor={`${id}-move`}>{t('listView.move.label')}</label>
            <select
              id={`${id}-move`}
              data-testid="list-note-move-target"
              value={target}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(event) => {
                setTarget(event.target.value)
                setProblem(null)
              }}
            >
              <option value="">{t('listView.move.placeholder')}</option>
              {placeGroups.map((group) => (
                <optgroup key={group.name} label={group.name}>
                  {group.places
                    .filter((place) => place.value !== zoneValue)
                    .map((place) => (
                      <option key={place.value} value={place.value}>
                        {place.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <button type="button" className="button button--secondary button--small" data-testid="list-note-move" onClick={move}>
              {t('listView.move.button')}
            </button>
          </span>
        </div>
      )}
      {editable && mode === 'confirming-delete' && (
        <div className="list-note__confirm" role="group" aria-label={t('listView.delete.question', { note: label })}>
          <p>{t('listView.delete.question', { note: label })}</p>
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="list-note-delete-confirm"
            autoFocus
            onClick={remove}
          >
            {t('listView.delete.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setMode('view')
              requestAnimationFrame(() => deleteRef.current?.focus())
            }}
          >
            {t('listView.delete.cancel')}
          </button>
        </div>
      )}
      <p id={`${id}-problem`} className={problem ? 'field__error' : 'visually-hidden'} role="alert">
        {problem}
      </p>
    </li>
  )
}
