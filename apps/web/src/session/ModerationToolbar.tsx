/**
 * The facilitator's session controls, in one compact bar below the board's top panel:
 * Timer, "Alle zu mir", "Folgen lassen", "Präsentieren" (with its own controls below the bar while
 * it runs), "Board anhalten", "Abstimmung" and, where the page has
 * templates, "Vorlagen entsperren"/"sperren"; then what the board gives back: "Exportieren",
 * "Versionen" and the "Projektor" view for a second screen. The session requests go to the
 * server, which writes the session state; every client (this one too) sees the effect through
 * sync. Locking is an ordinary edit of the template's shapes, which the server accepts only
 * from facilitators.
 */
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isStructureShape } from '@dorfplatz/templates'
import { createUserId, useEditor, useValue, type Editor } from 'tldraw'
import {
  freezeBoard,
  releaseBoard,
  startFollowMe,
  startPresenting,
  stopFollowMe,
  stopPresenting,
  summonEveryone,
} from '../api/facilitationApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import {
  DotsIcon,
  ExportIcon,
  EyeIcon,
  LockIcon,
  PauseIcon,
  PlayIcon,
  PrivateIcon,
  ProjectorIcon,
  SessionIcon,
  SlidesIcon,
  SummonIcon,
  TimerIcon,
  VersionsIcon,
} from './sessionIcons.tsx'
import { PresentingControls } from './PresentingControls.tsx'
import { currentPageSlides } from './slides.ts'
import { displayName, useSessionCommand } from './useSessionCommand.ts'
import './session.css'

/** The template structure on the current page: none, all of it locked, or some of it unlocked. */
function templateLock(editor: Editor): 'none' | 'locked' | 'unlocked' {
  const structure = editor.getCurrentPageShapes().filter(isStructureShape)
  if (structure.length === 0) return 'none'
  return structure.every((shape) => shape.isLocked) ? 'locked' : 'unlocked'
}

/** Whether the current page has a frame to present (a template's or a hand-drawn one, not inside another). */
function pageHasFrames(editor: Editor): boolean {
  const pageId = editor.getCurrentPageId()
  return editor.getCurrentPageShapes().some((shape) => shape.type === 'frame' && shape.parentId === pageId)
}

interface ModerationToolbarProps {
  /** What the page puts first in the bar: the run-sheet's "Ablauf" and "Nächster Schritt". */
  leading?: ReactNode
}

