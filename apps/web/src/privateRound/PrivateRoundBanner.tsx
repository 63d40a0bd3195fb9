/**
 * What everyone sees of an open private round ("Stilles Brainstorming"): its title, where notes
 * are private, and how many notes of how many people exist so far, never what they say. The
 * facilitator reveals it from here. Opening and revealing are announced through the page's
 * live region. Rendered among the session banners (it uses their look).
 */
import type { PrivateRevealNotice, PrivateRoundState } from '@dorfplatz/board'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { revealPrivateRound } from '../api/facilitationApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { templateOfScope, zoneOfScope } from '../kernel/scopeOptions.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { useLanguage } from '../i18n/i18n.ts'
import './privateRound.css'

/** Tells the live region when a round opens and when one is revealed, never for what was so before the page opened. */
function useRoundAnnouncements(round: PrivateRoundState | null, reveal: PrivateRevealNotice | null, where: string) {
  const { t } = useTranslation()
  const { announce } = useBoardContext()
  const seenRound = useRef<string | null | undefined>(undefined)
  const seenReveal = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    const id = round?.id ?? null
    if (seenRound.current !== undefined && id !== null && id !== seenRound.current) {
      announce(t('privateRound.announceOpened', { title: round!.title, where }))
    }
    seenRound.current = id
  }, [round, where, announce, t])
  useEffect(() => {
    const id = reveal ? `${reveal.roundId}@${reveal.at}` : null
    if (seenReveal.current !== undefined && id !== null && id !== seenReveal.current) {
      const notes = t('privateRound.notes', { count: reveal!.notes })
      const people = t('privateRound.people', { count: reveal!.people })
      announce(t('privateRound.announceRevealed', { title: reveal!.title, notes, people }))
    }
    seenReveal.current = id
  }, [reveal, announce, t])
}

export function PrivateRoundBanner() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { info, token, session } = useBoardContext()
  const { privateRound: round, lastPrivateReveal } = useFacilitation(session)
  const instances = useTemplateInstances(session)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const zone = round ? zoneOfScope(round.scope, instances, language) : null
  const template = round ? templateOfScope(round.scope, instances, language) : null
  const where = zone
    ? t('privateRound.whereZone', { zone: zone.zone, template: zone.template })
    : template
      ? t('privateRound.whereTemplate', { template })
      : t('privateRound.whereAll')
  useRoundAnnouncements(round, lastPrivateReveal, where)
  if (!round) return null

  // Guests and the projector on the wall only watch: no notes of their own, nothing to reveal.
  const watching = info.role === 'viewer' || session.watchOnly
  const counts = t('privateRound.counts', {
    notes: t('privateRound.notes', { count: round.notes }),
    people: t('privateRound.people', { count: round.people }),
  })

  async function reveal() {
    if (busy || !round) return
    setBusy(true)
    setError(null)
    try {
      await revealPrivateRound(info.id, token, round.id)
    } catch (failure) {
      setError(`${t('privateRound.revealErrorPrefix')} ${apiErrorMessage(failure, t, { 404: t('privateRound.revealGone') })}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="session-banner private-round-banner" data-testid="private-round-banner" aria-label={t('privateRound.bannerLabel')}>
      <span className="private-round-banner__icon" aria-hidden="true">
        <LockIcon />
      </span>
      <div className="private-round-banner__text">
        <p>{t('privateRound.bannerTitle', { title: round.title })}</p>
        <p className="private-round-banner__detail" data-testid="private-round-detail">
          {watching ? t('privateRound.whereWatching', { where }) : t('privateRound.privateHint', { where })} <span data-testid="private-round-counts">{counts}</span>
        </p>
        {error && (
          <p className="private-round-banner__error" role="alert">
            {error}
          </p>
        )}
      </div>
      {info.role === 'facilitator' && !watching && (
        <button
          type="button"
          className="button button--primary button--small"
          data-testid="private-round-reveal"
          aria-disabled={busy}
          onClick={() => void reveal()}
        >
          {busy ? t('privateRound.revealing') : t('privateRound.reveal')}
        </button>
      )}
    </section>
  )
}

export function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  )
}
