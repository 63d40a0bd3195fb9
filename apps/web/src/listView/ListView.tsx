/**
 * "Listenansicht": the board as headings and lists, for people who work by keyboard or with a
 * screen reader instead of on the canvas. Each template (h2) with its zones (h3), each zone with
 * its notes (text, author, votes of the last revealed round, comments), then the notes outside
 * every zone; in reading order. Whoever may edit the canvas writes a note into a zone, edits,
 * moves and deletes notes here, in the same store, so everyone's canvas shows it at once; the
 * editor's read-only state (guests, a frozen board) makes the list read-only too. The page puts
 * the open round's voting in (`roundStatus`, `noteVote`), as it belongs to dot voting.
 */
import type { RecordAuthors, VotingRound } from '@dorfplatz/board'
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { useLanguage } from '../i18n/i18n.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { FREE_AREA } from '../kernel/notePlacement.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import type { BoardOutline, NoteOnBoard } from './boardOutline.ts'
import { ListNote, type NoteFacts } from './ListNote.tsx'
import { LIST_VIEW_ID } from './listViewId.ts'
import { NewNoteForm } from './NewNoteForm.tsx'
import { useBoardOutline } from './useBoardOutline.ts'
import { useNewNoteAnnouncements, type FocusedZone } from './useNewNoteAnnouncements.ts'
import { useCommentCounts, useNoteAuthors } from './useNoteFacts.ts'
import './listView.css'

/** Where the keyboard focus goes after the list rendered a change this person made. */
export type FocusRequest = { kind: 'note'; id: string } | { kind: 'zone'; value: string } | { kind: 'list' }

interface ListViewProps {
  editor: Editor
  /** The open voting round, above the templates. */
  roundStatus?: ReactNode
  /** A note's voting controls in the open round. */
  noteVote?: (note: NoteOnBoard) => ReactNode
  /** Whether the focus moves into the list when it appears (the skip link, the top bar's button). */
  focusOnOpen: boolean
}

/** The place names a move can go to, for the "Verschieben nach …" select. */
export interface PlaceGroup {
  name: string
  places: Array<{ value: string; name: string }>
}

function latestRevealed(rounds: readonly VotingRound[]): VotingRound | null {
  for (let index = rounds.length - 1; index >= 0; index--) if (rounds[index]!.status === 'revealed') return rounds[index]!
  return null
}

