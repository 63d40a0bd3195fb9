/**
 * The page the current path asks for, and the notice of a new version. The board
 * page, with tldraw, is loaded only when needed, so the start page opens quickly
 * even on a slow line.
 */
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { readBoardToken } from './board/readBoardToken.ts'
import { checkBoardLinkEarly } from './board/useBoardLink.ts'
import { NewVersionNotice } from './components/NewVersionNotice.tsx'
import { NotFoundPage } from './components/NotFoundPage.tsx'
import { parseRoute } from './route.ts'
import { StartPage } from './start/StartPage.tsx'
import { AccessibilityStatementPage } from './accessibility/AccessibilityStatementPage.tsx'

const BoardPage = lazy(() => import('./board/BoardPage.tsx').then((module) => ({ default: module.BoardPage })))
const ProjectorPage = lazy(() => import('./board/ProjectorPage.tsx').then((module) => ({ default: module.ProjectorPage })))

const startRoute = parseRoute(window.location.pathname)
if (startRoute.page === 'board') checkBoardLinkEarly(startRoute.boardId, readBoardToken(window.location.hash))

export function App() {
  return (
    <>
      <Page />
      <NewVersionNotice />
    </>
  )
}

function Page() {
  const { t } = useTranslation()
  const route = parseRoute(window.location.pathname)
  switch (route.page) {
    case 'start':
      return <StartPage />
    case 'board':
      return (
        <Suspense
          fallback={
            <main className="board-status" role="status">
              {t('board.loading')}
            </main>
          }
        >
          <BoardPage boardId={route.boardId} />
        </Suspense>
      )
    case 'projector':
      return (
        <Suspense
          fallback={
            <main className="board-status" role="status">
              {t('board.loading')}
            </main>
          }
        >
          <ProjectorPage boardId={route.boardId} />
        </Suspense>
      )
    case 'accessibility':
      return <AccessibilityStatementPage />
    case 'not-found':
      return <NotFoundPage />
  }
}
