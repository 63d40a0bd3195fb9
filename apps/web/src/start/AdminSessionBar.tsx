/** Says that this tab is signed in as admin, with the way to sign out again. */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export function AdminSessionBar({ autoFocus, onLogout }: { autoFocus: boolean; onLogout: () => void }) {
  const { t } = useTranslation()
  const textRef = useRef<HTMLParagraphElement>(null)

  // The login form the user just submitted is gone; its confirmation takes the focus.
  useEffect(() => {
    if (autoFocus) textRef.current?.focus()
  }, [autoFocus])

  return (
    <div className="admin-session" data-testid="admin-session">
      <p ref={textRef} tabIndex={-1} className="admin-session__text">
        {t('admin.loggedIn')}
      </p>
      <button type="button" className="button button--quiet button--small" data-testid="admin-logout" onClick={onLogout}>
        {t('admin.logout')}
      </button>
    </div>
  )
}
