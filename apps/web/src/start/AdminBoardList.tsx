/**
 * "Alle Boards auf diesem Server", for a signed-in admin: every board with its
 * title and date. A board this browser knows opens with its stored link; for
 * any other the admin can replace the facilitation link and so get into it.
 */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { listBoards, type BoardSummary } from '../api/apiClient.ts'
import { recentBoardHref, type RecentBoard } from '../storage/recentBoards.ts'
import { RotateFacilitatorLink } from './RotateFacilitatorLink.tsx'

interface AdminBoardListProps {
  adminToken: string
  recentBoards: readonly RecentBoard[]
  /** The server no longer accepts the admin key. */
  onRejected: () => void
  /** A new facilitation link was stored in this browser. */
  onRemembered: () => void
}

type ListResult =
  | { status: 'loaded'; boards: BoardSummary[] }
  | { status: 'not-configured' }
  | { status: 'failed'; error: unknown }

/** The link this browser would open a board with: facilitation first, then participant, then guest. */
const ROLE_PREFERENCE = ['facilitator', 'participant', 'viewer'] as const

function storedEntry(boardId: string, recentBoards: readonly RecentBoard[]): RecentBoard | undefined {
  for (const role of ROLE_PREFERENCE) {
    const entry = recentBoards.find((board) => board.id === boardId && board.role === role)
    if (entry) return entry
  }
  return undefined
}

export function AdminBoardList({ adminToken, recentBoards, onRejected, onRemembered }: AdminBoardListProps) {
  const { t, i18n } = useTranslation()
  const [attempt, setAttempt] = useState(0)
  const request = `${adminToken}#${attempt}`
  const [result, setResult] = useState<{ request: string; result: ListResult } | null>(null)
  // Boards whose link was just replaced keep showing the new link, although it is now stored too.
  const [rotatedIds, setRotatedIds] = useState<ReadonlySet<string>>(() => new Set())
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' })

  useEffect(() => {
    let cancelled = false
    listBoards(adminToken).then(
      (boards) => !cancelled && setResult({ request, result: { status: 'loaded', boards } }),
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiRequestError && error.status === 401) return onRejected()
        const next: ListResult =
          error instanceof ApiRequestError && error.status === 404
            ? { status: 'not-configured' }
            : { status: 'failed', error }
        setResult({ request, result: next })
      },
    )
    return () => {
      cancelled = true
    }
  }, [adminToken, request, onRejected])

  const reload = useCallback(() => setAttempt((value) => value + 1), [])
  const current = result?.request === request ? result.result : null

  return (
    <section className="card admin-boards" aria-labelledby="admin-boards-heading" aria-busy={current === null}>
      <div className="admin-boards__header">
        <h2 id="admin-boards-heading">{t('admin.listHeading')}</h2>
        <button type="button" className="button button--quiet button--small" onClick={reload}>
          {t('admin.listReload')}
        </button>
      </div>
      <div role="status">
        {current === null && <p className="muted">{t('admin.listLoading')}</p>}
        {current?.status === 'not-configured' && <p className="muted">{t('admin.notConfigured')}</p>}
        {current?.status === 'loaded' && current.boards.length === 0 && <p className="muted">{t('admin.listEmpty')}</p>}
      </div>
      {current?.status === 'failed' && (
        <p className="form-error" role="alert">
          {t('admin.listErrorPrefix')} {apiErrorMessage(current.error, t)}
        </p>
      )}
      {current?.status === 'loaded' && current.boards.length > 0 && (
        <ul className="recent__list" data-testid="admin-board-list">
          {current.boards.map((board) => {
            const entry = storedEntry(board.id, recentBoards)
            const created = t('admin.createdAt', { date: dateFormat.format(new Date(board.createdAt)) })
            return (
              <li key={board.id} className="recent__item admin-board" data-testid="admin-board-item" data-board-id={board.id}>
                <div className="admin-board__row">
                  {entry ? (
                    <a className="recent__link" href={recentBoardHref(entry)}>
                      <span className="recent__title">{board.title}</span>
                      <span className="recent__meta">
                        <span className={`role-tag role-tag--${entry.role}`}>{t(`roles.${entry.role}`)}</span> {created}
                      </span>
                    </a>
                  ) : (
                    <div className="recent__link">
                      <span className="recent__title recent__title--plain">{board.title}</span>
                      <span className="recent__meta">
                        <span className="role-tag role-tag--none">{t('admin.noLink')}</span> {created}
                      </span>
                    </div>
                  )}
                </div>
                {(entry?.role !== 'facilitator' || rotatedIds.has(board.id)) && (
                  <RotateFacilitatorLink
                    board={board}
                    adminToken={adminToken}
                    onRejected={onRejected}
                    onRotated={() => {
                      setRotatedIds((previous) => new Set(previous).add(board.id))
                      onRemembered()
                    }}
                  />
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
