/**
 * Everyone on the board right now, as coloured initials with names and their
 * role. The own entry comes first and is a button that opens the name dialog.
 * With many people the names fold into the tooltips, and past a few avatars the
 * rest fold into "+N": the top bar keeps one row, and the participants panel
 * ("Anwesende") lists everyone.
 */
import type { Peer } from '@dorfplatz/board'
import { isRole } from '@dorfplatz/protocol'
import { useTranslation } from 'react-i18next'
import { useValue } from 'tldraw'
import { Avatar } from './Avatar.tsx'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { roleRank } from './participants.ts'
import { usePeers } from '../kernel/useBoardSession.ts'

/** Above this many people only the initials of the others stay visible; the participants panel names everyone. */
const MAX_PEOPLE_WITH_VISIBLE_NAMES = 1

/** Avatars of others shown beside one's own; the rest are counted in "+N". */
export const MAX_VISIBLE_OTHERS = 3

function byRoleThenName(a: Peer, b: Peer): number {
  if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1
  return roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name) || a.clientId - b.clientId
}

export function PresenceList() {
  const { t } = useTranslation()
  const { session, user, info, editName } = useBoardContext()
  const peers = usePeers(session)
  const self = useValue('self', () => user.identity, [user])

  // Until the own awareness state is published, show the own entry from the local identity.
  const withSelf: Peer[] = peers.some((peer) => peer.isSelf)
    ? [...peers]
    : [{ clientId: session.doc.clientID, userId: self.id, name: self.name, color: self.color, role: info.role, isSelf: true }, ...peers]
  const people = withSelf.sort(byRoleThenName)
  const compact = people.length > MAX_PEOPLE_WITH_VISIBLE_NAMES
  // "+1" would take the room of the avatar it hides.
  const shown = people.length > MAX_VISIBLE_OTHERS + 2 ? people.slice(0, MAX_VISIBLE_OTHERS + 1) : people
  const hidden = people.slice(shown.length)

  return (
    <section className="presence" aria-label={t('presence.label')}>
      <p className="visually-hidden">{t('presence.count', { count: people.length })}</p>
      <ul className="presence__list" data-testid="presence-list" data-compact={compact}>
        {shown.map((peer) => {
          const roleName = isRole(peer.role) ? t(`roles.${peer.role}`) : ''
          const name = peer.name || '?'
          const tooltip = [peer.isSelf ? `${name} ${t('presence.youSuffix')}` : name, roleName].filter(Boolean).join(' – ')
          const content = (
            <>
              <Avatar name={name} color={peer.color} />
              <span className="presence__name">{name}</span>
              {peer.isSelf && <span className="presence__you"> {t('presence.youSuffix')}</span>}
              {roleName && <span className="visually-hidden">, {roleName}</span>}
            </>
          )
          return (
            <li
              key={peer.clientId}
              className="presence__item"
              data-testid="presence-item"
              data-self={peer.isSelf}
              data-role={peer.role}
              title={tooltip}
            >
              {peer.isSelf ? (
                <button type="button" className="presence__self" onClick={editName}>
                  {content}
                  <span className="visually-hidden"> – {t('presence.editName')}</span>
                  <svg className="presence__edit" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M11.3 1.7a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4L5.6 13.4 2 14l.6-3.6z" fill="currentColor" />
                  </svg>
                </button>
              ) : (
                content
              )}
            </li>
          )
        })}
        {hidden.length > 0 && (
          <li
            className="presence__item presence__more"
            data-testid="presence-more"
            data-count={hidden.length}
            title={hidden.map((peer) => peer.name || '?').join(', ')}
          >
            <span aria-hidden="true">+{hidden.length}</span>
            <span className="visually-hidden">{t('presence.more', { count: hidden.length })}</span>
          </li>
        )}
      </ul>
    </section>
  )
}
