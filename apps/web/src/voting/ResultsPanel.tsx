/**
 * A revealed round's results: its notes ranked by dots, each one a way to the note on the
 * board, and a choice of the board's other rounds. Closable; the counts on the notes go with it.
 */
import type { VotingRound } from '@dorfplatz/board'
import { useEffect, useId, useMemo, useRef, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { rankResults } from './rankResults.ts'

interface ResultsPanelProps {
  round: VotingRound
  /** What the round covered, in words. */
  scopeName: string
  /** Every revealed round of the board, newest first. */
  revealed: readonly VotingRound[]
  /** Moves focus to the panel: for the person who just opened it or revealed its round. */
  focusOnOpen: boolean
  noteExists: (shapeId: string) => boolean
  onShowNote: (shapeId: string) => void
  onChooseRound: (roundId: string) => void
  onClose: () => void
  panelRef?: Ref<HTMLElement>
}

export function ResultsPanel(props: ResultsPanelProps) {
  const { round, scopeName, revealed, focusOnOpen, noteExists, onShowNote, onChooseRound, onClose, panelRef } = props
  const { t, i18n } = useTranslation()
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const ranked = useMemo(() => rankResults(round.results ?? []), [round.results])
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' })

  // Once: choosing another round in the panel must leave the focus on the choice. The answer to
  // "reveal" may come after the results arrived through sync, so `focusOnOpen` may turn true late.
  const focused = useRef(false)
  useEffect(() => {
    if (!focusOnOpen || focused.current) return
    focused.current = true
    headingRef.current?.focus()
  }, [focusOnOpen])

  return (
    <section ref={panelRef} className="voting-panel results-panel" data-testid="results-panel" aria-labelledby={`${id}-title`}>
      <div className="voting-panel__header">
        <h2 id={`${id}-title`} ref={headingRef} className="voting-panel__title" tabIndex={-1}>
          {t('voting.results.title', { title: round.title })}
        </h2>
        <button
          type="button"
          className="voting-panel__close"
          data-testid="results-close"
          aria-label={t('voting.results.close')}
          title={t('voting.results.close')}
          onClick={onClose}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="m4 4 8 8M12 4l-8 8" />
          </svg>
        </button>
      </div>
      <p className="voting-panel__scope">
        {t('voting.panel.scope', { scope: scopeName })} ·{' '}
        {t('voting.results.summary', {
          dots: t('voting.results.votes', { count: round.dotsCast }),
          voters: t('voting.results.voters', { count: round.voters }),
        })}
      </p>

      {ranked.length === 0 ? (
        <p className="results-panel__empty" data-testid="results-empty">
          {t('voting.results.empty')}
        </p>
      ) : (
        <ol className="results-list">
          {ranked.map((result) => {
            const text = result.text.trim() || t('voting.results.noText')
            const exists = noteExists(result.shapeId)
            return (
              <li
                key={result.shapeId}
                className="results-list__item"
                data-testid="results-item"
                data-shape-id={result.shapeId}
                data-votes={result.votes}
              >
                <span className="results-list__bar" style={{ width: `${result.ofTop * 100}%` }} aria-hidden="true" />
                <span className="results-list__rank">
                  <span aria-hidden="true">{result.rank}.</span>
                  <span className="visually-hidden">{t('voting.results.rank', { rank: result.rank })}</span>
                </span>
                {exists ? (
                  <button
                    type="button"
                    className="results-list__text results-list__show"
                    title={t('voting.results.showNote')}
                    onClick={() => onShowNote(result.shapeId)}
                  >
                    {text}
                    <span className="visually-hidden"> – {t('voting.results.showNote')}</span>
                  </button>
                ) : (
                  <span className="results-list__text">
                    {text} <span className="results-list__gone">{t('voting.results.deleted')}</span>
                  </span>
                )}
                <span className="results-list__votes">{t('voting.results.votes', { count: result.votes })}</span>
              </li>
            )
          })}
        </ol>
      )}

      {revealed.length > 1 && (
        <div className="results-panel__rounds">
          <label htmlFor={`${id}-rounds`}>{t('voting.results.rounds')}</label>
          <select
            id={`${id}-rounds`}
            data-testid="results-round-select"
            value={round.id}
            onChange={(event) => onChooseRound(event.target.value)}
          >
            {revealed.map((option) => (
              <option key={option.id} value={option.id}>
                {t('voting.results.roundOption', {
                  title: option.title,
                  date: dateFormat.format(option.revealedAt ?? option.openedAt),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  )
}
