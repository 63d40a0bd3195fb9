/**
 * "Alle zu mir" on the receiving side: when a facilitator summons everyone, this client moves
 * to the summoner's page and view and says who did it. Only summons that happen while the
 * board is open count: the last one stays in the document, and neither opening the board nor
 * coming back after a long time offline should throw anyone's view around.
 */
import { FacilitationKey, getFacilitationMap, observeFacilitation, parseSummon, type SummonState } from '@dorfplatz/board'
import { useEffect, useState } from 'react'
import type { Editor, TLPageId, TLUserId } from 'tldraw'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { getServerClock } from '../kernel/serverClock.ts'

/** A summon older than this, by the server's clock, arrived late (after time offline) and is ignored. */
export const SUMMON_MAX_AGE_MS = 60_000
/** How long the notice stays on screen. */
const NOTICE_MS = 6_000
/** The camera glides to the summoner's view, so that people see where they were taken. */
const CAMERA_ANIMATION_MS = 600

export interface SummonNotice {
  id: string
  name: string
  /** True on the summoner's own clients, which stay where they are. */
  bySelf: boolean
}

function readSummon(session: BoardSession): SummonState | null {
  return parseSummon(getFacilitationMap(session.doc).get(FacilitationKey.SUMMON))
}

/** Moves `editor` to the summoned page and bounds. */
export function goToSummon(editor: Editor, summon: SummonState): void {
  // Whoever follows the summoner sees their view already; moving would only end the following.
  // Following anyone else ends here (tldraw stops when the camera moves): the summon wins.
  if (editor.getInstanceState().followingUserId === summon.userId) return
  const pageId = summon.pageId as TLPageId
  if (editor.getPage(pageId) && editor.getCurrentPageId() !== pageId) editor.setCurrentPage(pageId)
  editor.zoomToBounds(summon.bounds, { inset: 0, animation: { duration: CAMERA_ANIMATION_MS } })
}

export function useSummonReceiver(editor: Editor, session: BoardSession, selfUserId: TLUserId): SummonNotice | null {
  const [notice, setNotice] = useState<SummonNotice | null>(null)

  useEffect(() => {
    let lastId = readSummon(session)?.id ?? null
    return observeFacilitation(session.doc, () => {
      const summon = readSummon(session)
      if (!summon || summon.id === lastId) return
      lastId = summon.id
      if (Math.abs(getServerClock().now() - summon.at) > SUMMON_MAX_AGE_MS) return
      const bySelf = summon.userId === selfUserId
      // After the whole transaction: a page created along with the summon is in the store then.
      if (!bySelf) queueMicrotask(() => goToSummon(editor, summon))
      setNotice({ id: summon.id, name: summon.name, bySelf })
    })
  }, [editor, session, selfUserId])

  useEffect(() => {
    if (!notice) return
    const timeout = window.setTimeout(() => setNotice((current) => (current === notice ? null : current)), NOTICE_MS)
    return () => window.clearTimeout(timeout)
  }, [notice])

  return notice
}
