/**
 * React access to how the session is run (timer, follow-me, summon, freeze, voting rounds),
 * read from the board document where only the server writes it. Every component of one board
 * shares one parsed snapshot, renewed once per change of the facilitation state.
 */
import { observeFacilitation, readFacilitation, type FacilitationState } from '@dorfplatz/board'
import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { BoardSession } from './BoardSession.ts'

interface FacilitationSource {
  subscribe(onChange: () => void): () => void
  getSnapshot(): FacilitationState
}

const sources = new WeakMap<Y.Doc, FacilitationSource>()

function sourceFor(doc: Y.Doc): FacilitationSource {
  let source = sources.get(doc)
  if (source) return source
  let snapshot: FacilitationState | null = null
  const listeners = new Set<() => void>()
  let stopObserving: (() => void) | null = null
  source = {
    subscribe(onChange) {
      listeners.add(onChange)
      if (!stopObserving) {
        // A snapshot read before anyone listened may have missed a change.
        snapshot = null
        stopObserving = observeFacilitation(doc, () => {
          snapshot = null
          for (const listener of [...listeners]) listener()
        })
      }
      return () => {
        listeners.delete(onChange)
        if (listeners.size === 0) {
          stopObserving?.()
          stopObserving = null
          // Unobserved, the snapshot could go stale; the next reader parses afresh.
          snapshot = null
        }
      }
    },
    getSnapshot() {
      snapshot ??= readFacilitation(doc)
      return snapshot
    },
  }
  sources.set(doc, source)
  return source
}

export function useFacilitation(session: BoardSession): FacilitationState {
  const source = sourceFor(session.doc)
  return useSyncExternalStore(source.subscribe, source.getSnapshot)
}
