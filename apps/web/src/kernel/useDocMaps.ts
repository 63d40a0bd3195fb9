/**
 * A value read from parts of a board's document, read again whenever one of them changes: the
 * comments with their authors, who wrote which note. `read` and `maps` must be stable (module
 * functions), so that the subscription lasts as long as the document.
 */
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function useDocMaps<T>(doc: Y.Doc, maps: (doc: Y.Doc) => readonly Y.Map<unknown>[], read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState<T>(() => read(doc))
  useEffect(() => {
    const observed = maps(doc)
    const update = () => setValue(read(doc))
    update()
    for (const map of observed) map.observe(update)
    return () => {
      for (const map of observed) map.unobserve(update)
    }
  }, [doc, maps, read])
  return value
}
