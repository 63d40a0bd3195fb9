/**
 * Says when a new version of Dorfplatz has taken over this page (its service worker was replaced
 * after an update on the server): the page still runs the old version, and parts it loads later
 * (the PDF export, say) may no longer be there. Reloading is safe: the board's changes are in the
 * browser's copy. Not shown on a first visit, when the first service worker takes over a page that
 * had none.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import './NewVersionNotice.css'

export function NewVersionNotice() {
  const { t } = useTranslation()
  const [updated, setUpdated] = useState(false)
  useEffect(() => {
    const serviceWorker = 'serviceWorker' in navigator ? navigator.serviceWorker : null
    if (!serviceWorker) return
    const hadController = serviceWorker.controller !== null
    const onControllerChange = () => {
      if (hadController) setUpdated(true)
    }
    serviceWorker.addEventListener('controllerchange', onControllerChange)
    return () => serviceWorker.removeEventListener('controllerchange', onControllerChange)
  }, [])
  return (
    <div className="new-version" role="status" data-testid="new-version">
      {updated && (
        <>
          <p>{t('app.newVersion')}</p>
          <button type="button" className="button button--primary button--small" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        </>
      )}
    </div>
  )
}
