/**
 * Tells people what the facilitation just did to the board under their hands, once, while they
 * are on it: a restored version (notes may have vanished or come back) and the release of a
 * halted board. What was already so when this page opened is not told again; a browser that
 * comes back from being offline hears of a restore that happened meanwhile.
 */
import { observeFacilitation, readFacilitation } from '@dorfplatz/board'
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** How long a notice stays; the screen reader hears it once. */
export const NOTICE_MS = 12_000

export type BoardNotice =
  | { key: string; kind: 'restore'; name: string; snapshotKind: string }
  | { key: string; kind: 'release' }

export function useBoardNotices(doc: Y.Doc): { notice: BoardNotice | null; dismiss: () => void } {
  const [notice, setNotice] = useState<BoardNotice | null>(null)

  useEffect(() => {
    const opened = readFacilitation(doc)
    let restoreId = opened.lastRestore?.id ?? null
    let frozen = opened.freeze !== null
    return observeFacilitation(doc, () => {
      const { lastRestore, freeze } = readFacilitation(doc)
      if (lastRestore && lastRestore.id !== restoreId) {
        setNotice({ key: lastRestore.id, kind: 'restore', name: lastRestore.name, snapshotKind: lastRestore.kind })
      }
      restoreId = lastRestore?.id ?? null
      if (frozen && freeze === null) setNotice({ key: `release-${Date.now()}`, kind: 'release' })
      // A new halt takes the place of the news of the last release.
      if (!frozen && freeze !== null) setNotice((current) => (current?.kind === 'release' ? null : current))
      frozen = freeze !== null
    })
  }, [doc])

  useEffect(() => {
    if (!notice) return
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS)
    return () => window.clearTimeout(timer)
  }, [notice])

  const dismiss = useCallback(() => setNotice(null), [])
  return { notice, dismiss }
}