export function ListView({ editor, roundStatus, noteVote, focusOnOpen }: ListViewProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const titleId = useId()
  const { info, session, announce } = useBoardContext()
  const instances = useTemplateInstances(session)
  const outline = useBoardOutline(editor, instances, language)
  const authors = useNoteAuthors(session.doc)
  const comments = useCommentCounts(session.doc)
  const { activeRound, rounds, freeze } = useFacilitation(session)
  const readonly = useValue('dorfplatz.readonly', () => editor.getIsReadonly(), [editor])
  const containerRef = useRef<HTMLElement>(null)
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(focusOnOpen ? { kind: 'list' } : null)
  const [focusedZone, setFocusedZone] = useState<FocusedZone | null>(null)
  // The hidden canvas must not take keys meant for the list: Delete on a button here would
  // delete whatever was selected there. Nothing stays selected there, should it get them anyway.
  usePausedEditor(editor)
  useEffect(() => {
    editor.selectNone()
  }, [editor])

  const revealed = activeRound ? null : latestRevealed(rounds)
  const votes = useMemo(() => new Map((revealed?.results ?? []).map((result) => [result.shapeId, result.votes])), [revealed])

  const placeGroups = useMemo<PlaceGroup[]>(
    () => [
      ...outline.templates.map((template) => ({
        name: template.name,
        places: template.zones.map((zone) => ({ value: zone.value, name: zone.name })),
      })),
      { name: t('listView.others'), places: [{ value: FREE_AREA, name: t('listView.others') }] },
    ],
    [outline, t],
  )

  useNewNoteAnnouncements(editor, instances, focusedZone, (count, zone) => announce(t('listView.newNotes', { count, zone })))

  useLayoutEffect(() => {
    if (!focusRequest) return
    const container = containerRef.current
    if (!container) return
    const target =
      focusRequest.kind === 'list'
        ? container
        : focusRequest.kind === 'note'
          ? container.querySelector<HTMLElement>(`[data-note-text="${CSS.escape(focusRequest.id)}"]`)
          : container.querySelector<HTMLElement>(`[data-zone-heading="${CSS.escape(focusRequest.value)}"]`)
    target?.focus()
    setFocusRequest(null)
  }, [focusRequest, outline])

  const editable = !readonly
  const factsOf = (note: NoteOnBoard): NoteFacts => ({
    author: authorOf(authors.get(note.id)),
    votes: revealed ? (votes.get(note.id) ?? 0) : null,
    comments: comments.get(note.id) ?? 0,
  })

  function onFocus(event: FocusEvent<HTMLElement>) {
    const zone = (event.target as HTMLElement).closest<HTMLElement>('[data-zone]')
    const value = zone?.dataset.zone ?? null
    if (value === focusedZone?.value) return
    setFocusedZone(value && zone ? { value, name: zone.dataset.zoneName ?? '' } : null)
  }

  function onBlur(event: FocusEvent<HTMLElement>) {
    if (!containerRef.current?.contains(event.relatedTarget as Node | null)) setFocusedZone(null)
  }

  const renderNotes = (notes: readonly NoteOnBoard[], zoneValue: string) =>
    notes.length === 0 ? (
      <p className="list-view__empty">{t('listView.noNotes')}</p>
    ) : (
      <ul className="list-view__notes">
        {notes.map((note) => (
          <ListNote
            key={note.id}
            editor={editor}
            instances={instances}
            note={note}
            facts={factsOf(note)}
            zoneValue={zoneValue}
            placeGroups={placeGroups}
            editable={editable && !editor.isShapeOrAncestorLocked(note.id as TLShapeId)}
            vote={noteVote?.(note)}
            onFocusRequest={setFocusRequest}
          />
        ))}
      </ul>
    )

  return (
    <section
      ref={containerRef}
      id={LIST_VIEW_ID}
      className="list-view"
      data-testid="list-view"
      aria-labelledby={titleId}
      tabIndex={-1}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <div className="list-view__inner">
        <p id={titleId} className="list-view__title">
          {t('listView.title')}
        </p>
        <p className="list-view__intro">{t(readonly ? 'listView.introReadonly' : 'listView.intro')}</p>
        {readonly && info.role !== 'viewer' && (
          <p className="list-view__notice" data-testid="list-view-readonly">
            {freeze ? t('freeze.participantNotice') : t('listView.readonly')}
          </p>
        )}
        {roundStatus}
        {revealed && (
          <p className="list-view__result" data-testid="list-view-result">
            {t('listView.result', { title: revealed.title })}
          </p>
        )}
        <Outline outline={outline} renderNotes={renderNotes} editable={editable} editor={editor} />
      </div>
    </section>
  )
}

interface OutlineProps {
  outline: BoardOutline
  renderNotes: (notes: readonly NoteOnBoard[], zoneValue: string) => ReactNode
  editable: boolean
  editor: Editor
}

function Outline({ outline, renderNotes, editable, editor }: OutlineProps) {
  const { t } = useTranslation()
  const { session } = useBoardContext()
  const instances = useTemplateInstances(session)
  return (
    <>
      {outline.templates.map((template) => (
        <section key={template.instanceId} className="list-view__template" data-testid="list-template">
          <h2>{template.name}</h2>
          {template.zones.map((zone) => (
            <section key={zone.value} className="list-view__zone" data-zone={zone.value} data-zone-name={zone.name} data-testid="list-zone">
              <h3 tabIndex={-1} data-zone-heading={zone.value}>
                {zone.name}
                <span className="visually-hidden">{t('listView.noteCount', { count: zone.notes.length })}</span>
              </h3>
              {zone.hint && <p className="list-view__hint">{zone.hint}</p>}
              {renderNotes(zone.notes, zone.value)}
              {editable && (
                <NewNoteForm
                  editor={editor}
                  instances={instances}
                  place={zone.value}
                  placeName={zone.name}
                  templateName={template.name}
                />
              )}
            </section>
          ))}
        </section>
      ))}
      <section className="list-view__template" data-zone={FREE_AREA} data-zone-name={t('listView.others')} data-testid="list-others">
        <h2 tabIndex={-1} data-zone-heading={FREE_AREA}>
          {t('listView.others')}
        </h2>
        {renderNotes(outline.others, FREE_AREA)}
        {editable && (
          <NewNoteForm
            editor={editor}
            instances={instances}
            place={FREE_AREA}
            placeName={t('listView.others')}
            templateName={null}
          />
        )}
      </section>
    </>
  )
}

/** The person who wrote a note; null where the board does not know (written before authors were kept, or restored). */
function authorOf(entry: RecordAuthors | undefined): NoteFacts['author'] {
  return entry?.createdBy ?? null
}
