/**
 * The start page at `/`, the lobby: what Dorfplatz is, the form to create a
 * board from templates, the links of a board just created, the boards this
 * browser opened before and, for a signed-in admin, every board on the server.
 */
import { ACCESSIBILITY_PATH, type CreatedBoard } from '@dorfplatz/protocol'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchClientConfig } from '../api/apiClient.ts'
import { PageHeader } from '../components/PageHeader.tsx'
import { clearAdminToken, loadAdminToken, saveAdminToken } from '../storage/adminSession.ts'
import { deleteBoardCopy } from '../storage/boardCopies.ts'
import { rememberBoardLinks } from '../storage/boardLinks.ts'
import { forgetBoard, loadRecentBoards, rememberBoard, type RecentBoard } from '../storage/recentBoards.ts'
import { AdminBoardList } from './AdminBoardList.tsx'
import { AdminLoginForm } from './AdminLoginForm.tsx'
import { AdminSessionBar } from './AdminSessionBar.tsx'
import { CreateBoardForm } from './CreateBoardForm.tsx'
import { CreatedBoardLinks } from './CreatedBoardLinks.tsx'
import { RecentBoards } from './RecentBoards.tsx'
import './start.css'

export function StartPage() {
  const { t } = useTranslation()
  const [adminTokenRequired, setAdminTokenRequired] = useState(false)
  const [storedAdminToken, setStoredAdminToken] = useState<string | null>(loadAdminToken)
  const [adminError, setAdminError] = useState<string | null>(null)
  // Focus follows the admin state: into the key field whenever it is needed, onto the confirmation after login.
  const [loginFocusRequest, setLoginFocusRequest] = useState(0)
  const [focusAdminSession, setFocusAdminSession] = useState(false)
  const [created, setCreated] = useState<CreatedBoard | null>(null)
  const [recentBoards, setRecentBoards] = useState<RecentBoard[]>(loadRecentBoards)

  // A key left in this tab from before counts only while the server asks for one.
  const adminToken = adminTokenRequired ? storedAdminToken : null

  useEffect(() => {
    let cancelled = false
    // Without the config the form still works; a 401 on submit reveals the admin login.
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

  const refreshRecentBoards = useCallback(() => setRecentBoards(loadRecentBoards()), [])

  function onCreated(board: CreatedBoard) {
    rememberBoard({ id: board.id, title: board.title, role: 'facilitator', token: board.tokens.facilitator })
    // The server keeps links only hashed; this browser is the one place that can show them again.
    rememberBoardLinks(board.id, board.links)
    refreshRecentBoards()
    setCreated(board)
  }

  function onLogin(token: string) {
    saveAdminToken(token)
    setStoredAdminToken(token)
    setAdminError(null)
    setFocusAdminSession(true)
  }

  function onLogout() {
    clearAdminToken()
    setStoredAdminToken(null)
    setAdminError(null)
    setLoginFocusRequest((value) => value + 1)
  }

  /** The server refused the key (changed on the server, or none was given): ask for it again. */
  const onAdminTokenRejected = useCallback(() => {
    clearAdminToken()
    setStoredAdminToken(null)
    setAdminTokenRequired(true)
    setAdminError(t('admin.tokenWrong'))
    setLoginFocusRequest((value) => value + 1)
  }, [t])

  return (
    <div className="page">
      <PageHeader />
      <main id="main" className="page__main" tabIndex={-1}>
        <section className="intro" aria-labelledby="intro-heading">
          <h1 id="intro-heading">{t('app.name')}</h1>
          <p className="intro__tagline">{t('app.tagline')}</p>
        </section>
        {adminTokenRequired &&
          (adminToken ? (
            <AdminSessionBar autoFocus={focusAdminSession} onLogout={onLogout} />
          ) : (
            <AdminLoginForm
              // A new rejection starts the form afresh, with its reason at the field.
              key={adminError ?? ''}
              error={adminError}
              focusRequest={loginFocusRequest}
              onLogin={onLogin}
            />
          ))}
        {created ? (
          <CreatedBoardLinks board={created} onCreateAnother={() => setCreated(null)} />
        ) : (
          <CreateBoardForm
            adminTokenRequired={adminTokenRequired}
            adminToken={adminToken}
            onAdminTokenMissing={() => setLoginFocusRequest((value) => value + 1)}
            onAdminTokenRejected={onAdminTokenRejected}
            onCreated={onCreated}
          />
        )}
        <RecentBoards
          boards={recentBoards}
          onForget={(board) => {
            forgetBoard(board)
            // The board's content goes with the last link to it this browser remembers.
            if (!loadRecentBoards().some((other) => other.id === board.id)) deleteBoardCopy(board.id)
            refreshRecentBoards()
          }}
        />
        {adminToken && (
          <AdminBoardList
            adminToken={adminToken}
            recentBoards={recentBoards}
            onRejected={onAdminTokenRejected}
            onRemembered={refreshRecentBoards}
          />
        )}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href={ACCESSIBILITY_PATH} data-testid="statement-link">
            {t('statement.title')}
          </a>
        </p>
      </footer>
    </div>
  )
}
