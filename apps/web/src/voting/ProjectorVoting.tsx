/**
 * Dot voting on the projector view, large and without controls: while a round is open, its
 * question and how many have voted (counts only, as on every screen); once revealed, the ranked
 * results beside the board and the counts on the notes. The results show until the facilitator
 * closes them in this browser (the projector window shares its storage), or a new round opens.
 *
 * Two parts: the panel (ProjectorVotingPanel) docks beside the canvas, so that it covers no
 * note; the counts (ProjectorVoteCounts) lie on the notes, in front of the canvas.
 */
import type { TemplateInstance, VotingRound } from '@dorfplatz/board'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditor } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { loadClosedResults } from './closedResults.ts'
import { NoteVoteCount } from './NoteVoteCount.tsx'
import { rankResults } from './rankResults.ts'
import { revealedRounds } from './resultsSelection.ts'
import { useNotesOnScreen } from './useNotesOnScreen.ts'
import { useScopeName } from './useScopeName.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import './voting.css'

/** Places on the wall: more would be too small to read from the back of the room. */
export const PROJECTOR_RESULT_ROWS = 8

/** The round whose results the facilitator closed last in this browser, following their other window. */
function useClosedResults(boardId: string): string | null {
  const [closed, setClosed] = useState(() => loadClosedResults(boardId))
  useEffect(() => {
    const onStorage = () => setClosed(loadClosedResults(boardId))
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [boardId])
  return closed
}

/** What the wall shows of the voting now: the open round, the latest results, or nothing. */
function useShownVoting(): { open: VotingRound | null; revealed: VotingRound | null } {
  const { info, session } = useBoardContext()
  const { activeRound, rounds } = useFacilitation(session)
  const closedId = useClosedResults(info.id)
  if (activeRound) return { open: activeRound, revealed: null }
  const latest = revealedRounds(rounds)[0]
  return { open: null, revealed: latest && latest.id !== closedId ? latest : null }
}

/** The panel beside the canvas; rendered outside tldraw. */
export function ProjectorVotingPanel() {
  const { session } = useBoardContext()
  const instances = useTemplateInstances(session)
  const { open, revealed } = useShownVoting()
  if (open) return <OpenRound round={open} instances={instances} />
  if (revealed) return <Results round={revealed} instances={instances} />
  return null
}

/** The counts on the notes of the results shown; tldraw's InFrontOfTheCanvas. */
export function ProjectorVoteCounts() {
  const { revealed } = useShownVoting()
  return revealed ? <Counts round={revealed} /> : null
}

function Counts({ round }: { round: VotingRound }) {
  const editor = useEditor()
  const votes = useMemo(() => new Map((round.results ?? []).filter((result) => result.votes > 0).map((result) => [result.shapeId, result.votes])), [round.results])
  const ids = useMemo(() => new Set(votes.keys()), [votes])
  const notes = useNotesOnScreen(editor, ids)
  return (
    <>
      {notes.map((note) => (
        <NoteVoteCount key={note.id} note={note} votes={votes.get(note.id) ?? 0} />
      ))}
    </>
  )
}

function OpenRound({ round, instances }: { round: VotingRound; instances: readonly TemplateInstance[] }) {
  const { t } = useTranslation()
  const scope = useScopeName(round.scope, instances)
  return (
    <section className="projector-voting" data-testid="projector-voting" aria-labelledby="projector-voting-title">
      <p className="projector-voting__kicker">{t('voting.panel.running')}</p>
      <h2 id="projector-voting-title" className="projector-voting__title">
        {round.title}
      </h2>
      <p className="projector-voting__scope">{t('voting.panel.scope', { scope })}</p>
      <p className="projector-voting__progress" data-testid="projector-voters">
        {t('voting.panel.voters', { count: round.voters })} · {t('voting.panel.dotsCast', { count: round.dotsCast })}
      </p>
    </section>
  )
}

function Results({ round, instances }: { round: VotingRound; instances: readonly TemplateInstance[] }) {
  const { t } = useTranslation()
  const scope = useScopeName(round.scope, instances)
  const ranked = useMemo(() => rankResults(round.results ?? []), [round.results])
  const shown = ranked.slice(0, PROJECTOR_RESULT_ROWS)
  return (
    <>
      <section className="projector-voting projector-results" data-testid="projector-results" aria-labelledby="projector-results-title">
        <h2 id="projector-results-title" className="projector-voting__title">
          {t('voting.results.title', { title: round.title })}
        </h2>
        <p className="projector-voting__scope">
          {t('voting.panel.scope', { scope })} ·{' '}
          {t('voting.results.summary', {
            dots: t('voting.results.votes', { count: round.dotsCast }),
            voters: t('voting.results.voters', { count: round.voters }),
          })}
        </p>
        {shown.length === 0 ? (
          <p>{t('voting.results.empty')}</p>
        ) : (
          <ol className="projector-results__list">
            {shown.map((result) => (
              <li key={result.shapeId} className="projector-results__item" data-testid="projector-result" data-votes={result.votes}>
                <span className="projector-results__bar" style={{ width: `${result.ofTop * 100}%` }} aria-hidden="true" />
                <span className="projector-results__rank">{result.rank}.</span>
                <span className="projector-results__text">{result.text.trim() || t('voting.results.noText')}</span>
                <span className="projector-results__votes">{t('voting.results.votes', { count: result.votes })}</span>
              </li>
            ))}
          </ol>
        )}
        {ranked.length > shown.length && (
          <p className="projector-results__more">{t('projector.moreResults', { count: ranked.length - shown.length })}</p>
        )}
      </section>
    </>
  )
}
