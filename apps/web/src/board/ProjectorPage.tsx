/**
 * The projector view at `/b/<boardId>/projektor`, for the facilitator's second screen: the board
 * read-only and without any controls, following the facilitator's view (or the slides of a
 * presentation), with the timer and the
 * voting results large enough for the back of the room. It watches only: it never edits and is
 * nobody on the others' lists. Its token comes from the window that opened it (see
 * storage/projectorToken.ts) or from a link's `#token=`.
 */
import { MAX_ASSET_BYTES, type BoardInfo, type ClientConfig } from '@dorfplatz/protocol'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createUserId, Tldraw, type Editor, type TLComponents, type TLUserId } from 'tldraw'
import { usePresentingView } from '../session/usePresentingView.ts'
import { useProjectorFollow } from '../session/useProjectorFollow.ts'
import { PrivateRoundBanner } from '../privateRound/PrivateRoundBanner.tsx'
import { TimerDisplay } from '../session/TimerDisplay.tsx'
import { handedOverProjectorToken } from '../storage/projectorToken.ts'
import { CurrentUser, getCurrentUser } from '../user/currentUser.ts'
import { randomId } from '../user/randomId.ts'
import { ProjectorVoteCounts, ProjectorVotingPanel } from '../voting/ProjectorVoting.tsx'
import { BoardContext, type BoardContextValue } from '../kernel/BoardContext.ts'
import { LinkStateMessage } from './BoardPage.tsx'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import { ReadableNoteShapeUtil } from './ReadableNoteShapeUtil.ts'
import { readBoardToken } from './readBoardToken.ts'
import { SESSION_EXTENSIONS } from './sessionExtensions.ts'
import { showBoardOnOpen } from './showBoardOnOpen.ts'
import { tldrawAssetUrls } from '../kernel/tldrawAssetUrls.ts'
import { useBoardLink } from './useBoardLink.ts'
import { useBoardSession, useBoardSnapshot } from '../kernel/useBoardSession.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import './board.css'
import './projector.css'
// Last: Dorfplatz's rules are written to come before tldraw's, as they did in one stylesheet.
import 'tldraw/tldraw.css'

const components: TLComponents = { InFrontOfTheCanvas: ProjectorVoteCounts }
const shapeUtils = [ReadableNoteShapeUtil]
const nothing = () => undefined

export function ProjectorPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation()
  const [token] = useState(() => readBoardToken(window.location.hash) ?? handedOverProjectorToken(boardId))
  const { state, retry } = useBoardLink(boardId, token)

  useEffect(() => {
    document.title = state.status === 'ready' ? t('projector.documentTitle', { title: state.info.title }) : t('app.name')
  }, [state, t])

  if (state.status !== 'ready') {
    return <LinkStateMessage state={state} retry={retry} invalidLinkHint={token === null ? t('projector.noLinkHint') : undefined} />
  }
  return <ProjectorBoard key={`${state.info.id}:${state.token}`} info={state.info} config={state.config} token={state.token} />
}

interface ProjectorBoardProps {
  info: BoardInfo
  config: ClientConfig
  token: string
}

function ProjectorBoard({ info, config, token }: ProjectorBoardProps) {
  const { t } = useTranslation()
  // The wall is not a person: an id of its own (tldraw follows only others), remembered nowhere.
  const [user] = useState(() => new CurrentUser({ id: `projector-${randomId(8)}`, name: t('projector.name'), color: '#4d5b6b' }))
  const session = useBoardSession(info.id, token, info.role, user, { watchOnly: true, extensions: SESSION_EXTENSIONS })
  if (!session) return <LinkStateMessage state={{ status: 'loading' }} retry={nothing} />
  return <ProjectorView session={session} info={info} config={config} token={token} user={user} />
}

function ProjectorView({ session, info, config, token, user }: ProjectorBoardProps & { session: BoardSession; user: CurrentUser }) {
  const { t } = useTranslation()
  const snapshot = useBoardSnapshot(session)
  const [editor, setEditor] = useState<Editor | null>(null)
  const contextValue = useMemo<BoardContextValue>(
    () => ({
      info,
      token,
      session,
      user,
      editName: nothing,
      addTemplate: nothing,
      share: nothing,
      startVote: nothing,
      startPrivateRound: nothing,
      openStrategy: nothing,
      editNoteStep: nothing,
      openTimer: nothing,
      openRunSheet: nothing,
      openExport: nothing,
      openSnapshots: nothing,
      openHistory: nothing,
      openComments: nothing,
      openImport: nothing,
      openProjector: nothing,
      openDelete: nothing,
      openSaveTemplate: nothing,
      openManageTemplates: nothing,
      openCarryForward: nothing,
      // The wall has no screen reader and no list: nobody reads it up close.
      announce: nothing,
      listView: false,
      showListView: nothing,
    }),
    [info, token, session, user],
  )

  if (snapshot.phase === 'connecting') {
    return <LinkStateMessage state={{ status: 'loading' }} retry={nothing} />
  }

  return (
    <BoardContext.Provider value={contextValue}>
      <main className="board projector" aria-label={t('projector.label', { title: info.title })} data-testid="projector">
        {/* The voting docks beside the canvas, which then follows the facilitator in the room left. */}
        <div className="projector__canvas">
          <Tldraw
            store={session.store}
            user={user.tldrawUser}
            assetUrls={tldrawAssetUrls}
            components={components}
            shapeUtils={shapeUtils}
            hideUi
            licenseKey={config.tldrawLicenseKey || undefined}
            maxAssetSize={MAX_ASSET_BYTES}
            onMount={(mounted: Editor) => {
              mounted.updateInstanceState({ isReadonly: true })
              const stopOpening = showBoardOnOpen(mounted, session)
              setEditor(mounted)
              return () => {
                stopOpening()
                setEditor(null)
              }
            }}
          />
        </div>
        <ProjectorVotingPanel />
        {editor && <FollowLeader editor={editor} session={session} />}
        <div className="projector__corner">
          <TimerDisplay />
          <PrivateRoundBanner />
          {snapshot.connection !== 'connected' && <ConnectionIndicator />}
        </div>
      </main>
    </BoardContext.Provider>
  )
}

/**
 * What the wall shows: the current slide while a presentation runs, else the view of the presenter
 * while "Folgen lassen" runs, else the view of the facilitator of this browser.
 */
function FollowLeader({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { follow, presenting } = useFacilitation(session)
  const opener = useMemo(() => createUserId(getCurrentUser().identity.id), [])
  usePresentingView(editor, presenting)
  useProjectorFollow(editor, presenting ? null : follow ? (follow.userId as TLUserId) : opener)
  return null
}
