/**
 * The "Zuletzt geöffnet" list of the start page: boards this browser has opened, with their role;
 * the boards of one series together under its name, in the series' order, where the series'
 * newest opened board would stand.
 */
import { useTranslation } from 'react-i18next'
import { recentBoardHref, type RecentBoard } from '../storage/recentBoards.ts'

type RecentGroup = { kind: 'board'; board: RecentBoard } | { kind: 'series'; id: string; name: string; boards: RecentBoard[] }

/** The list in its order (newest first), each series' boards gathered where its first one stands. */
export function groupBySeries(boards: readonly RecentBoard[]): RecentGroup[] {
  const groups: RecentGroup[] = []
  const bySeries = new Map<string, Extract<RecentGroup, { kind: 'series' }>>()
  for (const board of boards) {
    if (!board.series) {
      groups.push({ kind: 'board', board })
      continue
    }
    let group = bySeries.get(board.series.id)
    if (!group) {
      group = { kind: 'series', id: board.series.id, name: board.series.name, boards: [] }
      bySeries.set(board.series.id, group)
      groups.push(group)
    }
    group.boards.push(board)
  }
  for (const group of bySeries.values()) group.boards.sort((a, b) => a.series!.position - b.series!.position)
  return groups
}

interface RecentBoardsProps {
  boards: readonly RecentBoard[]
  onForget: (board: RecentBoard) => void
}

export function RecentBoards({ boards, onForget }: RecentBoardsProps) {
  const { t, i18n } = useTranslation()
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' })

  if (boards.length === 0) return null

  return (
    <section className="card recent" aria-labelledby="recent-heading" data-testid="recent-boards">
      <h2 id="recent-heading">{t('recent.heading')}</h2>
      <ul className="recent__list">
        {groupBySeries(boards).map((group) =>
          group.kind === 'board' ? (
            <RecentBoardItem key={`${group.board.id}-${group.board.role}`} board={group.board} dateFormat={dateFormat} onForget={onForget} />
          ) : (
            <li key={group.id} className="recent__series" data-testid="recent-series">
              <h3 className="recent__series-name">{t('series.lobbyGroup', { name: group.name })}</h3>
              <ul className="recent__list">
                {group.boards.map((board) => (
                  <RecentBoardItem key={`${board.id}-${board.role}`} board={board} dateFormat={dateFormat} onForget={onForget} />
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </section>
  )
}

function RecentBoardItem({ board, dateFormat, onForget }: { board: RecentBoard; dateFormat: Intl.DateTimeFormat; onForget: (board: RecentBoard) => void }) {
  const { t } = useTranslation()
  const roleName = t(`roles.${board.role}`)
  return (
    <li className="recent__item" data-testid="recent-board">
      <a className="recent__link" href={recentBoardHref(board)}>
        <span className="recent__title">{board.title}</span>
        <span className="recent__meta">
          <span className={`role-tag role-tag--${board.role}`}>{roleName}</span>{' '}
          {t('recent.openedAt', { date: dateFormat.format(board.lastOpenedAt) })}
        </span>
      </a>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={t('recent.removeLabel', { title: board.title, role: roleName })}
        onClick={() => onForget(board)}
      >
        {t('recent.remove')}
      </button>
    </li>
  )
}
