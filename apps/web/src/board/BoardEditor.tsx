/**
 * An open board: connects to it, waits for the browser's copy or the first complete sync, then
 * shows tldraw on the store with Dorfplatz's own top panels, dot voting and what changed since
 * the last visit, the name
 * dialog, the facilitators' template, share, vote, timer, export, versions, import and
 * carry-forward dialogs
 * (the board behind them ignores the keyboard while one is open), what the facilitator's
 * session controls do on everyone's screen (SessionOverlay), the phone's "Notiz schreiben"
 * (QuickNote), the list view instead of the canvas (with the skip link to it first on the page),
 * the page's one polite live region and, when the connection ends for good, why.
 */
import { readFacilitation } from '@dorfplatz/board'
import { boardPath, CloseCode, MAX_ASSET_BYTES, type BoardInfo, type ClientConfig } from '@dorfplatz/protocol'
import { instanceTemplateName, isTemplateId, type TemplateInstance } from '@dorfplatz/templates'
import { Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { lazyComponent } from '../components/lazyComponent.ts'
import { useTranslation } from 'react-i18next'
import type { RotatedLink } from '../api/apiClient.ts'
import { EmbedShapeUtil, Tldraw, useValue, type Editor, type TLComponents, type TLShapeId } from 'tldraw'
import { useLanguage } from '../i18n/i18n.ts'
import { projectorPath } from '../route.ts'
import { handOverProjectorToken } from '../storage/projectorToken.ts'
import { forgetToken, rememberBoard } from '../storage/recentBoards.ts'
import { getCurrentUser, type CurrentUser } from '../user/currentUser.ts'
import { currentMunicipality, setMunicipality } from '../user/municipality.ts'
import { BoardCanvasLayer } from './BoardCanvasLayer.tsx'
import { BoardContext, type BoardContextValue } from '../kernel/BoardContext.ts'
import { BoardContextMenu } from './BoardContextMenu.tsx'
import { BoardMainMenu } from './BoardMainMenu.tsx'
import { BoardMessage } from './BoardMessage.tsx'
import { BoardNavigationPanel } from './BoardNavigationPanel.tsx'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { BoardSharePanel } from './BoardSharePanel.tsx'
import { BoardTopPanel } from './BoardTopPanel.tsx'
import { SESSION_EXTENSIONS } from './sessionExtensions.ts'
import { showBoardOnOpen } from './showBoardOnOpen.ts'
import { NameDialog } from './NameDialog.tsx'
import { handlePastedLinks } from './pastedLinks.ts'
import { revealShapeWhenPresent } from './revealShapeWhenPresent.ts'
import { guardTemplateStructure } from './structureGuard.ts'
import { tldrawAssetUrls } from '../kernel/tldrawAssetUrls.ts'
import { useBoardSession, useBoardSnapshot } from '../kernel/useBoardSession.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { workshopComponents, workshopOverrides, workshopViewComponents } from './workshopUi.tsx'
import { useAnnouncer } from '../kernel/useAnnouncer.ts'
import { PrivateRoundBanner } from '../privateRound/PrivateRoundBanner.tsx'
import { QuickNote } from '../quickNote/QuickNote.tsx'
import { ReadableNoteShapeUtil } from './ReadableNoteShapeUtil.ts'
import { LIST_VIEW_ID } from '../listView/listViewId.ts'
import { SessionOverlay } from '../session/SessionOverlay.tsx'
import { HidableCursor } from '../cursors/HidableCursor.tsx'
import type { OwnTemplateSummary } from '../api/ownTemplatesApi.ts'
import { dropServerMarksOnCopies } from '../kernel/dropServerMarksOnCopies.ts'
import { commentsPanelOpen } from '../comments/commentsStore.ts'
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { loadAdminToken } from '../storage/adminSession.ts'
import './board.css'
// Last: Dorfplatz's rules are written to come before tldraw's, as they did in one stylesheet.
import 'tldraw/tldraw.css'

/*
 * What a participant does not need to see the board loads when first opened: the dialogs and the
 * list view. The service worker keeps their scripts, so they open offline too.
 */
const AddTemplateDialog = lazyComponent(() => import('./AddTemplateDialog.tsx'), 'AddTemplateDialog')
const ShareDialog = lazyComponent(() => import('./ShareDialog.tsx'), 'ShareDialog')
const ExportDialog = lazyComponent(() => import('../export/ExportDialog.tsx'), 'ExportDialog')
const StrategyDialog = lazyComponent(() => import('../strategy/StrategyDialog.tsx'), 'StrategyDialog')
const NoteStepDialog = lazyComponent(() => import('../strategy/NoteStepDialog.tsx'), 'NoteStepDialog')
const PrivateRoundDialog = lazyComponent(() => import('../privateRound/PrivateRoundDialog.tsx'), 'PrivateRoundDialog')
const TimerDialog = lazyComponent(() => import('../session/TimerDialog.tsx'), 'TimerDialog')
const RunSheetDialog = lazyComponent(() => import('../runSheet/RunSheetDialog.tsx'), 'RunSheetDialog')
const ImportDialog = lazyComponent(() => import('../snapshots/ImportDialog.tsx'), 'ImportDialog')
const DeleteBoardDialog = lazyComponent(() => import('./DeleteBoardDialog.tsx'), 'DeleteBoardDialog')
const ManageTemplatesDialog = lazyComponent(() => import('../ownTemplates/ManageTemplatesDialog.tsx'), 'ManageTemplatesDialog')
const SaveTemplateDialog = lazyComponent(() => import('../ownTemplates/SaveTemplateDialog.tsx'), 'SaveTemplateDialog')
const SnapshotsDialog = lazyComponent(() => import('../snapshots/SnapshotsDialog.tsx'), 'SnapshotsDialog')
const HistoryDialog = lazyComponent(() => import('../history/HistoryDialog.tsx'), 'HistoryDialog')
const CarryForwardDialog = lazyComponent(() => import('../series/CarryForwardDialog.tsx'), 'CarryForwardDialog')
const VoteStartDialog = lazyComponent(() => import('../voting/VoteStartDialog.tsx'), 'VoteStartDialog')
const TemplateOptions = lazyComponent(() => import('../templates/TemplateOptions.tsx'), 'TemplateOptions')
const BoardListView = lazyComponent(() => import('./BoardListView.tsx'), 'BoardListView')

// tldraw wants its component overrides stable; they read the board from BoardContext.
const components: TLComponents = {
  ...workshopComponents,
  TopPanel: BoardTopPanel,
  SharePanel: BoardSharePanel,
  InFrontOfTheCanvas: BoardCanvasLayer,
  MainMenu: BoardMainMenu,
  ContextMenu: BoardContextMenu,
  NavigationPanel: BoardNavigationPanel,
  CollaboratorCursor: HidableCursor,
}

/** A saved version opens read-only, only ever for facilitators, with tldraw's surface as on the board. */
const snapshotViewUi = { components: workshopViewComponents, overrides: workshopOverrides('facilitator') }

/**
 * tldraw's shapes, with notes whose text a long word does not shrink to illegible, and no site
 * embedded into a board, not even from a pasted address: embeds load other sites, and the
 * server refuses them.
 */
const shapeUtils = [ReadableNoteShapeUtil, EmbedShapeUtil.configure({ embedDefinitions: [] })]

/** Where this browser remembers that its person reads boards as a list. */
const LIST_VIEW_KEY = 'listView'

type CloseReasonKey = 'unauthorized' | 'forbidden' | 'notFound'

function closeReasonKey(code: number): CloseReasonKey {
  if (code === CloseCode.UNAUTHORIZED) return 'unauthorized'
  if (code === CloseCode.NO_SUCH_BOARD) return 'notFound'
  return 'forbidden'
}

interface BoardEditorProps {
  info: BoardInfo
  config: ClientConfig
  token: string
}

export function BoardEditor({ info, config, token }: BoardEditorProps) {
  const { t } = useTranslation()
  const user = getCurrentUser()
  const session = useBoardSession(info.id, token, info.role, user, { extensions: SESSION_EXTENSIONS })
  if (!session) return <BoardMessage kind="loading" title={t('board.loading')} />
  return <OpenBoard session={session} info={info} config={config} token={token} user={user} />
}

function OpenBoard({ session, info, config, token, user }: BoardEditorProps & { session: BoardSession; user: CurrentUser }) {
  const { t } = useTranslation()
  const snapshot = useBoardSnapshot(session)
  const needsName = useValue('needsName', () => user.needsName.get(), [user])
  // Guests only watch: they appear under the suggested name and may change it from
  // their own entry, but nothing stands between them and the board.
  const askForName = needsName && info.role !== 'viewer'
  const [editingName, setEditingName] = useState(false)
  const [addingTemplate, setAddingTemplate] = useState(false)
  const [sharing, setSharing] = useState(false)
  const [startingVote, setStartingVote] = useState(false)
  const [startingPrivateRound, setStartingPrivateRound] = useState(false)
  const [strategyOpen, setStrategyOpen] = useState(false)
  /** The note whose municipality and next step are being edited. */
  const [stepNoteId, setStepNoteId] = useState<string | null>(null)
  const [dismissedRefusalAt, setDismissedRefusalAt] = useState<number | null>(null)
  const [timerOpen, setTimerOpen] = useState(false)
  const [runSheetOpen, setRunSheetOpen] = useState(false)
  /** Which of the main menu's file dialogs is open. */
  const [fileDialog, setFileDialog] = useState<'export' | 'snapshots' | 'history' | 'import' | 'delete' | 'save-template' | 'manage-templates' | 'carryForward' | null>(null)
  /** The own template whose new version "Als Vorlage speichern" publishes, when opened from "Vorlagen verwalten". */
  const [templateForVersion, setTemplateForVersion] = useState<OwnTemplateSummary | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  /** The page's one polite live region: what changed on the board, on request or by others. */
  const { message: announcement, announce } = useAnnouncer()
  // A person who reads the board as a list does so on every board: the browser remembers it.
  const [listView, setListView] = useState(() => readLocal(LIST_VIEW_KEY) === true)
  /** Whether the list takes the focus when it appears: when asked for by keyboard or button, not on opening the page. */
  const [listFocus, setListFocus] = useState(false)
  const stopRevealRef = useRef<(() => void) | null>(null)
  const language = useLanguage()

  const contextValue = useMemo<BoardContextValue>(
    () => ({
      info,
      token,
      session,
      user,
      editName: () => setEditingName(true),
      addTemplate: () => setAddingTemplate(true),
      share: () => setSharing(true),
      startVote: () => setStartingVote(true),
      startPrivateRound: () => setStartingPrivateRound(true),
      openStrategy: () => setStrategyOpen(true),
      editNoteStep: (noteId: string) => setStepNoteId(noteId),
      openTimer: () => setTimerOpen(true),
      openRunSheet: () => setRunSheetOpen(true),
      announce,
      listView,
      showListView: (on: boolean, options?: { focus?: boolean }) => {
        writeLocal(LIST_VIEW_KEY, on)
        setListFocus(options?.focus ?? false)
        setListView(on)
      },
      openComments: (noteId: string) => {
        if (!editor) return
        editor.select(noteId as TLShapeId)
        commentsPanelOpen.set(true)
        // Once drawn: the panel takes the focus, so that the next Tab reaches its fields.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="comments-panel"]')?.focus())
      },
      openExport: () => setFileDialog('export'),
      openSnapshots: () => setFileDialog('snapshots'),
      openHistory: () => setFileDialog('history'),
      openImport: () => setFileDialog('import'),
      openDelete: () => setFileDialog('delete'),
      openSaveTemplate: () => {
        setTemplateForVersion(null)
        setFileDialog('save-template')
      },
      openManageTemplates: () => setFileDialog('manage-templates'),
      openCarryForward: () => setFileDialog('carryForward'),
      openProjector: () => {
        handOverProjectorToken(info.id, token)
        // Not noopener: the new window gets a copy of this one's sessionStorage, and with it the token.
        window.open(projectorPath(info.id), `dorfplatz-projector-${info.id}`)
      },
    }),
    [info, token, session, user, announce, listView, editor],
  )

  useEffect(() => () => stopRevealRef.current?.(), [])

  // While a dialog is open, Delete or Ctrl+Z pressed in it must not change the board behind it.
  const dialogOpen =
    editingName || addingTemplate || sharing || startingVote || startingPrivateRound || strategyOpen || stepNoteId !== null || timerOpen || runSheetOpen || fileDialog !== null
  usePausedEditor(dialogOpen ? editor : null)

  function onTemplateAdded(instance: TemplateInstance) {
    setAddingTemplate(false)
    const name = instanceTemplateName(instance)?.[language] ?? instance.templateId
    announce(t('addTemplate.added', { name }))
    // The frame arrives through sync a moment later; the camera follows it then.
    stopRevealRef.current?.()
    stopRevealRef.current = editor ? revealShapeWhenPresent(editor, instance.frameId as TLShapeId) : null
  }

  function onOwnLinkRotated(rotated: RotatedLink) {
    rememberBoard({ id: info.id, title: info.title, role: 'facilitator', token: rotated.token })
    // The server has just closed this page's socket (4401); only the fragment changes, so
    // BoardPage opens a fresh session with the new token, and the dead link leaves the history.
    window.location.replace(boardPath(info.id, rotated.token))
  }

  useEffect(() => {
    // A replaced link, or a deleted board: the start page no longer offers it.
    if (snapshot.fatalCloseCode === CloseCode.UNAUTHORIZED || snapshot.fatalCloseCode === CloseCode.NO_SUCH_BOARD) forgetToken(info.id, token)
  }, [snapshot.fatalCloseCode, info.id, token])

  if (snapshot.phase === 'connecting') {
    if (snapshot.fatalCloseCode !== null) {
      return <BoardMessage kind="error" title={t(`connection.closedReason.${closeReasonKey(snapshot.fatalCloseCode)}`)} />
    }
    // Without a network and without a copy in this browser there is nothing to show yet.
    return snapshot.connection === 'offline' ? (
      <BoardMessage kind="loading" title={t('connection.offline')} hint={t('board.offlineNoCopy')} />
    ) : (
      <BoardMessage kind="loading" title={t('board.loading')} />
    )
  }

  const { identity } = user
  // Where the operator keeps templates to the admin, the key this tab signed in with on the start page writes them.
  const templateToken = (config.adminTokenRequired ? loadAdminToken() : null) ?? token

  return (
    <BoardContext.Provider value={contextValue}>
      {/* First on the page: past the canvas and its toolbars, straight to the notes. */}
      {!listView && (
        <a
          className="list-view-skip-link"
          href={`#${LIST_VIEW_ID}`}
          data-testid="list-view-skip-link"
          onClick={(event) => {
            event.preventDefault()
            contextValue.showListView(true, { focus: true })
          }}
        >
          {t('listView.skipLink')}
        </a>
      )}
      <main className={listView ? 'board board--list' : 'board'} aria-label={t('board.title', { title: info.title })}>
        <Tldraw
          store={session.store}
          user={user.tldrawUser}
          assetUrls={tldrawAssetUrls}
          components={components}
          overrides={workshopOverrides(info.role)}
          shapeUtils={shapeUtils}
          licenseKey={config.tldrawLicenseKey || undefined}
          // Images travel inline in the document, so they must fit into one sync message.
          maxAssetSize={MAX_ASSET_BYTES}
          onMount={(mounted: Editor) => {
            // The store's collaboration mode already says so; this makes it hold from the first frame.
            if (info.role === 'viewer') mounted.updateInstanceState({ isReadonly: true })
            const stopFitting = showBoardOnOpen(mounted, session)
            // The server closes the socket of a participant who writes a template's structure.
            const stopGuard = info.role === 'facilitator' ? null : guardTemplateStructure(mounted)
            handlePastedLinks(mounted)
            const stopDroppingMarks = dropServerMarksOnCopies(mounted, () => readFacilitation(session.doc).privateRound?.id ?? null)
            setEditor(mounted)
            return () => {
              stopFitting()
              stopDroppingMarks()
              stopGuard?.()
              setEditor(null)
            }
          }}
        />
        {snapshot.fatalCloseCode !== null && (
          <div className="board-notice board-notice--error" role="alert" data-testid="board-error">
            <p>{t(`connection.closedReason.${closeReasonKey(snapshot.fatalCloseCode)}`)}</p>
            <a className="button button--secondary button--small" href="/">
              {t('app.backToStart')}
            </a>
          </div>
        )}
        {editor && listView && (
          <Suspense fallback={<LoadingNotice />}>
            <BoardListView editor={editor} focusOnOpen={listFocus} />
          </Suspense>
        )}
        {/* Before the session banners, which it moves up with a sibling selector. */}
        {editor && !listView && <QuickNote editor={editor} />}
        {editor && (
          <SessionOverlay editor={editor}>
            <PrivateRoundBanner />
          </SessionOverlay>
        )}
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="board-announcement">
          {announcement}
        </div>
        {snapshot.refusedChangeAt !== null && snapshot.refusedChangeAt !== dismissedRefusalAt && (
          <div className="board-notice" role="alert" data-testid="board-change-refused">
            <p>{t('board.changeRefused')}</p>
            <button type="button" className="button button--secondary button--small" onClick={() => setDismissedRefusalAt(snapshot.refusedChangeAt)}>
              {t('board.dismissNotice')}
            </button>
          </div>
        )}
        {snapshot.changesTooLarge && snapshot.fatalCloseCode === null && (
          <div className="board-notice" role="alert" data-testid="board-too-large">
            <p>{t('board.changesTooLarge')}</p>
          </div>
        )}
        {snapshot.phase === 'newer-schema' && snapshot.fatalCloseCode === null && (
          <div className="board-notice" role="alert" data-testid="board-notice">
            <p>{t('board.newerSchema')}</p>
            <button type="button" className="button button--secondary button--small" onClick={() => window.location.reload()}>
              {t('board.reload')}
            </button>
          </div>
        )}
      </main>
      {(askForName || editingName) && (
        <NameDialog
          initialName={identity.name}
          initialColor={identity.color}
          initialMunicipality={currentMunicipality.get()}
          firstVisit={needsName}
          onSubmit={(name, color, municipality) => {
            user.setIdentity(name, color)
            setMunicipality(municipality)
            setEditingName(false)
          }}
          onCancel={() => setEditingName(false)}
        />
      )}
      <Suspense fallback={<LoadingNotice />}>
        {addingTemplate && info.role === 'facilitator' && (
          <AddTemplateDialog
            boardId={info.id}
            token={token}
            onAdded={onTemplateAdded}
            onCancel={() => setAddingTemplate(false)}
          />
        )}
        {startingVote && info.role === 'facilitator' && (
          <VoteStartDialog
            boardId={info.id}
            token={token}
            session={session}
            // The voting panel appears, and is announced, once the round arrives through sync.
            onStarted={() => setStartingVote(false)}
            onCancel={() => setStartingVote(false)}
          />
        )}
        {startingPrivateRound && info.role === 'facilitator' && (
          <PrivateRoundDialog
            boardId={info.id}
            token={token}
            session={session}
            onStarted={() => setStartingPrivateRound(false)}
            onCancel={() => setStartingPrivateRound(false)}
          />
        )}
        {strategyOpen && <StrategyDialog boardId={info.id} token={token} onClose={() => setStrategyOpen(false)} />}
        {stepNoteId !== null && editor && info.role !== 'viewer' && (
          <NoteStepDialog editor={editor} noteId={stepNoteId} onClose={() => setStepNoteId(null)} />
        )}
        {timerOpen && info.role === 'facilitator' && (
          <TimerDialog boardId={info.id} token={token} session={session} onClose={() => setTimerOpen(false)} />
        )}
        {runSheetOpen && info.role === 'facilitator' && (
          <RunSheetDialog boardId={info.id} token={token} session={session} onClose={() => setRunSheetOpen(false)} />
        )}
        {fileDialog === 'export' && editor && info.role === 'facilitator' && (
          <ExportDialog
            editor={editor}
            boardId={info.id}
            boardTitle={info.title}
            token={token}
            timeZone={config.timeZone}
            onClose={() => setFileDialog(null)}
          />
        )}
        {fileDialog === 'snapshots' && info.role === 'facilitator' && (
          <SnapshotsDialog
            boardId={info.id}
            token={token}
            editor={editor}
            user={user}
            licenseKey={config.tldrawLicenseKey || undefined}
            viewUi={snapshotViewUi}
            onClose={() => setFileDialog(null)}
          />
        )}
        {fileDialog === 'history' && <HistoryDialog editor={editor} onClose={() => setFileDialog(null)} />}
        {fileDialog === 'import' && info.role === 'facilitator' && (
          <ImportDialog boardId={info.id} token={token} editor={editor} onClose={() => setFileDialog(null)} />
        )}
        {fileDialog === 'save-template' && info.role === 'facilitator' && (
          <SaveTemplateDialog
            boardId={info.id}
            token={templateToken}
            editor={editor}
            userName={identity.name}
            versionOf={templateForVersion}
            onClose={() => setFileDialog(null)}
          />
        )}
        {fileDialog === 'manage-templates' && info.role === 'facilitator' && (
          <ManageTemplatesDialog
            token={templateToken}
            onNewVersion={(template) => {
              setTemplateForVersion(template)
              setFileDialog('save-template')
            }}
            onClose={() => setFileDialog(null)}
          />
        )}
        {fileDialog === 'delete' && info.role === 'facilitator' && (
          <DeleteBoardDialog boardId={info.id} boardTitle={info.title} token={token} onClose={() => setFileDialog(null)} />
        )}
        {fileDialog === 'carryForward' && info.role === 'facilitator' && (
          <CarryForwardDialog
            boardId={info.id}
            boardTitle={info.title}
            token={token}
            session={session}
            adminTokenRequired={config.adminTokenRequired}
            // The built-in templates: the dialog offers their zones as targets.
            templateOptions={(choice) => (
              <TemplateOptions
                type="checkbox"
                isChosen={(id) => isTemplateId(id) && choice.isChosen(id)}
                onToggle={(id, chosen) => {
                  if (isTemplateId(id)) choice.onToggle(id, chosen)
                }}
              />
            )}
            onClose={() => setFileDialog(null)}
          />
        )}
        {sharing && info.role === 'facilitator' && (
          <ShareDialog
            boardId={info.id}
            token={token}
            onOwnLinkRotated={onOwnLinkRotated}
            onClose={() => setSharing(false)}
          />
        )}
      </Suspense>
    </BoardContext.Provider>
  )
}

/** While a dialog's or the list's script loads (once; afterwards it comes from the cache). */
function LoadingNotice() {
  const { t } = useTranslation()
  return (
    <p className="board-notice" role="status" data-testid="board-part-loading">
      {t('board.partLoading')}
    </p>
  )
}
