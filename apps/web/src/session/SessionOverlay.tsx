/**
 * How the facilitator's session controls reach everyone else's screen: follows the presenter,
 * shows the current slide of a presentation, moves to a summon, signals the end of the timer, and shows the banners that say so (who is
 * presenting, that the board is frozen, who summoned everyone, that it was released or a saved
 * version restored). Lies over the canvas, above tldraw's toolbar; announcements for screen
 * readers (the timer's start, last minute and end, a voting round opened and revealed among
 * them) go through the page's one polite live region.
 */
import type { VotingRound } from '@dorfplatz/board'
import { useCallback, useEffect, useMemo, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { createUserId, useValue, type Editor } from 'tldraw'
import { releaseBoard } from '../api/facilitationApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { playChime } from './chime.ts'
import { EyeIcon, PauseIcon, SessionIcon, SlidesIcon, SummonIcon, VersionsIcon } from './sessionIcons.tsx'
import { useBoardNotices, type BoardNotice } from './useBoardNotices.ts'
import { useFollowPresenter } from './useFollowPresenter.ts'
import { usePresentingView } from './usePresentingView.ts'
import { useSessionCommand } from './useSessionCommand.ts'
import { useSummonReceiver } from './useSummonReceiver.ts'
import { useRoundAnnouncements } from './useRoundAnnouncements.ts'
import { useTimerAnnouncements } from './useTimerAnnouncements.ts'
import { useTimerEnd } from './useTimerEnd.ts'
import './session.css'

export function SessionOverlay({ editor, children }: { editor: Editor; children?: ReactNode }) {
  const { t } = useTranslation()
  const { info, token, session, user, announce } = useBoardContext()
  const facilitation = useFacilitation(session)
  const selfUserId = useValue('dorfplatz.selfUserId', () => createUserId(user.preferences.get().id), [user])

  const onTimerEnd = useCallback(() => {
    playChime()
    announce(t('timer.endedAnnouncement'))
  }, [announce, t])
  useTimerEnd(facilitation.timer, onTimerEnd)
  const timerAnnouncements = useMemo(
    () => ({
      started: (minutes: number) => announce(t('timer.startedAnnouncement', { count: minutes })),
      lastMinute: () => announce(t('timer.lastMinuteAnnouncement')),
    }),
    [announce, t],
  )
  useTimerAnnouncements(facilitation.timer, timerAnnouncements)
  const roundAnnouncements = useMemo(
    () => ({
      opened: (round: VotingRound) => announce(t('voting.announce.opened', { title: round.title })),
      revealed: (round: VotingRound) => announce(t('voting.announce.revealed', { title: round.title })),
    }),
    [announce, t],
  )
  useRoundAnnouncements(facilitation.rounds, roundAnnouncements)

  const summon = useSummonReceiver(editor, session, selfUserId)
  useEffect(() => {
    if (summon && !summon.bySelf) announce(t('summon.notice', { name: summon.name }))
  }, [summon, announce, t])

  const follow = useFollowPresenter(editor, facilitation.follow, selfUserId)
  const presenterName = follow.presenter?.name ?? ''
  useEffect(() => {
    if (presenterName && follow.status === 'following') announce(t('follow.following', { name: presenterName }))
  }, [presenterName, follow.status, announce, t])

  // Every view shows the slides, the facilitators' too; their controls are in the moderation bar.
  const slides = usePresentingView(editor, facilitation.presenting, { stepOutOnMove: info.role !== 'facilitator' })
  const slideShow = slides.presenting && info.role !== 'facilitator' ? slides.presenting : null
  const slideNumber = slides.position?.number ?? 0
  const slideTotal = slides.position?.total ?? 0
  useEffect(() => {
    if (facilitation.presenting && slideNumber > 0) announce(t('presenting.slideAnnouncement', { number: slideNumber, total: slideTotal }))
  }, [facilitation.presenting, slideNumber, slideTotal, announce, t])

  const frozen = facilitation.freeze !== null
  const frozenForMe = frozen && info.role === 'participant'
  useEffect(() => {
    if (frozenForMe) announce(t('freeze.participantNotice'))
  }, [frozenForMe, announce, t])
  // The facilitators hear it too, once it is so on the server: the halt may be another facilitator's.
  const frozenForFacilitator = frozen && info.role === 'facilitator'
  useEffect(() => {
    if (frozenForFacilitator) announce(t('freeze.facilitatorNotice'))
  }, [frozenForFacilitator, announce, t])

  const release = useSessionCommand()

  const { notice, dismiss } = useBoardNotices(session.doc)
  // Guests never saw the halt, so its end is no news to them.
  const shownNotice = notice?.kind === 'release' && info.role === 'viewer' ? null : notice
  const noticeText = shownNotice ? noticeMessage(shownNotice, info.role, t) : ''
  useEffect(() => {
    if (noticeText) announce(noticeText)
  }, [noticeText, announce])

  return (
    <>
      <div className="session-banners">
        {/* The page's banners of other features (a private round), first among them. */}
        {children}
        {shownNotice && (
          <div className="session-banner session-banner--info" data-testid="board-notice-banner" data-kind={shownNotice.kind}>
            <SessionIcon className="session-banner__icon">
              {shownNotice.kind === 'restore' ? <VersionsIcon /> : <PauseIcon />}
            </SessionIcon>
            <p>{noticeText}</p>
            <button type="button" className="button button--quiet button--small" data-testid="board-notice-close" onClick={dismiss}>
              {t('notices.close')}
            </button>
          </div>
        )}
        {summon && (
          <div
            className="session-banner session-banner--info"
            data-testid={summon.bySelf ? 'summon-sent' : 'summon-notice'}
          >
            <SessionIcon className="session-banner__icon">
              <SummonIcon />
            </SessionIcon>
            <p>{summon.bySelf ? t('summon.sent') : t('summon.notice', { name: summon.name })}</p>
          </div>
        )}
        {follow.presenter && (
          <section
            className="session-banner session-banner--follow"
            data-testid="follow-banner"
            data-state={follow.status}
            aria-label={t('follow.bannerLabel')}
          >
            <SessionIcon className="session-banner__icon">
              <EyeIcon />
            </SessionIcon>
            <p>
              {follow.status === 'following'
                ? t('follow.following', { name: presenterName })
                : follow.status === 'waiting'
                  ? t('follow.waiting', { name: presenterName })
                  : t('follow.steppedOut', { name: presenterName })}
            </p>
            {follow.status === 'stepped-out' ? (
              <button type="button" className="button button--primary button--small" data-testid="follow-rejoin" onClick={follow.rejoin}>
                {t('follow.rejoin')}
              </button>
            ) : (
              <button type="button" className="button button--secondary button--small" data-testid="follow-leave" onClick={follow.leave}>
                {t('follow.leave')}
              </button>
            )}
          </section>
        )}
        {slideShow && (
          <section
            className="session-banner session-banner--follow"
            data-testid="presenting-banner"
            data-state={slides.steppedOut ? 'stepped-out' : 'following'}
            aria-label={t('presenting.bannerLabel')}
          >
            <SessionIcon className="session-banner__icon">
              <SlidesIcon />
            </SessionIcon>
            <p>
              {slides.steppedOut
                ? t('presenting.steppedOut', { name: slideShow.by })
                : slideNumber > 0
                  ? t('presenting.following', { name: slideShow.by, number: slideNumber, total: slideTotal })
                  : t('presenting.followingNoSlide', { name: slideShow.by })}
            </p>
            {slides.steppedOut ? (
              <button type="button" className="button button--primary button--small" data-testid="presenting-rejoin" onClick={slides.rejoin}>
                {t('presenting.rejoin')}
              </button>
            ) : (
              <button type="button" className="button button--secondary button--small" data-testid="presenting-leave" onClick={slides.leave}>
                {t('presenting.leave')}
              </button>
            )}
          </section>
        )}
        {frozen && info.role !== 'viewer' && (
          <section
            className={`session-banner ${frozenForMe ? 'session-banner--frozen' : 'session-banner--compact'}`}
            data-testid="freeze-banner"
            aria-label={t('freeze.bannerLabel')}
          >
            <SessionIcon className="session-banner__icon">
              <PauseIcon />
            </SessionIcon>
            <p>{frozenForMe ? t('freeze.participantNotice') : t('freeze.facilitatorNotice')}</p>
            {info.role === 'facilitator' && (
              <button
                type="button"
                className="button button--secondary button--small"
                data-testid="freeze-release"
                aria-disabled={release.busy !== null}
                onClick={() => void release.run('release', t('freeze.errorPrefix'), () => releaseBoard(info.id, token))}
              >
                {t('freeze.release')}
              </button>
            )}
            {release.error && (
              <p className="session-banner__error" role="alert">
                {release.error}
              </p>
            )}
          </section>
        )}
      </div>
    </>
  )
}

/** A notice in words; an automatic version's name reads in the reader's language, as in the version list. */
function noticeMessage(notice: BoardNotice, role: string, t: TFunction<'translation'>): string {
  if (notice.kind === 'release') return role === 'participant' ? t('notices.releasedParticipant') : t('notices.released')
  const name = notice.snapshotKind === 'last-left' ? t('snapshots.lastLeftName') : notice.name
  return t('notices.restored', { name })
}
