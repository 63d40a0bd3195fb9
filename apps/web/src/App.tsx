/**
 * The page the current path asks for, and the notice of a new version. Each page's
 * code loads only when its path is opened: the board page, with tldraw, so that the
 * start page opens quickly even on a slow line, and the start page, so that a board
 * link does not load it too.
 */
import { Suspense } from 'react'
import { lazyComponent } from './components/lazyComponent.ts'
import { useTranslation } from 'react-i18next'
import { readBoardToken } from './board/readBoardToken.ts'
import { checkBoardLinkEarly } from './board/useBoardLink.ts'
import { NewVersionNotice } from './components/NewVersionNotice.tsx'
import { NotFoundPage } from './components/NotFoundPage.tsx'
import { parseRoute } from './route.ts'

const loadStartPage = () => import('./start/StartPage.tsx')
const StartPage = lazyComponent(loadStartPage, 'StartPage')
const AccessibilityStatementPage = lazyComponent(() => import('./accessibility/AccessibilityStatementPage.tsx'), 'AccessibilityStatementPage')
const BoardPage = lazyComponent(() => import('./board/BoardPage.tsx'), 'BoardPage')
const ProjectorPage = lazyComponent(() => import('./board/ProjectorPage.tsx'), 'ProjectorPage')

const startRoute = parseRoute(window.location.pathname)
if (startRoute.page === 'board') checkBoardLinkEarly(startRoute.boardId, readBoardToken(window.location.hash))
// The start page's code is on its way while the entry's texts and React start.
if (startRoute.page === 'start') void loadStartPage()

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
      return (
        <Suspense fallback={null}>
          <StartPage />
        </Suspense>
      )
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
      return (
        <Suspense fallback={null}>
          <AccessibilityStatementPage />
        </Suspense>
      )
    case 'not-found':
      return <NotFoundPage />
  }
}
