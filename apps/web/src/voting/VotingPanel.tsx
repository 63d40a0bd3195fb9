/**
 * The open round at a glance: its question, what it covers, this person's dots left and how
 * many people have voted; facilitators see that out of how many present may vote ("5 von 12
 * haben abgestimmt", counts only) and end the round here ("Ergebnis zeigen", confirmed once).
 * Guests see the progress only.
 */
import type { VotingRound } from '@dorfplatz/board'
import { useId, useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { useConfirmSteps, type ConfirmStep } from '../components/useConfirmSteps.ts'
import { BALLOT_PROBLEM_KEYS } from './ballotProblem.ts'
import type { BallotView } from './useBallot.ts'

interface VotingPanelProps {
  round: VotingRound
  /** What the round covers, in words. */
  scopeName: string
  /** This person's ballot; null for guests, who do not vote. */
  ballot: BallotView | null
  /** Votable notes are in view but too small on screen for their buttons. */
  zoomInToVote: boolean
  /** Dots of this person on notes that have since been deleted. */
  dotsOnDeletedNotes: number
  onTakeBackFromDeletedNotes: () => void
  /** Ends the round; present for facilitators only. */
  onReveal?: () => Promise<void>
  /** For facilitators: how many people present may vote, the "12" of "5 von 12 haben abgestimmt". */
  votersOutOf?: number | undefined
  panelRef?: Ref<HTMLElement>
}

export function VotingPanel(props: VotingPanelProps) {
  const { t } = useTranslation()
  const id = useId()
  const { round, scopeName, ballot, zoomInToVote, dotsOnDeletedNotes, onTakeBackFromDeletedNotes, onReveal, votersOutOf, panelRef } = props
  // On a phone the panel would cover the notes; folded, it keeps only what is left to place.
  const [folded, setFolded] = useState(false)
  const remaining = ballot?.ballot?.remaining
  const foldName = folded ? t('voting.panel.unfold') : t('voting.panel.fold')
  return (
    <section
      ref={panelRef}
      className="voting-panel"
      data-testid="voting-panel"
      data-remaining={remaining}
      aria-labelledby={`${id}-title`}
    >
      <div className="voting-panel__header">
        <div className="voting-panel__heading">
          <p className="voting-panel__kicker">{t('voting.panel.running')}</p>
          <h2 id={`${id}-title`} className="voting-panel__title">
            {round.title}
          </h2>
        </div>
        <button
          type="button"
          className="voting-panel__close"
          data-testid="voting-panel-fold"
          aria-expanded={!folded}
          aria-controls={`${id}-details`}
          aria-label={foldName}
          title={foldName}
          onClick={() => setFolded((current) => !current)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={folded ? 'm4 6 4 4 4-4' : 'm4 10 4-4 4 4'} />
          </svg>
        </button>
      </div>

      {ballot && (
        <>
          <p className="voting-panel__remaining" aria-live="polite" data-testid="voting-remaining">
            {ballot.ballot
              ? t('voting.panel.remaining', { remaining: ballot.ballot.remaining, count: round.dotsPerPerson })
              : ballot.loading
                ? t('voting.panel.loading')
                : ''}
          </p>
          {ballot.ballot && <DotMeter total={round.dotsPerPerson} remaining={ballot.ballot.remaining} />}
          <BallotMessage ballot={ballot} total={round.dotsPerPerson} />
        </>
      )}

      {/* Hidden, not removed: a reveal waiting for its confirmation keeps its step. */}
      <div id={`${id}-details`} hidden={folded}>
        <p className="voting-panel__scope">{t('voting.panel.scope', { scope: scopeName })}</p>
        <p className="voting-panel__progress" data-testid="voting-progress">
          {votersOutOf === undefined
            ? t('voting.panel.voters', { count: round.voters })
            : t('voting.panel.votersOf', { count: round.voters, present: votersOutOf })}{' '}
          · {t('voting.panel.dotsCast', { count: round.dotsCast })}
        </p>
        <p className="voting-panel__hint">
          {!ballot ? t('voting.panel.guest') : zoomInToVote ? t('voting.panel.zoomIn') : t('voting.panel.howTo')}
        </p>
        {ballot && dotsOnDeletedNotes > 0 && (
          <p className="voting-panel__deleted">
            {t('voting.panel.deletedNotes', { count: dotsOnDeletedNotes })}{' '}
            <button type="button" className="button button--quiet button--small" onClick={onTakeBackFromDeletedNotes}>
              {t('voting.panel.takeBack')}
            </button>
          </p>
        )}
        {onReveal && <RevealAction onReveal={onReveal} />}
      </div>
    </section>
  )
}

/** One circle per dot of the budget, filled for each dot placed. */
function DotMeter({ total, remaining }: { total: number; remaining: number }) {
  return (
    <div className="dot-meter" aria-hidden="true">
      {Array.from({ length: total }, (_, index) => (
        <span key={index} className="dot-meter__dot" data-used={index < total - remaining} />
      ))}
    </div>
  )
}


/** What went wrong with the last dot, politely; always present so that screen readers hear it. */
function BallotMessage({ ballot, total }: { ballot: BallotView; total: number }) {
  const { t } = useTranslation()
  const { problem, problemCount, ballot: shown, loading, reload } = ballot
  const loadFailed = problem !== null && shown === null && !loading
  return (
    <div className="voting-panel__message" role="status" data-testid="voting-message">
      {problem && (
        // A new key per problem: the same message twice in a row is announced twice.
        <p key={problemCount} className="voting-panel__problem">
          {t(BALLOT_PROBLEM_KEYS[problem], { count: total })}
        </p>
      )}
      {loadFailed && (
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          {t('voting.panel.reload')}
        </button>
      )}
    </div>
  )
}

interface RevealState {
  step: ConfirmStep
  error?: string
}

/** "Ergebnis zeigen", confirmed once; the voting panel and the list view's round both offer it to facilitators. */
export function RevealAction({ onReveal }: { onReveal: () => Promise<void> }) {
  const { t } = useTranslation()
  const id = useId()
  const { state, go, startRef, confirmRef } = useConfirmSteps<RevealState>({ step: 'idle' })

  async function reveal() {
    if (state.step === 'rotating') return
    go({ step: 'rotating' })
    try {
      await onReveal()
      go({ step: 'done' })
    } catch (error) {
      const reason = apiErrorMessage(error, t, {
        401: t('voteStart.errorUnauthorized'),
        403: t('voting.reveal.errorForbidden'),
      })
      go({ step: 'failed', error: `${t('voting.reveal.errorPrefix')} ${reason}` })
    }
  }

  if (state.step === 'confirming' || state.step === 'rotating') {
    const busy = state.step === 'rotating'
    return (
      <div className="voting-panel__confirm" role="group" aria-labelledby={`${id}-warning`}>
        <p id={`${id}-warning`}>{t('voting.reveal.warning')}</p>
        <div className="voting-panel__actions">
          <button
            ref={confirmRef}
            type="button"
            className="button button--primary button--small"
            data-testid="reveal-confirm"
            aria-disabled={busy}
            onClick={() => void reveal()}
          >
            {busy ? t('voting.reveal.working') : t('voting.reveal.confirm')}
          </button>
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => go({ step: 'idle' })}>
            {t('voting.reveal.cancel')}
          </button>
        </div>
      </div>
    )
  }

  return (
    <div className="voting-panel__actions">
      <button
        ref={startRef}
        type="button"
        className="button button--primary button--small"
        data-testid="reveal-button"
        onClick={() => go({ step: 'confirming' })}
      >
        {t('voting.reveal.button')}
      </button>
      {state.step === 'failed' && (
        <p className="voting-panel__problem" role="alert">
          {state.error}
        </p>
      )}
    </div>
  )
}
