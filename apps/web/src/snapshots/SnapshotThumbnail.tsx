/**
 * A snapshot's small sketch (an SVG from the server). The route wants the token in a header,
 * so the picture arrives as a Blob and is shown through an object URL, fetched only once its
 * place scrolls into view and given back when the entry goes.
 */
import { useEffect, useRef, useState } from 'react'
import { fetchFile, snapshotThumbnailPath } from '../api/snapshotApi.ts'

interface SnapshotThumbnailProps {
  boardId: string
  token: string
  snapshotId: string
}

type ThumbnailState = { status: 'waiting' } | { status: 'loaded'; url: string } | { status: 'failed' }

export function SnapshotThumbnail({ boardId, token, snapshotId }: SnapshotThumbnailProps) {
  const frameRef = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<ThumbnailState>({ status: 'waiting' })

  useEffect(() => {
    const frame = frameRef.current
    if (!frame) return
    let cancelled = false
    let url: string | null = null
    const load = () => {
      fetchFile(snapshotThumbnailPath(boardId, snapshotId), token).then(
        (blob) => {
          if (cancelled) return
          url = URL.createObjectURL(blob)
          setState({ status: 'loaded', url })
        },
        () => {
          if (!cancelled) setState({ status: 'failed' })
        },
      )
    }
    // A long history fetches only the sketches someone scrolls to.
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      load()
    })
    observer.observe(frame)
    return () => {
      cancelled = true
      observer.disconnect()
      if (url) URL.revokeObjectURL(url)
    }
  }, [boardId, token, snapshotId])

  return (
    // The entry names the snapshot beside it; the sketch adds nothing a screen reader could say.
    <div ref={frameRef} className="snapshot-thumb" data-testid="snapshot-thumbnail" data-status={state.status} aria-hidden="true">
      {state.status === 'loaded' && <img src={state.url} alt="" decoding="async" />}
    </div>
  )
}
