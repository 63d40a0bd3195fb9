/**
 * Dot voting on the board, drawn in front of tldraw's canvas (its `InFrontOfTheCanvas` slot):
 * while a round is open, the vote buttons on every note it covers and the voting panel; once
 * it is revealed, the counts on the notes and the ranked results. Everything here follows the
 * round in the board document, which only the server writes.
 */
import type { TemplateInstance, VotingRound } from '@dorfplatz/board'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { revealVotingRound } from '../api/facilitationApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { usePeers } from '../kernel/useBoardSession.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { takeBackFromMissingNotes } from './ballotState.ts'
import { loadClosedResults, rememberClosedResults } from './closedResults.ts'
import { makeRoomBeside } from './makeRoomBeside.ts'
import { NoteVoteControl } from './NoteVoteControl.tsx'
import { NoteVoteCount } from './NoteVoteCount.tsx'
import { ResultsPanel } from './ResultsPanel.tsx'
import { revealedRounds, roundToShow, type ResultsChoice } from './resultsSelection.ts'
import { showNote } from '../kernel/showNote.ts'
import { useBallot } from './useBallot.ts'
import { votersOutOf } from './eligibleVoters.ts'
import { useNotesOnScreen, useVotableNoteIds } from './useNotesOnScreen.ts'
import { useScopeName } from './useScopeName.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { VotingPanel } from './VotingPanel.tsx'
import './voting.css'

/** Below this width on screen a note is too small to carry its buttons without covering its neighbours. */
const MIN_NOTE_WIDTH_PX = 64

const NO_IDS: ReadonlySet<string> = new Set()

export function VotingCanvasLayer() {
  const { session } = useBoardContext()
  const { activeRound, rounds } = useFacilitation(session)
  const instances = useTemplateInstances(session)
  /** The round this person just revealed: its results take the focus. */
  const [revealedHere, setRevealedHere] = useState<string | null>(null)
  return (
    <>
      {activeRound ? (
        <OpenRound key={activeRound.id} round={activeRound} instances={instances} onRevealed={setRevealedHere} />
      ) : (
        <Results rounds={rounds} instances={instances} revealedHere={revealedHere} />
      )}
    </>
  )
}


interface OpenRoundProps {
  round: VotingRound
  instances: readonly TemplateInstance[]
  onRevealed: (roundId: string) => void
}

function OpenRound({ round, instances, onRevealed }: OpenRoundProps) {
  const editor = useEditor()
  const { info, token, session } = useBoardContext()
  const peers = usePeers(session)
  const votes = info.role !== 'viewer'
  const ballot = useBallot(info.id, token, votes ? round.id : null)
  const scopeName = useScopeName(round.scope, instances)
  const inScope = useVotableNoteIds(editor, round.scope, instances)
  const shown = ballot.ballot
  // A dot stays on a note that has left the round's zone since, and can be taken back there.
  const ids = useMemo(() => {
    if (!votes) return NO_IDS
    if (!shown) return inScope
    const withDots = new Set(inScope)
    for (const shapeId of Object.keys(shown.dots)) withDots.add(shapeId)
    return withDots
  }, [votes, shown, inScope])
  const notes = useNotesOnScreen(editor, ids)
  const readable = notes.filter((note) => note.right - note.left >= MIN_NOTE_WIDTH_PX)
  const panelRef = useRoomBesidePanel(editor, round.id, inScope)
  const takeBack = useValue(
    'dots on deleted notes',
    () => (shown ? takeBackFromMissingNotes(shown, (shapeId) => editor.getShape(shapeId as TLShapeId) !== undefined) : []),
    [editor, shown],
  )

  const reveal = async () => {
    try {
      await revealVotingRound(info.id, token, round.id)
    } catch (error) {
      // Someone else revealed it a moment earlier: the results are there all the same.
      if (!(error instanceof ApiRequestError && error.status === 409)) throw error
    }
    onRevealed(round.id)
  }

  // The panel comes first in the tab order: what the round is about, then the notes.
  return (
    <>
      <VotingPanel
        round={round}
        scopeName={scopeName}
        ballot={votes ? ballot : null}
        zoomInToVote={notes.length > 0 && readable.length === 0}
        dotsOnDeletedNotes={takeBack.length}
        onTakeBackFromDeletedNotes={() => takeBack.forEach((change) => ballot.change(change))}
        onReveal={info.role === 'facilitator' ? reveal : undefined}
        votersOutOf={info.role === 'facilitator' ? votersOutOf(round.voters, peers) : undefined}
        panelRef={panelRef}
      />
      {shown &&
        readable.map((note) => (
          <NoteVoteControl
            key={note.id}
            note={note}
            mine={shown.dots[note.id] ?? 0}
            onChange={(delta) => ballot.change({ shapeId: note.id, delta })}
          />
        ))}
    </>
  )
}

