/**
 * The open board's series as the server has it (titles only), read when the board opens and
 * again after this page changed it; this browser's list of recent boards remembers it, so that
 * the start page can group a series' boards.
 */
import type { BoardSeries } from '@dorfplatz/protocol'
import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { fetchBoardSeries } from '../api/seriesApi.ts'
import { rememberSeries } from '../storage/recentBoards.ts'
import { seriesChanges } from './seriesChanges.ts'

export function useBoardSeries(boardId: string, token: string): BoardSeries | null {
  const [series, setSeries] = useState<BoardSeries | null>(null)
  const changes = useValue(seriesChanges)
  useEffect(() => {
    let current = true
    fetchBoardSeries(boardId, token)
      .then((found) => {
        if (!current) return
        setSeries(found)
        const position = found?.boards.find((board) => board.id === boardId)?.position
        rememberSeries(boardId, found && position !== undefined ? { id: found.id, name: found.name, position } : null)
      })
      // Offline, or the link is gone: the board shows no series line; the start page keeps what it knew.
      .catch(() => {})
    return () => {
      current = false
    }
  }, [boardId, token, changes])
  return series
}
