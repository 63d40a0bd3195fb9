/**
 * Sends one facilitator request at a time and says in the person's words what went wrong.
 * The result arrives through sync, so success needs no answer beyond "done".
 */
import { MAX_DISPLAY_NAME_LENGTH } from '@dorfplatz/protocol'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'

export interface SessionCommand {
  /** The key of the request under way, or null. */
  busy: string | null
  error: string | null
  /** Runs `call` unless another request is under way; resolves to whether it succeeded. */
  run: (key: string, errorPrefix: string, call: () => Promise<unknown>) => Promise<boolean>
}

export function useSessionCommand(): SessionCommand {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)

  const run = useCallback(
    async (key: string, errorPrefix: string, call: () => Promise<unknown>) => {
      if (running.current) return false
      running.current = true
      setBusy(key)
      setError(null)
      try {
        await call()
        return true
      } catch (failure) {
        const reason = apiErrorMessage(failure, t, {
          401: t('moderation.errorUnauthorized'),
          403: t('moderation.errorForbidden'),
          404: t('moderation.errorNotFound'),
          409: t('moderation.errorConflict'),
        })
        setError(`${errorPrefix} ${reason}`)
        return false
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [t],
  )

  return { busy, error, run }
}

/** A name as the server keeps it in the session state, within its limit. */
export function displayName(name: string): string {
  return name.trim().slice(0, MAX_DISPLAY_NAME_LENGTH)
}
