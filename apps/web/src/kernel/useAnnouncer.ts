/**
 * Polite announcements for screen readers, for what changes on the board without the person
 * doing anything (the time is up, a vote opened, the facilitator took everyone along). The
 * board page has one live region and hands `announce` to every feature (BoardContext), so that
 * announcements never talk over each other from several regions. The message is cleared first,
 * so the same words are read again; messages that arrive together are read together.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

/** Long enough for a screen reader to pick the text up, short enough not to linger in the page. */
const MESSAGE_LIFETIME_MS = 10_000
/** A pause between clearing and writing, so that a repeated message counts as a change. */
const REWRITE_DELAY_MS = 100

export function useAnnouncer(): { message: string; announce: (message: string) => void } {
  const [message, setMessage] = useState('')
  const timers = useRef<number[]>([])
  /** Messages announced within one rewrite delay: written as one. */
  const pending = useRef<string[]>([])

  const announce = useCallback((next: string) => {
    if (!next) return
    pending.current.push(next)
    if (pending.current.length > 1) return
    for (const timer of timers.current.splice(0)) window.clearTimeout(timer)
    timers.current.push(
      window.setTimeout(() => setMessage(''), 0),
      window.setTimeout(() => setMessage(pending.current.splice(0).join(' ')), REWRITE_DELAY_MS),
      window.setTimeout(() => setMessage(''), REWRITE_DELAY_MS + MESSAGE_LIFETIME_MS),
    )
  }, [])

  useEffect(
    () => () => {
      for (const timer of timers.current.splice(0)) window.clearTimeout(timer)
    },
    [],
  )

  return { message, announce }
}
