/**
 * The page at `/b/<boardId>#token=…`: checks the link with the server, says
 * plainly when it is no good, and otherwise opens the board in the role the
 * link grants.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardEditor } from './BoardEditor.tsx'
import { BoardMessage } from './BoardMessage.tsx'
import { useBoardLink, useHashToken, type LoadState } from './useBoardLink.ts'

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation()
  const token = useHashToken()
  const { state, retry } = useBoardLink(boardId, token)

  useEffect(() => {
    document.title = state.status === 'ready' ? `${state.info.title} – ${t('app.name')}` : t('app.name')
  }, [state, t])

  if (state.status !== 'ready') return <LinkStateMessage state={state} retry={retry} />
  // A new key per token: another link to the same board opens a fresh session.
  return <BoardEditor key={`${state.info.id}:${state.token}`} info={state.info} config={state.config} token={state.token} />
}

interface LinkStateMessageProps {
  state: Exclude<LoadState, { status: 'ready' }>
  retry: () => void
  /** What to do about a link that is no good, where the page knows better than the general hint. */
  invalidLinkHint?: string
}

/** The page for a board link that is not (yet) a board: loading, no good, no such board, no server. */
export function LinkStateMessage({ state, retry, invalidLinkHint }: LinkStateMessageProps) {
  const { t } = useTranslation()
  switch (state.status) {
    case 'loading':
      return <BoardMessage kind="loading" title={t('board.loading')} />
    case 'invalid-link':
      return <BoardMessage kind="error" title={t('board.invalidLink')} hint={invalidLinkHint ?? t('board.invalidLinkHint')} />
    case 'not-found':
      return <BoardMessage kind="error" title={t('board.notFound')} hint={t('board.notFoundHint')} />
    case 'unreachable':
    case 'failed':
      return (
        <BoardMessage
          kind="error"
          title={t('board.loadFailed')}
          hint={
            state.status === 'unreachable'
              ? t('errors.network')
              : state.message || t('errors.unexpected', { status: state.httpStatus })
          }
          actions={
            <button type="button" className="button button--primary" onClick={retry}>
              {t('app.retry')}
            </button>
          }
        />
      )
  }
}