export function ModerationToolbar({ leading }: ModerationToolbarProps) {
  const { t } = useTranslation()
  const editor = useEditor()
  const { info, token, session, user, openTimer, startVote, startPrivateRound, openExport, openSnapshots, openProjector } = useBoardContext()
  const facilitation = useFacilitation(session)
  const self = useValue('dorfplatz.self', () => user.preferences.get(), [user])
  const selfUserId = createUserId(self.id)
  const name = displayName(self.name ?? '')
  const command = useSessionCommand()
  const { busy, error, run } = command

  const lock = useValue('dorfplatz.templateLock', () => templateLock(editor), [editor])
  const presenting = facilitation.follow?.userId === selfUserId
  const frozen = facilitation.freeze !== null
  const slideShow = facilitation.presenting
  const hasFrames = useValue('dorfplatz.pageHasFrames', () => pageHasFrames(editor), [editor])
  /** Shown after a click on "Präsentieren" on a page without frames, until the page gets one. */
  const [noFramesAsked, setNoFramesAsked] = useState(false)

  function summon() {
    const { x, y, w, h } = editor.getViewportPageBounds()
    void run('summon', t('summon.errorPrefix'), () =>
      summonEveryone(info.id, token, { pageId: editor.getCurrentPageId(), bounds: { x, y, w, h }, userId: selfUserId, name }),
    )
  }

  function toggleFollow() {
    void run('follow', t('follow.errorPrefix'), () =>
      presenting ? stopFollowMe(info.id, token) : startFollowMe(info.id, token, { userId: selfUserId, name }),
    )
  }

  function togglePresenting() {
    if (slideShow) {
      void run('presenting', t('presenting.errorPrefix'), () => stopPresenting(info.id, token))
      return
    }
    const slides = currentPageSlides(editor)
    if (slides.length === 0) {
      setNoFramesAsked(true)
      return
    }
    setNoFramesAsked(false)
    void run('presenting', t('presenting.errorPrefix'), () =>
      startPresenting(info.id, token, { pageId: editor.getCurrentPageId(), slides, name }),
    )
  }

  function toggleFreeze() {
    void run('freeze', t('freeze.errorPrefix'), () =>
      frozen ? releaseBoard(info.id, token) : freezeBoard(info.id, token, { name }),
    )
  }

  /** Unlocks every template part on the page when all are locked, and locks them all otherwise. */
  function toggleTemplateLock() {
    editor.toggleLock(editor.getCurrentPageShapes().filter(isStructureShape))
  }

  return (
    <div className="moderation">
      <div className="moderation__bar" role="group" aria-label={t('moderation.label')} data-testid="moderation-toolbar">
        <span className="moderation__label" aria-hidden="true">
          {t('moderation.label')}
        </span>
        {leading}
        <ModerationButton testId="timer-button" text={t('timer.button')} hint={t('timer.buttonHint')} hasPopup onClick={openTimer}>
          <TimerIcon />
        </ModerationButton>
        <ModerationButton
          testId="summon-button"
          text={t('summon.button')}
          hint={t('summon.buttonHint')}
          busy={busy === 'summon'}
          onClick={summon}
        >
          <SummonIcon />
        </ModerationButton>
        <ModerationButton
          testId="follow-button"
          text={presenting ? t('follow.stop') : t('follow.start')}
          hint={presenting ? t('follow.stopHint') : t('follow.startHint')}
          active={presenting}
          busy={busy === 'follow'}
          onClick={toggleFollow}
        >
          <EyeIcon />
        </ModerationButton>
        <ModerationButton
          testId="presenting-button"
          text={slideShow ? t('presenting.stop') : t('presenting.start')}
          hint={slideShow ? t('presenting.stopHint') : hasFrames ? t('presenting.startHint') : t('presenting.noFrames')}
          active={slideShow !== null}
          busy={busy === 'presenting'}
          onClick={togglePresenting}
        >
          <SlidesIcon />
        </ModerationButton>
        <ModerationButton
          testId="freeze-button"
          text={frozen ? t('freeze.stop') : t('freeze.start')}
          hint={frozen ? t('freeze.stopHint') : t('freeze.startHint')}
          active={frozen}
          busy={busy === 'freeze'}
          onClick={toggleFreeze}
        >
          {/* The icon shows what the button does next, like its text. */}
          {frozen ? <PlayIcon /> : <PauseIcon />}
        </ModerationButton>
        <ModerationButton
          testId="private-round-button"
          text={t('privateRound.button')}
          hint={t('privateRound.buttonHint')}
          hasPopup
          onClick={startPrivateRound}
        >
          <PrivateIcon />
        </ModerationButton>
        <ModerationButton
          testId="vote-start-button"
          text={t('voteStart.button')}
          hint={t('voteStart.buttonHint')}
          hasPopup
          onClick={startVote}
        >
          <DotsIcon />
        </ModerationButton>
        {lock !== 'none' && (
          <ModerationButton
            testId="template-lock-button"
            text={lock === 'locked' ? t('templateLock.unlock') : t('templateLock.lock')}
            hint={lock === 'locked' ? t('templateLock.unlockHint') : t('templateLock.lockHint')}
            active={lock === 'unlocked'}
            tier="board"
            onClick={toggleTemplateLock}
          >
            <LockIcon open={lock === 'unlocked'} />
          </ModerationButton>
        )}
        <span className="moderation__separator" aria-hidden="true" />
        <ModerationButton
          testId="export-button"
          text={t('moderation.export')}
          hint={t('moderation.exportHint')}
          tier="board"
          hasPopup
          onClick={openExport}
        >
          <ExportIcon />
        </ModerationButton>
        <ModerationButton
          testId="snapshots-button"
          text={t('moderation.snapshots')}
          hint={t('moderation.snapshotsHint')}
          tier="board"
          hasPopup
          onClick={openSnapshots}
        >
          <VersionsIcon />
        </ModerationButton>
        <ModerationButton
          testId="projector-button"
          text={t('moderation.projector')}
          hint={t('moderation.projectorHint')}
          tier="board"
          onClick={openProjector}
        >
          <ProjectorIcon />
        </ModerationButton>
      </div>
      {slideShow && <PresentingControls editor={editor} boardId={info.id} token={token} presenting={slideShow} command={command} />}
      {error && (
        <p className="moderation__error" role="alert" data-testid="moderation-error">
          {error}
        </p>
      )}
      {noFramesAsked && !hasFrames && !slideShow && (
        <p className="moderation__error" role="alert" data-testid="presenting-no-frames">
          {t('presenting.noFrames')}
        </p>
      )}
    </div>
  )
}

interface ModerationButtonProps {
  testId: string
  text: string
  hint: string
  /**
   * For a switch whose text says what it does next ("Board freigeben"): whether it is on, shown
   * by its colour. Not aria-pressed: together with the changing text, a screen reader would say
   * the opposite of the state.
   */
  active?: boolean
  /** Opens a dialog. */
  hasPopup?: boolean
  /**
   * Running the session ('session', the default) or working on the board itself ('board'):
   * where room runs out, the board's buttons lose their text first.
   */
  tier?: 'session' | 'board'

  /** A request is under way: the button keeps its focus but ignores clicks. */
  busy?: boolean
  onClick: () => void
  /** The icon's drawing, in a 16×16 box. */
  children: ReactNode
}

/** On narrow screens only the icon shows; the text stays the button's name. */
function ModerationButton(props: ModerationButtonProps) {
  const { testId, text, hint, active, hasPopup, tier = 'session', busy = false, onClick, children } = props
  return (
    <button
      type="button"
      className={`moderation__button moderation__button--${tier}`}
      data-testid={testId}
      data-active={active || undefined}
      aria-haspopup={hasPopup ? 'dialog' : undefined}
      aria-disabled={busy || undefined}
      title={hint}
      onClick={busy ? undefined : onClick}
    >
      <SessionIcon className="moderation__icon">{children}</SessionIcon>
      <span className="moderation__text">{text}</span>
    </button>
  )
}
