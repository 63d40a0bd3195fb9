/** React access to the templates on the board, which the server adds to the document's meta. */
import { getMeta, readTemplateInstances, type TemplateInstance } from '@dorfplatz/board'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { BoardSession } from './BoardSession.ts'

export function useTemplateInstances(session: BoardSession): readonly TemplateInstance[] {
  const cache = useRef<readonly TemplateInstance[] | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const meta = getMeta(session.doc)
      const listener = () => {
        cache.current = null
        onChange()
      }
      meta.observeDeep(listener)
      return () => meta.unobserveDeep(listener)
    },
    [session],
  )
  const getSnapshot = useCallback(() => {
    cache.current ??= readTemplateInstances(session.doc)
    return cache.current
  }, [session])
  return useSyncExternalStore(subscribe, getSnapshot)
}
