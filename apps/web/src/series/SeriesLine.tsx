/**
 * "Teil der Reihe „Digitale Kommune 2027“" below the board's title, with the boards before and
 * after it in the series. A neighbour is a link only when this browser has a link for it (from
 * the boards it opened); the series itself never hands out links.
 */
import type { BoardSeries, SeriesBoard } from '@dorfplatz/protocol'
import { useTranslation } from 'react-i18next'
import { knownBoardLink, recentBoardHref } from '../storage/recentBoards.ts'
import { useBoardSeries } from './useBoardSeries.ts'
import './series.css'

interface SeriesLineProps {
  boardId: string
  token: string
}

export function SeriesLine({ boardId, token }: SeriesLineProps) {
  const series = useBoardSeries(boardId, token)
  if (!series) return null
  return <SeriesNeighbours series={series} boardId={boardId} />
}

function SeriesNeighbours({ series, boardId }: { series: BoardSeries; boardId: string }) {
  const { t } = useTranslation()
  const index = series.boards.findIndex((board) => board.id === boardId)
  const previous = index > 0 ? series.boards[index - 1] : undefined
  const next = index >= 0 ? series.boards[index + 1] : undefined
  return (
    <nav className="series-line" aria-label={t('series.navLabel')} data-testid="series-line">
      <span className="series-line__name">{t('series.partOf', { name: series.name })}</span>
      {index >= 0 && (
        <span className="series-line__position">{t('series.position', { position: index + 1, count: series.boards.length })}</span>
      )}
      {previous && <Neighbour board={previous} direction="previous" />}
      {next && <Neighbour board={next} direction="next" />}
    </nav>
  )
}

function Neighbour({ board, direction }: { board: SeriesBoard; direction: 'previous' | 'next' }) {
  const { t } = useTranslation()
  const known = knownBoardLink(board.id)
  const label = t(direction === 'previous' ? 'series.previous' : 'series.next', { title: board.title })
  const text = direction === 'previous' ? `‹ ${board.title}` : `${board.title} ›`
  return known ? (
    <a className="series-line__neighbour" href={recentBoardHref(known)} aria-label={label} title={label} data-testid={`series-${direction}`}>
      {text}
    </a>
  ) : (
    <span className="series-line__neighbour series-line__neighbour--unknown" title={t('series.noLink')} data-testid={`series-${direction}`}>
      {text}
    </span>
  )
}