interface ResultsProps {
  rounds: readonly VotingRound[]
  instances: readonly TemplateInstance[]
  revealedHere: string | null
}

function Results({ rounds, instances, revealedHere }: ResultsProps) {
  const editor = useEditor()
  const { info } = useBoardContext()
  const [choice, setChoice] = useState<ResultsChoice>(() => ({ chosen: null, dismissedId: loadClosedResults(info.id) }))
  /** Whether the last thing this person did here opened or closed the panel: focus follows then. */
  const [focusFollows, setFocusFollows] = useState(false)
  const revealed = useMemo(() => revealedRounds(rounds), [rounds])
  const latest = revealed[0]
  const round = roundToShow(rounds, choice)
  const votes = useMemo(() => new Map((round?.results ?? []).map((result) => [result.shapeId, result.votes])), [round])
  const ids = useMemo(() => new Set([...votes].filter(([, count]) => count > 0).map(([shapeId]) => shapeId)), [votes])
  const notes = useNotesOnScreen(editor, ids)
  const noteExists = useNoteExists(editor, ids)
  const scopeName = useScopeName(round?.scope ?? { kind: 'all' }, instances)
  const panelRef = useRoomBesidePanel(editor, round?.id ?? null, ids)

  if (!latest) return null
  if (!round) {
    return (
      <ReopenResultsButton
        focusOnMount={focusFollows}
        onOpen={() => {
          setFocusFollows(true)
          setChoice((current) => ({ ...current, chosen: { roundId: latest.id, latestId: latest.id } }))
        }}
      />
    )
  }

  return (
    <>
      {notes.map((note) => (
        <NoteVoteCount key={note.id} note={note} votes={votes.get(note.id) ?? 0} />
      ))}
      <ResultsPanel
        round={round}
        scopeName={scopeName}
        revealed={revealed}
        focusOnOpen={focusFollows || round.id === revealedHere}
        noteExists={noteExists}
        onShowNote={(shapeId) => showNote(editor, shapeId)}
        onChooseRound={(roundId) => setChoice((current) => ({ ...current, chosen: { roundId, latestId: latest.id } }))}
        panelRef={panelRef}
        onClose={() => {
          rememberClosedResults(info.id, latest.id)
          setFocusFollows(true)
          setChoice({ chosen: null, dismissedId: latest.id })
        }}
      />
    </>
  )
}

/** A ref for a panel that, once per round it shows, moves the view so that the round's notes are beside it (see makeRoomBeside). */
function useRoomBesidePanel(editor: Editor, roundId: string | null, noteIds: ReadonlySet<string>) {
  const panelRef = useRef<HTMLElement>(null)
  const roomMadeFor = useRef<string | null>(null)
  useEffect(() => {
    if (!roundId || roomMadeFor.current === roundId || !panelRef.current) return
    roomMadeFor.current = roundId
    makeRoomBeside(editor, panelRef.current, noteIds)
  }, [editor, roundId, noteIds])
  return panelRef
}

/** Brings back the results after they were closed; the board's earlier rounds are chosen in there. */
function ReopenResultsButton({ focusOnMount, onOpen }: { focusOnMount: boolean; onOpen: () => void }) {
  const { t } = useTranslation()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const focusFirst = useRef(focusOnMount)
  useEffect(() => {
    if (focusFirst.current) buttonRef.current?.focus()
  }, [])
  return (
    <button
      ref={buttonRef}
      type="button"
      className="voting-reopen"
      data-testid="results-open"
      title={t('voting.results.openHint')}
      onClick={onOpen}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M3 13V8M8 13V3M13 13V6" />
      </svg>
      {t('voting.results.open')}
    </button>
  )
}

/** Which of `ids` are notes still on the board (on any page), reactive to deletions. */
function useNoteExists(editor: Editor, ids: ReadonlySet<string>): (shapeId: string) => boolean {
  const existing = useValue(
    'result notes on the board',
    () => [...ids].filter((shapeId) => editor.getShape(shapeId as TLShapeId) !== undefined).join('\n'),
    [editor, ids],
  )
  return useMemo(() => {
    const set = new Set(existing.split('\n'))
    return (shapeId: string) => set.has(shapeId)
  }, [existing])
}
