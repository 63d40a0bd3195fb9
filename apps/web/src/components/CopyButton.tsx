/**
 * A button that copies a link and says so: the confirmation is visible text
 * next to the button and is also announced, so nobody has to wonder whether
 * the click worked.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from './copyText.ts'
import './CopyButton.css'

/** How long "Kopiert" stays visible. */
const CONFIRMATION_MS = 2500

type CopyState = 'idle' | 'copied' | 'failed'

export function CopyButton({ text, context, testId }: { text: string; context: string; testId?: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state !== 'copied') return
    const timer = window.setTimeout(() => setState('idle'), CONFIRMATION_MS)
    return () => window.clearTimeout(timer)
  }, [state])

  return (
    <span className="copy-button">
      <button
        type="button"
        className="button button--secondary"
        data-testid={testId}
        onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
      >
        {t('copy.button')}
        {/* Several copy buttons sit on one page; screen readers hear which link each copies. */}
        <span className="visually-hidden"> ({context})</span>
      </button>
      <span className="copy-button__status" data-state={state} role="status">
        {state === 'copied' ? `✓ ${t('copy.done')}` : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  )
}
