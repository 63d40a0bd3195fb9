/**
 * Polite announcements for screen readers, for what changes on the board without the person
 * doing anything (the time is up, the facilitator took everyone along). The message goes into
 * a live region that stays in the page; it is cleared first, so the same words are read again.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

/** Long enough for a screen reader to pick the text up, short enough not to linger in the page. */
const MESSAGE_LIFETIME_MS = 10_000
/** A pause between clearing and writing, so that a repeated message counts as a change. */
const REWRITE_DELAY_MS = 100

export function useAnnouncer(): { message: string; announce: (message: string) => void } {
  const [message, setMessage] = useState('')
  const timers = useRef<number[]>([])

  const announce = useCallback((next: string) => {
    for (const timer of timers.current.splice(0)) window.clearTimeout(timer)
    timers.current.push(
      window.setTimeout(() => setMessage(''), 0),
      window.setTimeout(() => setMessage(next), REWRITE_DELAY_MS),
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
