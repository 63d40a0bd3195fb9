/**
 * The start page at `/`: what Dorfplatz is, the form to create a board, the
 * links of a board just created, and the boards this browser opened before.
 */
import type { CreatedBoard } from '@dorfplatz/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchClientConfig } from '../api/apiClient.ts'
import { PageHeader } from '../components/PageHeader.tsx'
import { rememberBoard } from '../storage/recentBoards.ts'
import { CreateBoardForm } from './CreateBoardForm.tsx'
import { CreatedBoardLinks } from './CreatedBoardLinks.tsx'
import { RecentBoards } from './RecentBoards.tsx'

export function StartPage() {
  const { t } = useTranslation()
  const [adminTokenRequired, setAdminTokenRequired] = useState(false)
  const [created, setCreated] = useState<CreatedBoard | null>(null)

  useEffect(() => {
    let cancelled = false
    // Without the config the form still works; a 401 on submit reveals the admin field.
    fetchClientConfig()
      .then((config) => !cancelled && setAdminTokenRequired(config.adminTokenRequired))
      .catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => {
    document.title = t('app.name')
  }, [t])

  function onCreated(board: CreatedBoard) {
    rememberBoard({ id: board.id, title: board.title, role: 'facilitator', token: board.tokens.facilitator })
    setCreated(board)
  }

  return (
    <div className="page">
      <PageHeader />
      <main id="main" className="page__main" tabIndex={-1}>
        <section className="intro" aria-labelledby="intro-heading">
          <h1 id="intro-heading">{t('app.name')}</h1>
          <p className="intro__tagline">{t('app.tagline')}</p>
        </section>
        {created ? (
          <CreatedBoardLinks board={created} onCreateAnother={() => setCreated(null)} />
        ) : (
          <CreateBoardForm adminTokenRequired={adminTokenRequired} onCreated={onCreated} />
        )}
        <RecentBoards key={created?.id ?? 'none'} />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  )
}
