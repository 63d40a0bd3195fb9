/**
 * "Teilen": the facilitator's view of the board's three links, each with a
 * copy button and a QR code, and a way to replace each one. The server keeps
 * links only hashed, so the dialog shows what this browser knows: its own
 * link, the links it got when it created the board, and those it replaced.
 */
import { boardPath, ROLES, type Role } from '@dorfplatz/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RotatedLink } from '../api/apiClient.ts'
import { loadBoardLinks, rememberBoardLinks, type BoardLinks } from '../storage/boardLinks.ts'
import { readBoardToken } from './readBoardToken.ts'
import { ShareRoleLink } from './ShareRoleLink.tsx'
import { ModalDialog } from '../components/ModalDialog.tsx'

interface ShareDialogProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  /** The facilitator's own link was replaced: this page has to move to the new one. */
  onOwnLinkRotated: (rotated: RotatedLink) => void
  onClose: () => void
}

/** The link that opened this page, as the server last handed it out when this browser knows it. */
function ownLink(boardId: string, token: string, stored: string | undefined): string {
  if (stored !== undefined && readBoardToken(new URL(stored).hash) === token) return stored
  return new URL(boardPath(boardId, token), window.location.origin).href
}

export function ShareDialog({ boardId, token, onOwnLinkRotated, onClose }: ShareDialogProps) {
  const { t } = useTranslation()
  const [links, setLinks] = useState<BoardLinks>(() => loadBoardLinks(boardId))
  const [busyRoles, setBusyRoles] = useState<ReadonlySet<Role>>(new Set())

  function setBusy(role: Role, busy: boolean) {
    setBusyRoles((current) => {
      const next = new Set(current)
      if (busy) next.add(role)
      else next.delete(role)
      return next
    })
  }

  function onRotated(role: Role, rotated: RotatedLink) {
    rememberBoardLinks(boardId, { [role]: rotated.link })
    setLinks((current) => ({ ...current, [role]: rotated.link }))
    if (role === 'facilitator') onOwnLinkRotated(rotated)
  }

  const busy = busyRoles.size > 0

  return (
    <ModalDialog
      title={t('share.title')}
      intro={t('share.intro')}
      testId="share-dialog"
      className="dialog--wide"
      // A replacement under way cannot be taken back; its new link must not get lost.
      onEscape={() => {
        if (!busy) onClose()
      }}
    >
      <ul className="role-links share-links">
        {ROLES.map((role) => (
          <ShareRoleLink
            key={role}
            boardId={boardId}
            role={role}
            token={token}
            link={role === 'facilitator' ? ownLink(boardId, token, links.facilitator) : links[role]}
            onBusy={(isBusy) => setBusy(role, isBusy)}
            onRotated={(rotated) => onRotated(role, rotated)}
          />
        ))}
      </ul>

      <div className="dialog__footer">
        <div className="dialog__actions">
          <button type="button" className="button button--primary" data-testid="share-close" disabled={busy} onClick={onClose}>
            {t('share.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
