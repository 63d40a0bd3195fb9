/** The "Zuletzt geöffnet" list of the start page: boards this browser has opened, with their role. */
import { useTranslation } from 'react-i18next'
import { recentBoardHref, type RecentBoard } from '../storage/recentBoards.ts'

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
        {boards.map((board) => {
          const roleName = t(`roles.${board.role}`)
          return (
            <li key={`${board.id}-${board.role}`} className="recent__item" data-testid="recent-board">
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
        })}
      </ul>
    </section>
  )
}
