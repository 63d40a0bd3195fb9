/**
 * Dot voting in the list view: the open round at a glance (its question, what it covers, how
 * many voted, this person's dots left, what went wrong with the last one, for facilitators
 * "Ergebnis zeigen") and, on each note the round covers,
 * buttons that place a dot and take one back. One ballot for the whole list (useBallot, the
 * same requests as on the canvas, so the server holds the budget); the page shows the list
 * instead of the canvas's voting layer, never both, so two ballots never disagree.
 */
import type { VotingRound } from '@dorfplatz/board'
import { createContext, useContext, useId, useMemo, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { revealVotingRound } from '../api/facilitationApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { BALLOT_PROBLEM_KEYS } from './ballotProblem.ts'
import { noteLabel } from './noteLabel.ts'
import { useBallot, type BallotView } from './useBallot.ts'
import { useVotableNoteIds } from './useNotesOnScreen.ts'
import { useScopeName } from './useScopeName.ts'
import { RevealAction } from './VotingPanel.tsx'
import './voting.css'

interface ListBallot {
  round: VotingRound
  /** Null for guests, who do not vote. */
  ballot: BallotView | null
  inScope: ReadonlySet<string>
}

const ListBallotContext = createContext<ListBallot | null>(null)

const ALL_NOTES = { kind: 'all' } as const

/** Holds this person's ballot of the open round, if any, for the list inside it. */
export function ListVotingProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  const { info, token, session } = useBoardContext()
  const { activeRound } = useFacilitation(session)
  const instances = useTemplateInstances(session)
  const votes = info.role !== 'viewer'
  const ballot = useBallot(info.id, token, votes && activeRound ? activeRound.id : null)
  const inScope = useVotableNoteIds(editor, activeRound?.scope ?? ALL_NOTES, instances)
  const value = useMemo<ListBallot | null>(
    () => (activeRound ? { round: activeRound, ballot: votes ? ballot : null, inScope } : null),
    [activeRound, votes, ballot, inScope],
  )
  return <ListBallotContext.Provider value={value}>{children}</ListBallotContext.Provider>
}


/** The open round, above the list's templates; nothing while no round is open. */
export function ListRoundStatus() {
  const { t } = useTranslation()
  const id = useId()
  const { info, token, session } = useBoardContext()
  const instances = useTemplateInstances(session)
  const current = useContext(ListBallotContext)
  const scopeName = useScopeName(current?.round.scope ?? ALL_NOTES, instances)
  if (!current) return null
  const { round, ballot } = current
  const shown = ballot?.ballot
  return (
    <section className="list-round" data-testid="list-round" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="list-round__title">
        {t('listView.round.title', { title: round.title })}
      </h2>
      <p>{t('voting.panel.scope', { scope: scopeName })}</p>
      <p data-testid="list-round-progress">
        {t('voting.panel.voters', { count: round.voters })} · {t('voting.panel.dotsCast', { count: round.dotsCast })}
      </p>
      {ballot ? (
        <>
          <p data-testid="list-round-remaining">
            {shown
              ? t('voting.panel.remaining', { remaining: shown.remaining, count: round.dotsPerPerson })
              : ballot.loading
                ? t('voting.panel.loading')
                : ''}
          </p>
          <p>{t('listView.round.howTo')}</p>
          {/* Always there, so that a problem is heard when it appears. */}
          <div role="status" data-testid="list-round-message">
            {ballot.problem && <p key={ballot.problemCount}>{t(BALLOT_PROBLEM_KEYS[ballot.problem], { count: round.dotsPerPerson })}</p>}
          </div>
        </>
      ) : (
        <p>{t('voting.panel.guest')}</p>
      )}
      {info.role === 'facilitator' && (
        <RevealAction
          onReveal={async () => {
            try {
              await revealVotingRound(info.id, token, round.id)
            } catch (error) {
              // Someone else revealed it a moment earlier: the results are there all the same.
              if (!(error instanceof ApiRequestError && error.status === 409)) throw error
            }
          }}
        />
      )}
    </section>
  )
}

/** A note's dots in the open round: how many of this person's are on it, place one, take one back. */
export function ListNoteVote({ noteId, text }: { noteId: string; text: string }) {
  const { t } = useTranslation()
  const current = useContext(ListBallotContext)
  const addRef = useRef<HTMLButtonElement>(null)
  const shown = current?.ballot?.ballot
  if (!current?.ballot || !shown) return null
  const mine = shown.dots[noteId] ?? 0
  // A dot stays on a note that has left the round's zone since, and can be taken back there.
  if (!current.inScope.has(noteId) && mine === 0) return null
  const { ballot } = current
  const label = noteLabel(text)
  // The group names the note; the buttons keep their visible words as their names.
  const group = label ? t('voting.note.group', { note: label }) : t('voting.note.groupEmpty')
  return (
    <div className="list-vote" role="group" aria-label={group} data-testid="list-vote" data-shape-id={noteId}>
      <span className="list-vote__mine" data-testid="list-my-dots" data-count={mine}>
        {t('voting.note.mine', { count: mine })}
      </span>
      <button
        ref={addRef}
        type="button"
        className="button button--secondary button--small"
        data-testid="list-vote-add"
        onClick={() => ballot.change({ shapeId: noteId, delta: 1 })}
      >
        {t('listView.vote.add')}
      </button>
      {mine > 0 && (
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="list-vote-remove"
          onClick={() => {
            // The button goes with the last dot; the keyboard focus stays on the note's votes.
            if (mine === 1) addRef.current?.focus()
            ballot.change({ shapeId: noteId, delta: -1 })
          }}
        >
          {t('listView.vote.remove')}
        </button>
      )}
    </div>
  )
}
