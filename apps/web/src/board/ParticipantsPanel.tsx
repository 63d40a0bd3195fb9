/**
 * "Teilnehmende (N)": a button in the top bar that opens a panel listing everyone present,
 * with colour, name, role and whom they follow; the own entry is marked and opens the name
 * dialog. The panel does not trap focus (it is a look-up, not a task): Escape, the close
 * button, the button again or a click elsewhere close it, and focus returns to the button.
 */
import { isRole } from '@dorfplatz/protocol'
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { createUserId, useEditor, useValue, type Editor } from 'tldraw'
import { PeopleIcon, SessionIcon } from '../session/sessionIcons.tsx'
import { Avatar } from './Avatar.tsx'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { listParticipants, type Participant } from './participants.ts'
import { usePeers } from '../kernel/useBoardSession.ts'

const PRESENCE_ID_PREFIX = 'instance_presence:'

/**
 * Whom each client follows, as "clientId=userId" lines: a string, so that the 30 cursor
 * updates a second of every collaborator do not render the panel again, only real changes.
 */
function followingSignature(editor: Editor): string {
  const lines: string[] = []
  for (const presence of editor.store.query.records('instance_presence').get()) {
    if (presence.followingUserId) lines.push(`${presence.id.slice(PRESENCE_ID_PREFIX.length)}=${presence.followingUserId}`)
  }
  return lines.sort().join('\n')
}

function parseFollowing(signature: string): Map<number, string> {
  const following = new Map<number, string>()
  for (const line of signature.split('\n')) {
    const separator = line.indexOf('=')
    if (separator > 0) following.set(Number(line.slice(0, separator)), line.slice(separator + 1))
  }
  return following
}

function useParticipants(): Participant[] {
  const editor = useEditor()
  const { session, user, info } = useBoardContext()
  const peers = usePeers(session)
  const self = useValue('dorfplatz.self', () => user.preferences.get(), [user])
  const othersFollowing = useValue('dorfplatz.following', () => followingSignature(editor), [editor])
  const selfFollowing = useValue('dorfplatz.selfFollowing', () => editor.getInstanceState().followingUserId, [editor])

  return useMemo(() => {
    const clientId = session.doc.clientID
    // Until the own awareness state is published, the own entry comes from the local identity.
    const withSelf = peers.some((peer) => peer.isSelf)
      ? peers
      : [{ clientId, userId: self.id, name: self.name ?? '', color: self.color ?? '', role: info.role, isSelf: true }, ...peers]
    const followingByClient = new Map<number, string | null>(parseFollowing(othersFollowing))
    followingByClient.set(clientId, selfFollowing)
    return listParticipants({ peers: withSelf, followingByClient, recordIdOf: createUserId })
  }, [peers, self, info.role, othersFollowing, selfFollowing, session])
}

export function ParticipantsButton() {
  const { t } = useTranslation()
  const id = useId()
  const participants = useParticipants()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = `${id}-panel`

  function close(returnFocus: boolean) {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }

  return (
    <div className="participants-menu">
      <button
        ref={buttonRef}
        type="button"
        className="top-pill participants__button"
        data-testid="participants-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={t('participants.buttonHint')}
        onClick={() => setOpen((current) => !current)}
      >
        <SessionIcon className="top-pill__icon">
          <PeopleIcon />
        </SessionIcon>
        {/* The visible text is the button's name (narrow screens hide the word, not from screen readers). */}
        <span className="top-pill__text">{t('participants.buttonText')} </span>
        <span className="participants__count">({participants.length})</span>
      </button>
      {open && (
        <ParticipantsPanel id={panelId} participants={participants} buttonRef={buttonRef} onClose={close} />
      )}
    </div>
  )
}

interface ParticipantsPanelProps {
  id: string
  participants: Participant[]
  buttonRef: RefObject<HTMLButtonElement | null>
  onClose: (returnFocus: boolean) => void
}

function ParticipantsPanel({ id, participants, buttonRef, onClose }: ParticipantsPanelProps) {
  const { t } = useTranslation()
  const { editName } = useBoardContext()
  const panelRef = useRef<HTMLElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    panelRef.current?.focus()
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target
      if (!(target instanceof Node)) return
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return
      // The name dialog opens from here; working in it does not close the panel behind it.
      if (target instanceof Element && target.closest('dialog')) return
      onCloseRef.current(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [buttonRef])

  return (
    <section
      ref={panelRef}
      id={id}
      className="top-panel participants-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      data-testid="participants-panel"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // tldraw would take Escape as "deselect"; here it closes the panel.
        event.stopPropagation()
        onClose(true)
      }}
    >
      <div className="top-panel__header">
        <h2 id={`${id}-title`} className="top-panel__title">
          {t('participants.title', { number: participants.length })}
        </h2>
        <button
          type="button"
          className="top-panel__close"
          data-testid="participants-close"
          aria-label={t('participants.close')}
          title={t('participants.close')}
          onClick={() => onClose(true)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <ul className="participants-panel__list">
        {participants.map((participant) => (
          <ParticipantItem key={participant.key} participant={participant} onEditName={editName} />
        ))}
      </ul>
    </section>
  )
}

function ParticipantItem({ participant, onEditName }: { participant: Participant; onEditName: () => void }) {
  const { t } = useTranslation()
  const { name: rawName, role, isSelf, followingName, color } = participant
  const name = rawName || '?'
  const roleName = isRole(role) ? t(`roles.${role}`) : ''
  const details = [roleName, followingName ? t('participants.following', { name: followingName }) : ''].filter(Boolean)
  return (
    <li
      className="participants-panel__item"
      data-testid="participant-item"
      data-name={rawName}
      data-role={role}
      data-following={followingName}
      data-self={isSelf}
    >
      <Avatar name={name} color={color} />
      <div className="participants-panel__who">
        <span className="participants-panel__name">
          {name}
          {isSelf && <span className="participants-panel__you"> {t('presence.youSuffix')}</span>}
        </span>
        {details.length > 0 && <span className="participants-panel__details">{details.join(' · ')}</span>}
      </div>
      {isSelf && (
        <button type="button" className="button button--quiet button--small participants-panel__edit" data-testid="participants-edit-name" onClick={onEditName}>
          {t('participants.editName')}
        </button>
      )}
    </li>
  )
}
