/**
 * The facilitator's controls while presenting, below the moderation bar: "Zurück", where the
 * presentation stands ("Folie 2 von 5"), "Weiter" and "Beenden". The arrow keys step too, and so
 * do Bild auf/Bild ab (what presenter remotes send), unless the person is typing or working in
 * a menu or dialog, where those keys mean something else.
 */
import type { PresentingState } from '@dorfplatz/board'
import { useCallback, useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { stepPresenting, stopPresenting } from '../api/facilitationApi.ts'
import { slidePosition, type SlidePosition } from './slides.ts'
import type { SessionCommand } from './useSessionCommand.ts'

/** Widgets whose own keys the arrows are: text fields, menus, lists, sliders, dialogs. */
const OWN_ARROW_KEYS = 'input, textarea, select, [contenteditable], [role="menu"], [role="menubar"], [role="listbox"], [role="radiogroup"], [role="tablist"], [role="slider"], [role="dialog"]'

function stepOf(event: KeyboardEvent): 'next' | 'previous' | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  if (event.key === 'ArrowRight' || event.key === 'PageDown') return 'next'
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') return 'previous'
  return null
}

function ownsArrowKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWN_ARROW_KEYS) !== null
}

interface PresentingControlsProps {
  editor: Editor
  boardId: string
  token: string
  presenting: PresentingState
  command: SessionCommand
}

export function PresentingControls({ editor, boardId, token, presenting, command }: PresentingControlsProps) {
  const { t } = useTranslation()
  const { run, busy } = command
  const position = useValue(
    'dorfplatz.presentingPosition',
    () => JSON.stringify(slidePosition(presenting, (id) => editor.getShape(id as TLShapeId) !== undefined)),
    [editor, presenting],
  )
  const at = useMemo(() => JSON.parse(position) as SlidePosition, [position])
  const { number, total, hasPrevious, hasNext } = at

  const step = useCallback(
    (direction: 'next' | 'previous') => {
      if (direction === 'next' ? !at.hasNext : !at.hasPrevious) return
      void run('presenting-step', t('presenting.errorPrefix'), () => stepPresenting(boardId, token, { direction }))
    },
    [run, t, boardId, token, at],
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const direction = stepOf(event)
      if (!direction || event.defaultPrevented || ownsArrowKeys(event.target) || editor.getEditingShapeId() !== null) return
      // Before tldraw sees it: its arrow keys would nudge the selected shapes.
      event.preventDefault()
      event.stopPropagation()
      step(direction)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [editor, step])

  const end = () => void run('presenting-end', t('presenting.errorPrefix'), () => stopPresenting(boardId, token))

  return (
    <div className="moderation__bar moderation__presenting" role="group" aria-label={t('presenting.controlsLabel')} data-testid="presenting-controls">
      <button
        type="button"
        className="moderation__button"
        data-testid="presenting-previous"
        aria-disabled={!hasPrevious || busy !== null || undefined}
        title={t('presenting.previousHint')}
        onClick={() => step('previous')}
      >
        {t('presenting.previous')}
      </button>
      <span className="moderation__slide" data-testid="presenting-position">
        {number > 0 ? t('presenting.position', { number, total }) : t('presenting.slideGone')}
      </span>
      <button
        type="button"
        className="moderation__button"
        data-testid="presenting-next"
        aria-disabled={!hasNext || busy !== null || undefined}
        title={t('presenting.nextHint')}
        onClick={() => step('next')}
      >
        {t('presenting.next')}
      </button>
      <button
        type="button"
        className="moderation__button"
        data-testid="presenting-end"
        aria-disabled={busy !== null || undefined}
        title={t('presenting.endHint')}
        onClick={busy !== null ? undefined : end}
      >
        {t('presenting.end')}
      </button>
    </div>
  )
}
