/**
 * The page at `/b/<boardId>#token=…`: checks the link with the server, says
 * plainly when it is no good, and otherwise opens the board in the role the
 * link grants.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardEditor } from './BoardEditor.tsx'
import { BoardMessage } from './BoardMessage.tsx'
import { useBoardLink, useHashToken } from './useBoardLink.ts'

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation()
  const token = useHashToken()
  const { state, retry } = useBoardLink(boardId, token)

  useEffect(() => {
    document.title = state.status === 'ready' ? `${state.info.title} – ${t('app.name')}` : t('app.name')
  }, [state, t])

  switch (state.status) {
    case 'loading':
      return <BoardMessage kind="loading" title={t('board.loading')} />
    case 'invalid-link':
      return <BoardMessage kind="error" title={t('board.invalidLink')} hint={t('board.invalidLinkHint')} />
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
    case 'ready':
      // A new key per token: another link to the same board opens a fresh session.
      return <BoardEditor key={`${state.info.id}:${state.token}`} info={state.info} config={state.config} token={state.token} />
  }
}
