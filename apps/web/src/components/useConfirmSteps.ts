/**
 * The steps of an action that asks for confirmation first (replacing a link): idle, confirming,
 * working, done or failed. Keyboard focus follows the step, so a keyboard user always lands on
 * what comes next, but never on the first render, where the surrounding view decides.
 */
import { useEffect, useRef, useState } from 'react'

export type ConfirmStep = 'idle' | 'confirming' | 'rotating' | 'done' | 'failed'

export function useConfirmSteps<State extends { step: ConfirmStep }>(initial: State) {
  const [state, setState] = useState<State>(initial)
  const startRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const linkRef = useRef<HTMLAnchorElement>(null)
  const focusOnStep = useRef(false)

  useEffect(() => {
    if (!focusOnStep.current) return
    if (state.step === 'confirming') confirmRef.current?.focus()
    else if (state.step === 'done') linkRef.current?.focus()
    else if (state.step === 'idle' || state.step === 'failed') startRef.current?.focus()
  }, [state.step])

  const go = (next: State) => {
    focusOnStep.current = true
    setState(next)
  }

  return { state, go, startRef, confirmRef, linkRef }
}
