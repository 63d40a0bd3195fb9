/**
 * The centre of tldraw's top bar: the board's title, the connection state, the session timer,
 * the switch between the canvas and the list view, for guests the read-only badge and for facilitators "Teilen" and "Vorlage hinzufügen", with the
 * series line ("Teil der Reihe …") and the session controls (Timer, "Alle zu mir", "Folgen lassen", "Board anhalten", "Abstimmung") in a bar below.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TimerDisplay } from '../session/TimerDisplay.tsx'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import { SeriesLine } from '../series/SeriesLine.tsx'
import { DueSteps } from '../strategy/DueSteps.tsx'
import { useBoardSnapshot } from '../kernel/useBoardSession.ts'
// Loaded with the page, not on demand: the first view leaves room for the bars below the top
// bar, and a bar arriving after it would cover the first template's title.
import { FacilitatorBar } from './FacilitatorBar.tsx'

export function BoardTopPanel() {
  const { t } = useTranslation()
  const { info, token, session, addTemplate, share, listView, showListView } = useBoardContext()
  const { connection } = useBoardSnapshot(session)
  const stackRef = useTopBarBottom()
  return (
    <div className="board-top-stack" ref={stackRef}>
      <div className="board-top">
        <h1 className="board-top__title" title={info.title}>
          {info.title}
        </h1>
        <div className="board-top__status" data-connection={connection}>
          <ConnectionIndicator />
          {info.role === 'viewer' && (
            <span className="badge badge--readonly" data-testid="readonly-badge" title={t('board.readonlyHint')}>
              {t('board.readonly')}
            </span>
          )}
        </div>
        <TimerDisplay />
        <TopPanelAction
          testId="list-view-toggle"
          text={listView ? t('listView.hide') : t('listView.show')}
          hint={listView ? t('listView.hideHint') : t('listView.showHint')}
          opensDialog={false}
          onClick={() => showListView(!listView, { focus: true })}
        >
          {listView ? (
            <path d="M2.5 3.5h11v9h-11zM5 10l2-2.5 1.8 1.8L11 6.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          ) : (
            <path d="M2 4h1.5M6 4h8M2 8h1.5M6 8h8M2 12h1.5M6 12h8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          )}
        </TopPanelAction>
        {info.role === 'facilitator' && (
          <>
            <TopPanelAction testId="share-button" text={t('share.button')} hint={t('share.buttonHint')} onClick={share}>
              <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
                <circle cx="12" cy="3.5" r="2" />
                <circle cx="4" cy="8" r="2" />
                <circle cx="12" cy="12.5" r="2" />
                <path d="M5.8 7 10.2 4.5M5.8 9l4.4 2.5" />
              </g>
            </TopPanelAction>
            <TopPanelAction
              testId="add-template-button"
              text={t('addTemplate.button')}
              hint={t('addTemplate.buttonHint')}
              onClick={addTemplate}
            >
              <path d="M8 2v12M2 8h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </TopPanelAction>
          </>
        )}
      </div>
      <SeriesLine boardId={info.id} token={token} />
      <DueSteps boardId={info.id} token={token} />
      {info.role === 'facilitator' && <FacilitatorBar />}
    </div>
  )
}

/**
 * Keeps `--dp-top-bar-bottom` on the page up to date with where the top bar ends (two rows for
 * facilitators, a taller one offline), so that panels over the canvas start below it.
 */
function useTopBarBottom() {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const root = document.documentElement
    const update = () => root.style.setProperty('--dp-top-bar-bottom', `${Math.ceil(element.getBoundingClientRect().bottom)}px`)
    update()
    const observer = new ResizeObserver(update)
    observer.observe(element)
    return () => {
      observer.disconnect()
      root.style.removeProperty('--dp-top-bar-bottom')
    }
  }, [])
  return ref
}

interface TopPanelActionProps {
  testId: string
  text: string
  hint: string
  /** Whether the button opens a dialog (the default); the list view's switch does not. */
  opensDialog?: boolean
  onClick: () => void
  /** The icon's drawing, in a 16×16 box. */
  children: ReactNode
}

/** A button of the top panel (most open a dialog); on narrow screens only its icon shows, its text stays its name. */
function TopPanelAction({ testId, text, hint, opensDialog = true, onClick, children }: TopPanelActionProps) {
  return (
    <button
      type="button"
      className="button button--secondary button--small board-top__action"
      data-testid={testId}
      aria-haspopup={opensDialog ? 'dialog' : undefined}
      title={hint}
      onClick={onClick}
    >
      <svg className="board-top__action-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {children}
      </svg>
      <span className="board-top__action-text">{text}</span>
    </button>
  )
}
