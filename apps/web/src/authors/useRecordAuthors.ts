/**
 * React access to one record's entry in the board's authors root (written by the server only),
 * re-rendering when that entry changes and not when others do.
 */
import { getAuthorsMap, readRecordAuthorsValue, type RecordAuthors } from '@dorfplatz/board'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

export function useRecordAuthors(doc: Y.Doc, recordId: string | null): RecordAuthors | null {
  const authors = useMemo(() => getAuthorsMap(doc), [doc])
  const subscribe = useCallback(
    (onChange: () => void) => {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (recordId !== null && event.keysChanged.has(recordId)) onChange()
      }
      authors.observe(observer)
      return () => authors.unobserve(observer)
    },
    [authors, recordId],
  )
  // The stored value keeps its identity until it changes, so it is the snapshot; it is parsed below.
  const value = useSyncExternalStore(subscribe, () => (recordId === null ? undefined : authors.get(recordId)))
  return useMemo(() => readRecordAuthorsValue(value), [value])
}
